-- The organizations using Shop Pulse.

CREATE TABLE tenants (
  tenant_id    varchar(10)  PRIMARY KEY,
  tenant_name  varchar(100) NOT NULL,
  industry     varchar(50),
  plan_tier    varchar(20),
  country      varchar(50),
  created_date date,
  is_active    boolean      NOT NULL DEFAULT true,
  created_at   timestamptz  NOT NULL DEFAULT now(),
  updated_at   timestamptz  NOT NULL DEFAULT now(),
  -- An empty id would match the '' a finished transaction leaves in app.tenant_id.
  CONSTRAINT tenants_tenant_id_not_blank CHECK (btrim(tenant_id) <> '')
);

CREATE TRIGGER tenants_set_updated_at BEFORE UPDATE ON tenants
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- A tenant sees its own row only.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenants_tenant_isolation ON tenants
  USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
