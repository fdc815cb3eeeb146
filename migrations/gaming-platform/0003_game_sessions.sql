-- Finished and running game sessions (seed 002, "game sessions"). The move-by-move state lives in
-- DynamoDB; this is the durable record a player's history and the statistics are built from.

CREATE TABLE game_sessions (
  id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  -- A player's history goes with the player.
  user_id           uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  game_type         varchar(50) NOT NULL,
  status            varchar(20) NOT NULL DEFAULT 'active',
  result            varchar(10),
  score             integer     NOT NULL DEFAULT 0,
  rank_points_delta integer     NOT NULL DEFAULT 0,
  -- The game's key in the DynamoDB games table, when the session was played in real time.
  game_id           varchar(100),
  region            varchar(32),
  started_at        timestamptz NOT NULL DEFAULT now(),
  ended_at          timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT game_sessions_status_known CHECK (status IN ('active', 'completed', 'abandoned')),
  CONSTRAINT game_sessions_result_known CHECK (result IS NULL OR result IN ('win', 'loss', 'draw')),
  CONSTRAINT game_sessions_result_only_when_completed CHECK (result IS NULL OR status = 'completed'),
  CONSTRAINT game_sessions_ended_when_not_active CHECK ((status = 'active') = (ended_at IS NULL)),
  CONSTRAINT game_sessions_ends_after_start CHECK (ended_at IS NULL OR ended_at >= started_at),
  CONSTRAINT game_sessions_score_not_negative CHECK (score >= 0)
);

-- A player's recent games: WHERE user_id = $1 ORDER BY started_at DESC LIMIT $2.
CREATE INDEX game_sessions_user_recent_idx ON game_sessions (user_id, started_at DESC);
-- Sweeping sessions left active: WHERE status = 'active' AND started_at < now() - interval '1 hour'.
CREATE INDEX game_sessions_active_started_idx ON game_sessions (started_at) WHERE status = 'active';

CREATE TRIGGER game_sessions_set_updated_at BEFORE UPDATE ON game_sessions
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
