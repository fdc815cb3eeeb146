-- Seasons, finished trivia sessions, and the time-limited rights to mint that sessions earn.

-- Four or so rows a year, read whole: no index besides the key.
CREATE TABLE seasons (
  -- A readable key, e.g. winter-s1: it appears in URLs and in season_points.
  id         varchar(50)  PRIMARY KEY,
  name       varchar(100) NOT NULL,
  starts_at  timestamptz  NOT NULL,
  ends_at    timestamptz  NOT NULL,
  -- Days after the end during which seasonal forging is still allowed.
  grace_days smallint     NOT NULL DEFAULT 7,
  is_active  boolean      NOT NULL DEFAULT false,
  created_at timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT seasons_ends_after_start CHECK (ends_at > starts_at),
  CONSTRAINT seasons_grace_days_range CHECK (grace_days BETWEEN 0 AND 30)
);

-- Completed sessions only: a session in progress lives in Redis and is written here when it ends.
CREATE TABLE sessions (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  player_id   uuid        NOT NULL REFERENCES players (id) ON DELETE CASCADE,
  -- The player's identifiers at the time of the session.
  stake_key   varchar(255),
  anon_id     varchar(255),
  -- No cascade: a category with recorded sessions cannot be deleted (deactivate it instead).
  category_id uuid        NOT NULL REFERENCES categories (id),
  status      varchar(20) NOT NULL,
  started_at  timestamptz NOT NULL,
  ended_at    timestamptz NOT NULL,
  -- Correct answers out of 10.
  score       smallint    NOT NULL DEFAULT 0,
  total_ms    integer     NOT NULL,
  -- The questions asked, the answers given and their timing.
  questions   jsonb       NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT sessions_status_known CHECK (status IN ('won', 'lost', 'forfeit')),
  CONSTRAINT sessions_score_range CHECK (score BETWEEN 0 AND 10),
  CONSTRAINT sessions_ends_after_start CHECK (ended_at > started_at),
  CONSTRAINT sessions_total_ms_not_negative CHECK (total_ms >= 0)
);

-- A player's recent sessions: WHERE player_id = $1 ORDER BY started_at DESC LIMIT $2.
CREATE INDEX sessions_player_recent_idx ON sessions (player_id, started_at DESC);
-- A category's recent sessions: WHERE category_id = $1 ORDER BY started_at DESC LIMIT $2.
CREATE INDEX sessions_category_recent_idx ON sessions (category_id, started_at DESC);
-- Recent sessions by outcome (forfeits, wins): WHERE status = $1 ORDER BY started_at DESC LIMIT $2.
CREATE INDEX sessions_status_recent_idx ON sessions (status, started_at DESC);
-- Perfect scores per player and category: WHERE player_id = $1 AND score = 10 [AND category_id = $2].
CREATE INDEX sessions_perfect_scores_idx ON sessions (player_id, category_id) WHERE score = 10;

-- Recording a session is what "seen" means for a player.
CREATE FUNCTION set_player_last_seen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE players SET last_seen_at = now() WHERE id = NEW.player_id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER sessions_set_player_last_seen AFTER INSERT ON sessions
  FOR EACH ROW EXECUTE FUNCTION set_player_last_seen();

-- The right to mint an NFT, earned by a session and valid for a limited time
-- (an hour for a connected wallet, 25 minutes for a guest; the application sets expires_at).
CREATE TABLE eligibilities (
  id          uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  type        varchar(20)  NOT NULL,
  category_id uuid         REFERENCES categories (id),
  season_id   varchar(50)  REFERENCES seasons (id),
  player_id   uuid         NOT NULL REFERENCES players (id) ON DELETE CASCADE,
  stake_key   varchar(255),
  anon_id     varchar(255),
  status      varchar(20)  NOT NULL DEFAULT 'active',
  expires_at  timestamptz  NOT NULL,
  created_at  timestamptz  NOT NULL DEFAULT now(),
  -- The session that earned it.
  session_id  uuid         REFERENCES sessions (id),
  used_at     timestamptz,
  CONSTRAINT eligibilities_type_known CHECK (type IN ('category', 'master', 'season')),
  CONSTRAINT eligibilities_status_known CHECK (status IN ('active', 'used', 'expired')),
  CONSTRAINT eligibilities_category_when_category_type CHECK (type <> 'category' OR category_id IS NOT NULL)
);

-- A player's usable eligibilities: WHERE player_id = $1 AND status = 'active' AND expires_at > now().
CREATE INDEX eligibilities_player_active_idx ON eligibilities (player_id, expires_at) WHERE status = 'active';
-- Active eligibilities about to expire (the expiry sweep, reminders):
-- WHERE status = 'active' AND expires_at < $1 ORDER BY expires_at LIMIT $2.
CREATE INDEX eligibilities_expiring_idx ON eligibilities (expires_at) WHERE status = 'active';
-- A player's eligibilities for one category, any status (and the cascade when a player is deleted).
CREATE INDEX eligibilities_player_category_idx ON eligibilities (player_id, category_id, status);
-- The eligibility a session earned: without it, deleting sessions (a player's erasure) would read the whole
-- table once per session to check the foreign key.
CREATE INDEX eligibilities_session_idx ON eligibilities (session_id) WHERE session_id IS NOT NULL;
