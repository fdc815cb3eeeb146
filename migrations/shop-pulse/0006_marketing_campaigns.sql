-- Marketing spend and results per campaign and day.

CREATE TABLE marketing_campaigns (
  tenant_id          varchar(10)   NOT NULL REFERENCES tenants (tenant_id),
  campaign_id        varchar(20)   NOT NULL,
  date               date          NOT NULL,
  channel            varchar(20),
  spend              numeric(10,2),
  impressions        integer,
  clicks             integer,
  conversions        integer,
  revenue_attributed numeric(10,2),
  created_at         timestamptz   NOT NULL DEFAULT now(),
  updated_at         timestamptz   NOT NULL DEFAULT now(),
  -- Campaign ids are the tenant's own, like order ids.
  CONSTRAINT marketing_campaigns_pkey PRIMARY KEY (tenant_id, campaign_id)
);

-- Campaigns in a date range: WHERE tenant_id = $1 AND date BETWEEN $2 AND $3.
CREATE INDEX marketing_campaigns_tenant_date_idx ON marketing_campaigns (tenant_id, date);
-- By channel: WHERE tenant_id = $1 AND channel = $2.
CREATE INDEX marketing_campaigns_tenant_channel_idx ON marketing_campaigns (tenant_id, channel);

CREATE TRIGGER marketing_campaigns_set_updated_at BEFORE UPDATE ON marketing_campaigns
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

ALTER TABLE marketing_campaigns ENABLE ROW LEVEL SECURITY;
CREATE POLICY marketing_campaigns_tenant_isolation ON marketing_campaigns
  USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
