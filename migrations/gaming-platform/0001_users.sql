-- Accounts of the gaming platform (seed 002, "user profiles").
-- Keys are random UUIDs (gen_random_uuid is built into PostgreSQL 13+; no uuid-ossp extension needed).

-- Keeps updated_at honest without relying on every writer to set it; used by every table's trigger.
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

CREATE TABLE users (
  id             uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  username       varchar(50)  NOT NULL,
  email          varchar(255) NOT NULL,
  -- NULL for accounts that only sign in through an OAuth provider.
  password_hash  varchar(255),
  display_name   varchar(100),
  avatar_url     varchar(500),
  is_active      boolean      NOT NULL DEFAULT true,
  is_verified    boolean      NOT NULL DEFAULT false,
  oauth_provider varchar(50),
  oauth_id       varchar(255),
  created_at     timestamptz  NOT NULL DEFAULT now(),
  updated_at     timestamptz  NOT NULL DEFAULT now(),
  last_login_at  timestamptz,
  CONSTRAINT users_username_shape CHECK (username ~ '^[A-Za-z0-9_.-]{3,50}$'),
  -- A deliberately loose shape (one @, a dot in the domain, no spaces): real validation is the verification mail.
  CONSTRAINT users_email_shape CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
  CONSTRAINT users_oauth_pair CHECK ((oauth_provider IS NULL) = (oauth_id IS NULL)),
  CONSTRAINT users_has_credential CHECK (password_hash IS NOT NULL OR oauth_provider IS NOT NULL),
  CONSTRAINT users_avatar_url_shape CHECK (avatar_url IS NULL OR avatar_url ~ '^https://')
);

-- Sign-in and sign-up look users up case-insensitively: WHERE lower(email) = lower($1).
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
-- OAuth sign-in: WHERE oauth_provider = $1 AND oauth_id = $2.
CREATE UNIQUE INDEX users_oauth_identity_key ON users (oauth_provider, oauth_id) WHERE oauth_provider IS NOT NULL;

CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
