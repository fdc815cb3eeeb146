-- Player support tickets (seed 002, "support tickets").

CREATE TABLE support_tickets (
  id              uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  -- A ticket outlives the account it came from (support keeps its record); the contact email stays.
  user_id         uuid         REFERENCES users (id) ON DELETE SET NULL,
  contact_email   varchar(255) NOT NULL,
  -- The game the ticket is about, if any; deleting the session keeps the ticket.
  game_session_id uuid         REFERENCES game_sessions (id) ON DELETE SET NULL,
  category        varchar(30)  NOT NULL,
  subject         varchar(200) NOT NULL,
  body            text         NOT NULL,
  status          varchar(20)  NOT NULL DEFAULT 'open',
  -- 1 is the most urgent, so the queue index sorts ascending.
  priority        smallint     NOT NULL DEFAULT 3,
  assigned_to     varchar(100),
  created_at      timestamptz  NOT NULL DEFAULT now(),
  updated_at      timestamptz  NOT NULL DEFAULT now(),
  resolved_at     timestamptz,
  CONSTRAINT support_tickets_contact_email_shape CHECK (contact_email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
  CONSTRAINT support_tickets_category_known
    CHECK (category IN ('account', 'billing', 'gameplay', 'bug', 'abuse', 'other')),
  CONSTRAINT support_tickets_status_known
    CHECK (status IN ('open', 'in_progress', 'waiting_on_user', 'resolved', 'closed')),
  CONSTRAINT support_tickets_priority_range CHECK (priority BETWEEN 1 AND 4),
  CONSTRAINT support_tickets_subject_not_blank CHECK (btrim(subject) <> ''),
  CONSTRAINT support_tickets_resolved_at_matches_status
    CHECK ((status IN ('resolved', 'closed')) = (resolved_at IS NOT NULL))
);

-- A player's tickets: WHERE user_id = $1 ORDER BY created_at DESC.
CREATE INDEX support_tickets_user_idx ON support_tickets (user_id, created_at DESC);
-- The agents' queue, most urgent and oldest first, over unresolved tickets only:
-- WHERE status IN ('open', 'in_progress', 'waiting_on_user') ORDER BY priority, created_at LIMIT $1.
CREATE INDEX support_tickets_queue_idx ON support_tickets (priority, created_at)
  WHERE status IN ('open', 'in_progress', 'waiting_on_user');
-- Tickets about one game session (the foreign key's lookups on session delete use it too).
CREATE INDEX support_tickets_game_session_idx ON support_tickets (game_session_id) WHERE game_session_id IS NOT NULL;

CREATE TRIGGER support_tickets_set_updated_at BEFORE UPDATE ON support_tickets
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
