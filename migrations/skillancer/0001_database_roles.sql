-- The roles applications use, without any password: privileges sit on two group roles that cannot log in,
-- and applications log in as two users that are members of them and authenticate with IAM tokens.
--
--   skillancer_app            group: read and write the data, never change the schema
--   skillancer_readonly       group: read the data (analytics)
--   skillancer_app_user       login, member of skillancer_app      (IAM authentication on RDS)
--   skillancer_readonly_user  login, member of skillancer_readonly (IAM authentication on RDS)
--
-- Roles belong to the whole server, not to one database: create them only where they are missing, so that
-- a second database on the same server (or a database re-created from scratch) migrates too. The
-- attributes are then set whatever created the roles, so no password and no extra power survive.

DO $$
DECLARE
  role_name text;
BEGIN
  FOREACH role_name IN ARRAY ARRAY['skillancer_app', 'skillancer_readonly', 'skillancer_app_user', 'skillancer_readonly_user'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role_name) THEN
      EXECUTE format('CREATE ROLE %I', role_name);
    END IF;
  END LOOP;
END
$$;

-- (SUPERUSER, REPLICATION and BYPASSRLS are not named: only a superuser may name them, and the RDS master
-- user is not one; CREATE ROLE leaves all three off.)
ALTER ROLE skillancer_app           NOLOGIN NOCREATEDB NOCREATEROLE PASSWORD NULL;
ALTER ROLE skillancer_readonly      NOLOGIN NOCREATEDB NOCREATEROLE PASSWORD NULL;
ALTER ROLE skillancer_app_user      LOGIN INHERIT NOCREATEDB NOCREATEROLE PASSWORD NULL;
ALTER ROLE skillancer_readonly_user LOGIN INHERIT NOCREATEDB NOCREATEROLE PASSWORD NULL;

GRANT skillancer_app TO skillancer_app_user;
GRANT skillancer_readonly TO skillancer_readonly_user;

-- On RDS, membership of rds_iam makes the server authenticate these users with IAM tokens. The role
-- exists only on RDS; elsewhere (PGlite, a local PostgreSQL) the users simply have no password.
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'rds_iam') THEN
    GRANT rds_iam TO skillancer_app_user, skillancer_readonly_user;
  END IF;
END
$$;

-- The database is whichever one this runs in (named per environment), so its name is not written here.
DO $$
BEGIN
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO skillancer_app, skillancer_readonly', current_database());
END
$$;

-- Only the owner changes the schema: PostgreSQL 15 and later no longer let every role create in public,
-- but a database created by an older version (or restored from one) still would.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO skillancer_app, skillancer_readonly;

-- What exists now.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO skillancer_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO skillancer_app;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO skillancer_readonly;

-- Except the runner's record of applied migrations: an application that could rewrite it could make a
-- deploy skip or refuse migrations.
DO $$
BEGIN
  IF to_regclass('public.datastack_migrations') IS NOT NULL THEN
    REVOKE ALL ON public.datastack_migrations FROM skillancer_app, skillancer_readonly;
  END IF;
END
$$;

-- What later migrations create. Default privileges apply to objects created by the role that runs this
-- statement, i.e. the user running the migrations (the master user); tables another role creates are
-- not covered (that role would need the same statements).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO skillancer_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO skillancer_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO skillancer_readonly;
