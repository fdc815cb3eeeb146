-- Contributors: profiles tied to a Cognito identity.

CREATE TABLE users (
  id                 uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  cognito_sub        varchar(255) NOT NULL,
  email              varchar(255) NOT NULL,
  username           varchar(100) NOT NULL,
  profile_slug       varchar(100) NOT NULL,
  default_visibility visibility   NOT NULL DEFAULT 'private',
  is_admin           boolean      NOT NULL DEFAULT false,
  is_aws_employee    boolean      NOT NULL DEFAULT false,
  created_at         timestamptz  NOT NULL DEFAULT now(),
  updated_at         timestamptz  NOT NULL DEFAULT now(),
  -- Each UNIQUE constraint's index serves the lookup by that column (sign-in by cognito_sub, profile by slug).
  CONSTRAINT users_cognito_sub_key UNIQUE (cognito_sub),
  CONSTRAINT users_email_key UNIQUE (email),
  CONSTRAINT users_username_key UNIQUE (username),
  CONSTRAINT users_profile_slug_key UNIQUE (profile_slug),
  CONSTRAINT users_email_format CHECK (email ~* '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$'),
  CONSTRAINT users_username_format CHECK (username ~ '^[A-Za-z0-9_-]{3,30}$'),
  -- Case-sensitive on purpose: slugs are lower case (a case-insensitive match would let upper case in).
  CONSTRAINT users_profile_slug_format CHECK (profile_slug ~ '^[a-z0-9-]{3,50}$')
);

-- Newest contributors first.
CREATE INDEX users_created_at_idx ON users (created_at DESC);
-- AWS employees are a small minority: a partial index lists them without indexing everyone's false.
CREATE INDEX users_aws_employee_idx ON users (created_at DESC) WHERE is_aws_employee;

CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
