-- Per-user statistics and ranking (seed 002, "statistics"): exactly one row per user.

CREATE TABLE user_stats (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Statistics mean nothing without their user: deleting a user deletes them.
  user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  games_played integer     NOT NULL DEFAULT 0,
  games_won    integer     NOT NULL DEFAULT 0,
  games_lost   integer     NOT NULL DEFAULT 0,
  total_score  bigint      NOT NULL DEFAULT 0,
  rank_points  integer     NOT NULL DEFAULT 1000,
  rank_tier    varchar(20) NOT NULL DEFAULT 'Bronze',
  achievements jsonb       NOT NULL DEFAULT '[]',
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT user_stats_user_id_key UNIQUE (user_id),
  CONSTRAINT user_stats_counters_not_negative
    CHECK (games_played >= 0 AND games_won >= 0 AND games_lost >= 0 AND total_score >= 0 AND rank_points >= 0),
  -- Draws are neither won nor lost, so won + lost may be below played but never above it.
  CONSTRAINT user_stats_outcomes_within_played CHECK (games_won + games_lost <= games_played),
  CONSTRAINT user_stats_rank_tier_known
    CHECK (rank_tier IN ('Bronze', 'Silver', 'Gold', 'Platinum', 'Diamond', 'Master', 'Grandmaster')),
  CONSTRAINT user_stats_achievements_array CHECK (jsonb_typeof(achievements) = 'array')
);

-- Global leaderboard: ORDER BY rank_points DESC, user_id LIMIT $1 (user_id breaks ties deterministically).
CREATE INDEX user_stats_leaderboard_idx ON user_stats (rank_points DESC, user_id);
-- Leaderboard of one tier: WHERE rank_tier = $1 ORDER BY rank_points DESC, user_id LIMIT $2.
CREATE INDEX user_stats_tier_leaderboard_idx ON user_stats (rank_tier, rank_points DESC, user_id);

CREATE TRIGGER user_stats_set_updated_at BEFORE UPDATE ON user_stats
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
