-- Shop Pulse keeps every tenant's data in the same tables, each row carrying its tenant_id. The database
-- itself keeps tenants apart: the application role sees and writes only the rows of the tenant its
-- transaction names (row-level security on app.tenant_id), and none at all when it names none.

-- The application's privileges, without a password: a group role that login roles (a user whose password
-- RDS Proxy holds) are granted into. Roles belong to the whole server, so each is created only if another
-- database on the server has not created it already.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'shop_pulse_app') THEN
    CREATE ROLE shop_pulse_app NOLOGIN;
  END IF;
  -- On RDS (where the rds_iam role exists): a login for applications that sign in with an IAM token
  -- instead of a password. rds_iam goes to this login only, not to the group: a member of rds_iam can no
  -- longer sign in with a password, which would lock out the password logins granted the group.
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'rds_iam')
     AND NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'shop_pulse_app_iam') THEN
    CREATE ROLE shop_pulse_app_iam LOGIN IN ROLE shop_pulse_app;
    GRANT rds_iam TO shop_pulse_app_iam;
  END IF;
END;
$$;
GRANT USAGE ON SCHEMA public TO shop_pulse_app;
-- Data, not schema: every table the migrations create from here on (as the role running them) is readable
-- and writable by the application, subject to each table's row-level security.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO shop_pulse_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO shop_pulse_app;

-- The tenant the current transaction works for: set by the application at the start of each transaction
-- with SELECT set_config('app.tenant_id', $1, true) (or SET LOCAL app.tenant_id = ...). NULL when unset;
-- after a transaction that set it ends, PostgreSQL leaves '' behind, which counts as unset too.
-- Inlined into the policies, so the tenant_id indexes serve them.
CREATE FUNCTION current_tenant_id() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '') $$;

-- Keeps updated_at honest without relying on every writer to set it.
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;
