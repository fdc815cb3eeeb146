-- Players, the trivia categories, their questions and the players' reports about questions.
-- Keys are random UUIDs (gen_random_uuid is built into PostgreSQL 13+; no extension needed).

-- A player is a connected wallet (stake_key), a guest (anon_id), or a guest who connected a wallet (both).
CREATE TABLE players (
  id           uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Cardano stake key of a wallet player; NFTs and season points are keyed by it.
  stake_key    varchar(255),
  -- Identifier of a guest player.
  anon_id      varchar(255),
  username     varchar(50),
  email        varchar(255),
  created_at   timestamptz  NOT NULL DEFAULT now(),
  -- Moved forward whenever a session is recorded (the trigger on sessions, in 0002).
  last_seen_at timestamptz  NOT NULL DEFAULT now(),
  -- The unique constraints' own indexes serve the look-ups by stake key, guest id and username.
  CONSTRAINT players_stake_key_key UNIQUE (stake_key),
  CONSTRAINT players_anon_id_key UNIQUE (anon_id),
  CONSTRAINT players_username_key UNIQUE (username),
  CONSTRAINT players_has_identity CHECK (stake_key IS NOT NULL OR anon_id IS NOT NULL),
  CONSTRAINT players_username_shape CHECK (username IS NULL OR username ~ '^[A-Za-z0-9_-]{3,50}$'),
  -- A deliberately loose shape (one @, a dot in the domain, no spaces): real validation is a verification mail.
  CONSTRAINT players_email_shape CHECK (email IS NULL OR email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$')
);

-- Newest players first (back office): ORDER BY created_at DESC LIMIT $1.
CREATE INDEX players_created_at_idx ON players (created_at DESC);

-- A handful of rows, read whole by the application (WHERE is_active ORDER BY display_order): no index
-- besides the keys, since a table this small is read sequentially whatever indexes it has.
CREATE TABLE categories (
  id            uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  name          varchar(100) NOT NULL,
  slug          varchar(100) NOT NULL,
  description   text,
  icon_url      varchar(500),
  is_active     boolean      NOT NULL DEFAULT true,
  display_order smallint     NOT NULL DEFAULT 0,
  created_at    timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT categories_name_key UNIQUE (name),
  CONSTRAINT categories_slug_key UNIQUE (slug),
  CONSTRAINT categories_slug_shape CHECK (slug ~ '^[a-z0-9-]+$')
);

CREATE TABLE questions (
  id            uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  category_id   uuid         NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
  text          text         NOT NULL,
  -- The four answer choices, in the order shown, as a JSON array.
  options       jsonb        NOT NULL,
  correct_index smallint     NOT NULL,
  explanation   text,
  source        varchar(50)  NOT NULL DEFAULT 'bedrock',
  difficulty    varchar(20)  NOT NULL DEFAULT 'medium',
  -- SHA-256 of the question, so a generated duplicate is refused.
  hash          varchar(64)  NOT NULL,
  is_active     boolean      NOT NULL DEFAULT true,
  -- The question's place in its category's random order; draws read a run of it (see docs/systems/trivia-nft.md).
  random_key    double precision NOT NULL DEFAULT random(),
  created_at    timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT questions_hash_key UNIQUE (hash),
  -- CASE, not AND: PostgreSQL does not promise to evaluate AND left to right, and
  -- jsonb_array_length raises an error (instead of failing the check) on anything but an array.
  CONSTRAINT questions_four_options
    CHECK (CASE WHEN jsonb_typeof(options) = 'array' THEN jsonb_array_length(options) = 4 ELSE false END),
  CONSTRAINT questions_correct_index_range CHECK (correct_index BETWEEN 0 AND 3),
  CONSTRAINT questions_source_known CHECK (source IN ('bedrock', 'manual', 'community')),
  CONSTRAINT questions_difficulty_known CHECK (difficulty IN ('easy', 'medium', 'hard')),
  CONSTRAINT questions_random_key_range CHECK (random_key >= 0 AND random_key < 1)
);

-- Random active questions of a category: WHERE category_id = $1 AND is_active AND random_key >= <a random
-- number> ORDER BY random_key LIMIT $2, wrapping around to the start (the full query is in the docs).
CREATE INDEX questions_random_pick_idx ON questions (category_id, random_key) WHERE is_active;
-- Newest questions first (reviewing what the generator added): ORDER BY created_at DESC LIMIT $1.
CREATE INDEX questions_created_at_idx ON questions (created_at DESC);

-- Players' reports of wrong or unclear questions, and the moderators' handling of them.
CREATE TABLE question_flags (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  question_id uuid        NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
  player_id   uuid        NOT NULL REFERENCES players (id) ON DELETE CASCADE,
  reason      text,
  handled     boolean     NOT NULL DEFAULT false,
  -- The moderator; deleting the moderator's account keeps the record of the flag having been handled.
  handled_by  uuid        REFERENCES players (id) ON DELETE SET NULL,
  handled_at  timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- The moderators' queue, oldest first, over unhandled flags only: WHERE NOT handled ORDER BY created_at LIMIT $1.
CREATE INDEX question_flags_unhandled_idx ON question_flags (created_at) WHERE NOT handled;
-- The flags of one question (and the cascade when a question is deleted).
CREATE INDEX question_flags_question_idx ON question_flags (question_id);
-- The flags a player raised (and the cascade when a player is deleted).
CREATE INDEX question_flags_player_idx ON question_flags (player_id, created_at DESC);
-- The flags a moderator handled (and the SET NULL when a moderator is deleted).
CREATE INDEX question_flags_handled_by_idx ON question_flags (handled_by) WHERE handled_by IS NOT NULL;
