-- A tenant's people, signed in through Cognito, each with one role.

CREATE TABLE users (
  tenant_id       varchar(10)  NOT NULL REFERENCES tenants (tenant_id),
  user_id         varchar(10)  NOT NULL,
  email           varchar(100) NOT NULL,
  cognito_user_id varchar(255) NOT NULL,
  role            varchar(20)  NOT NULL,
  region          varchar(10),
  store_id        varchar(10),
  is_tenant_admin boolean      NOT NULL DEFAULT false,
  status          varchar(20)  NOT NULL DEFAULT 'Active',
  created_at      timestamptz  NOT NULL DEFAULT now(),
  updated_at      timestamptz  NOT NULL DEFAULT now(),
  -- User ids are the tenant's own: unique within a tenant. Also the target of the tenant-checked
  -- foreign keys (tenant_id, user_id) of governance rules and audit logs.
  CONSTRAINT users_pkey PRIMARY KEY (tenant_id, user_id),
  CONSTRAINT users_role_known CHECK (role IN ('Admin', 'Finance', 'Operations', 'Marketing')),
  CONSTRAINT users_status_known CHECK (status IN ('Active', 'Inactive', 'Deleted'))
);

-- One Cognito user pool for every tenant: an identity and an email belong to one user in all of Shop Pulse.
-- Sign-in: WHERE cognito_user_id = $1 (through tenant_for_cognito_user below, before a tenant is known).
CREATE UNIQUE INDEX users_cognito_user_id_key ON users (cognito_user_id);
-- WHERE lower(email) = lower($1): unique case-insensitively.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
-- A tenant's users by status: WHERE tenant_id = $1 AND status = 'Active'.
CREATE INDEX users_tenant_status_idx ON users (tenant_id, status);

CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_tenant_isolation ON users
  USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

-- Sign-in happens before the application knows the tenant, and row-level security hides every user
-- until it does: this answers exactly one question across tenants, the tenant of an active Cognito
-- identity (NULL for an unknown or inactive one), running as its owner.
CREATE FUNCTION tenant_for_cognito_user(p_cognito_user_id text) RETURNS varchar(10)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  SELECT tenant_id FROM public.users WHERE cognito_user_id = p_cognito_user_id AND status = 'Active'
$$;
REVOKE EXECUTE ON FUNCTION tenant_for_cognito_user(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenant_for_cognito_user(text) TO shop_pulse_app;
