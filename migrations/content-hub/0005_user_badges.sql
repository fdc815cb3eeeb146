-- Recognition programmes a contributor belongs to: at most one badge of each type per user.

CREATE TABLE user_badges (
  id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  badge_type badge_type  NOT NULL,
  awarded_at timestamptz NOT NULL DEFAULT now(),
  -- The admin who awarded it; the badge outlives that admin's account.
  awarded_by uuid        REFERENCES users (id) ON DELETE SET NULL,
  metadata   jsonb       DEFAULT '{}',
  -- Also the index for a user's badges: WHERE user_id = $1.
  CONSTRAINT user_badges_user_badge_key UNIQUE (user_id, badge_type)
);

-- Everyone with a badge type: WHERE badge_type = $1.
CREATE INDEX user_badges_badge_type_idx ON user_badges (badge_type);
-- Recently awarded first.
CREATE INDEX user_badges_awarded_at_idx ON user_badges (awarded_at DESC);
-- The SET NULL when an awarding admin's account is deleted.
CREATE INDEX user_badges_awarded_by_idx ON user_badges (awarded_by) WHERE awarded_by IS NOT NULL;
