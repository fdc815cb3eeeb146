-- Row-level security restricts every role but the tables' owner and superusers. The owner is the master
-- user that runs the migrations, and it is also what applications use when they reach the database
-- through RDS Proxy with the master secret (the proxy signs in with that secret). So row-level security is
-- forced on every table: the owner too sees and writes only the rows of the tenant its transaction names,
-- and nothing without one. (RDS's master user is no superuser and has no BYPASSRLS.) Foreign key checks
-- still see every row, as they must.

-- Sign-in (tenant_for_cognito_user) is the one question answered across tenants. Under forced row-level
-- security its owner would see no user, so it moves to a role of its own whose only right is to read the
-- tenant, identity and status of active users.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'shop_pulse_sign_in') THEN
    CREATE ROLE shop_pulse_sign_in NOLOGIN;
  END IF;
END;
$$;
GRANT USAGE ON SCHEMA public TO shop_pulse_sign_in;
GRANT SELECT (tenant_id, cognito_user_id, status) ON users TO shop_pulse_sign_in;
CREATE POLICY users_sign_in_lookup ON users FOR SELECT TO shop_pulse_sign_in USING (status = 'Active');

-- Handing the function over needs membership of the new owner (a non-superuser may give away only to a
-- role it belongs to) and the new owner's CREATE on the schema. Both go at once: the membership would let
-- the policy above apply to the master user and show it every active user of every tenant.
GRANT shop_pulse_sign_in TO CURRENT_USER;
GRANT CREATE ON SCHEMA public TO shop_pulse_sign_in;
ALTER FUNCTION tenant_for_cognito_user(text) OWNER TO shop_pulse_sign_in;
-- The previous owner's implicit right to call it went with the ownership: applications signed in as the
-- master user call it too (granted while the membership lasts, on the new owner's behalf).
GRANT EXECUTE ON FUNCTION tenant_for_cognito_user(text) TO shop_pulse_app, CURRENT_USER;
REVOKE CREATE ON SCHEMA public FROM shop_pulse_sign_in;
REVOKE shop_pulse_sign_in FROM CURRENT_USER;

ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
ALTER TABLE orders FORCE ROW LEVEL SECURITY;
ALTER TABLE fulfillment FORCE ROW LEVEL SECURITY;
ALTER TABLE marketing_campaigns FORCE ROW LEVEL SECURITY;
ALTER TABLE role_metric_visibility FORCE ROW LEVEL SECURITY;
ALTER TABLE governance_rules FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_logs FORCE ROW LEVEL SECURITY;
