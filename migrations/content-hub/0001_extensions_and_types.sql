-- The content hub's foundations: pgvector, the enum types the application's TypeScript types mirror,
-- the updated_at trigger function, and the application's database role.
-- Keys are random UUIDs from gen_random_uuid() (built into PostgreSQL 13+; no uuid-ossp extension).

-- pgvector: 1536-dimension embeddings and their HNSW index (declared in migrations.json).
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TYPE visibility AS ENUM ('private', 'aws_only', 'aws_community', 'public');
CREATE TYPE content_type AS ENUM ('blog', 'youtube', 'github', 'conference_talk', 'podcast');
CREATE TYPE badge_type AS ENUM ('community_builder', 'hero', 'ambassador', 'user_group_leader');

-- Keeps updated_at honest without relying on every writer to set it.
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

-- The application's privileges, without a password: a group role that login roles (a user whose password
-- RDS Proxy holds, or an IAM-authenticated user) are granted into. Roles belong to the whole server, so it
-- is created only if another database on the server has not created it already.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'content_hub_app') THEN
    CREATE ROLE content_hub_app NOLOGIN;
  END IF;
END;
$$;
GRANT USAGE ON SCHEMA public TO content_hub_app;
-- Data, not schema: every table and sequence the migrations create from here on (by the role running them).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO content_hub_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO content_hub_app;
