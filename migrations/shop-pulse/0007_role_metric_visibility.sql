-- Which metrics each role of a tenant may see.

CREATE TABLE role_metric_visibility (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id   varchar(10) NOT NULL REFERENCES tenants (tenant_id),
  role        varchar(20) NOT NULL,
  metric_name varchar(50) NOT NULL,
  is_visible  boolean     NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  -- Also the index for a role's metrics: WHERE tenant_id = $1 AND role = $2.
  CONSTRAINT role_metric_visibility_key UNIQUE (tenant_id, role, metric_name),
  CONSTRAINT role_metric_visibility_role_known CHECK (role IN ('Admin', 'Finance', 'Operations', 'Marketing'))
);

CREATE TRIGGER role_metric_visibility_set_updated_at BEFORE UPDATE ON role_metric_visibility
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

ALTER TABLE role_metric_visibility ENABLE ROW LEVEL SECURITY;
CREATE POLICY role_metric_visibility_tenant_isolation ON role_metric_visibility
  USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
