-- Data a user may see, narrowed by dimension (their regions, stores, team).

CREATE TABLE governance_rules (
  rule_id    uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id  varchar(10) NOT NULL REFERENCES tenants (tenant_id),
  user_id    varchar(10) NOT NULL,
  dimension  varchar(50) NOT NULL,
  values     text[]      NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- The user must be the same tenant's.
  CONSTRAINT governance_rules_user_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, user_id),
  CONSTRAINT governance_rules_dimension_known CHECK (dimension IN ('region', 'store', 'team', 'custom'))
);

-- A user's rules (and the foreign key's checks): WHERE tenant_id = $1 AND user_id = $2.
CREATE INDEX governance_rules_tenant_user_idx ON governance_rules (tenant_id, user_id);

CREATE TRIGGER governance_rules_set_updated_at BEFORE UPDATE ON governance_rules
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

ALTER TABLE governance_rules ENABLE ROW LEVEL SECURITY;
CREATE POLICY governance_rules_tenant_isolation ON governance_rules
  USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
