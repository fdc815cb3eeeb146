-- The audit trail: append-only. Rows are added and read, never changed or removed, and the database
-- enforces it: the application role has no UPDATE, DELETE or TRUNCATE privilege on the table, and
-- triggers refuse those statements from anyone else, the table's owner included.

CREATE TABLE audit_logs (
  log_id        uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id     varchar(10)  NOT NULL REFERENCES tenants (tenant_id),
  -- NULL for actions no user took (a scheduled import).
  user_id       varchar(10),
  action        varchar(100) NOT NULL,
  resource_type varchar(50)  NOT NULL,
  resource_id   varchar(255),
  details       jsonb,
  ip_address    inet,
  created_at    timestamptz  NOT NULL DEFAULT now(),
  -- The user must be the same tenant's. Deleting a user with an audit trail is refused (users are
  -- deactivated: status 'Deleted'), since the trail cannot be rewritten to forget them.
  CONSTRAINT audit_logs_user_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, user_id)
);

-- A tenant's trail over time: WHERE tenant_id = $1 AND created_at >= $2 ORDER BY created_at DESC.
CREATE INDEX audit_logs_tenant_created_idx ON audit_logs (tenant_id, created_at DESC);
-- One user's actions (and the foreign key's checks): WHERE tenant_id = $1 AND user_id = $2 ORDER BY created_at DESC.
CREATE INDEX audit_logs_tenant_user_created_idx ON audit_logs (tenant_id, user_id, created_at DESC);
-- One kind of action: WHERE tenant_id = $1 AND action = $2 ORDER BY created_at DESC.
CREATE INDEX audit_logs_tenant_action_created_idx ON audit_logs (tenant_id, action, created_at DESC);

REVOKE UPDATE, DELETE, TRUNCATE ON audit_logs FROM shop_pulse_app;

CREATE FUNCTION refuse_audit_log_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_logs_append_only BEFORE UPDATE OR DELETE ON audit_logs
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_log_change();
CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON audit_logs
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_log_change();

ALTER TABLE audit_logs ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_logs_tenant_isolation ON audit_logs
  USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
