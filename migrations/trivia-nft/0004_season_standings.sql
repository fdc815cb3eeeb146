-- Season points per wallet, and the daily snapshots of each season's leaderboard.

-- Keeps updated_at honest without relying on every writer to set it.
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

CREATE TABLE season_points (
  season_id         varchar(50)  NOT NULL REFERENCES seasons (id),
  stake_key         varchar(255) NOT NULL,
  points            integer      NOT NULL DEFAULT 0,
  perfect_scores    integer      NOT NULL DEFAULT 0,
  nfts_minted       integer      NOT NULL DEFAULT 0,
  avg_answer_ms     integer      NOT NULL DEFAULT 0,
  sessions_used     integer      NOT NULL DEFAULT 0,
  -- When the wallet first scored this season: the last tie-breaker before the stake key.
  first_achieved_at timestamptz,
  updated_at        timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT season_points_pkey PRIMARY KEY (season_id, stake_key),
  CONSTRAINT season_points_counters_not_negative
    CHECK (points >= 0 AND perfect_scores >= 0 AND nfts_minted >= 0 AND avg_answer_ms >= 0 AND sessions_used >= 0)
);

-- A season's leaderboard in ranking order, ties broken by NFTs minted, perfect scores, faster answers,
-- fewer sessions, who scored first, then the stake key so that pages are stable:
-- WHERE season_id = $1 ORDER BY points DESC, nfts_minted DESC, perfect_scores DESC, avg_answer_ms,
-- sessions_used, first_achieved_at, stake_key LIMIT $2 OFFSET $3.
CREATE INDEX season_points_leaderboard_idx ON season_points
  (season_id, points DESC, nfts_minted DESC, perfect_scores DESC, avg_answer_ms, sessions_used, first_achieved_at, stake_key);
-- A wallet's standing in every season: WHERE stake_key = $1.
CREATE INDEX season_points_stake_key_idx ON season_points (stake_key, season_id);

CREATE TRIGGER season_points_set_updated_at BEFORE UPDATE ON season_points
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- One row per wallet per season per day, written by the daily snapshot job.
CREATE TABLE leaderboard_snapshots (
  id             uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  season_id      varchar(50)  NOT NULL REFERENCES seasons (id),
  snapshot_date  date         NOT NULL,
  stake_key      varchar(255) NOT NULL,
  rank           integer      NOT NULL,
  points         integer      NOT NULL,
  nfts_minted    integer      NOT NULL,
  perfect_scores integer      NOT NULL,
  avg_answer_ms  integer      NOT NULL,
  created_at     timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT leaderboard_snapshots_entry_key UNIQUE (season_id, snapshot_date, stake_key),
  CONSTRAINT leaderboard_snapshots_rank_positive CHECK (rank > 0),
  CONSTRAINT leaderboard_snapshots_counters_not_negative
    CHECK (points >= 0 AND nfts_minted >= 0 AND perfect_scores >= 0 AND avg_answer_ms >= 0)
);

-- One day's leaderboard of a season: WHERE season_id = $1 AND snapshot_date = $2 ORDER BY rank LIMIT $3.
CREATE INDEX leaderboard_snapshots_ranking_idx ON leaderboard_snapshots (season_id, snapshot_date, rank);
-- A wallet's rank history in a season: WHERE stake_key = $1 AND season_id = $2 ORDER BY snapshot_date.
CREATE INDEX leaderboard_snapshots_stake_key_idx ON leaderboard_snapshots (stake_key, season_id, snapshot_date);
