import { loadMigrationFiles } from '../../../migrations/runner/migration-files';
import { migrateUp } from '../../../migrations/runner/migrator';
import { SqlSession } from '../../../migrations/runner/sql-session';
import { closeSessions, createDatabase, GAMING_PLATFORM_MIGRATIONS, sessionFor } from '../../support/migration-fixtures';
import { startThrowawayPostgres, ThrowawayPostgres } from '../../support/throwaway-postgres';

// The gaming platform's schema on a real PostgreSQL 15 server: its constraints, triggers and foreign keys
// behave as docs/migrations.md says, and the documented queries use the indexes written for them.

let server: ThrowawayPostgres;
let db: SqlSession;

beforeAll(async () => {
  server = await startThrowawayPostgres();
  db = await sessionFor(await createDatabase(server));
  await migrateUp(db, loadMigrationFiles(GAMING_PLATFORM_MIGRATIONS));
});
afterAll(async () => {
  await closeSessions();
  await server?.stop();
});

let userCounter = 0;
async function insertUser(overrides: Record<string, unknown> = {}): Promise<string> {
  const n = ++userCounter;
  const row = { username: `player_${n}`, email: `player${n}@example.com`, password_hash: 'argon2id$x', ...overrides };
  const columns = Object.keys(row);
  const [{ id }] = await db.query<{ id: string }>(
    `INSERT INTO users (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    Object.values(row),
  );
  return id;
}

/** Runs a statement in a savepoint-free way and returns the violated constraint's name, or undefined. */
async function violatedConstraint(sql: string, params: unknown[]): Promise<string | undefined> {
  try {
    await db.query(sql, params);
    return undefined;
  } catch (error) {
    return (error as { constraint?: string }).constraint;
  }
}

describe('gaming-platform schema: constraints', () => {
  test.each([
    ['a username with spaces', { username: 'two words' }, 'users_username_shape'],
    ['an email without @', { email: 'player.example.com' }, 'users_email_shape'],
    ['an OAuth provider without its id', { oauth_provider: 'google' }, 'users_oauth_pair'],
    ['neither password nor OAuth identity', { password_hash: null }, 'users_has_credential'],
    ['a plain-http avatar', { avatar_url: 'http://cdn.example.com/a.png' }, 'users_avatar_url_shape'],
  ])('GIVEN %s WHEN a user is inserted THEN %s rejects it', async (_case, overrides, constraint) => {
    await expect(insertUser(overrides).then(() => undefined, (error) => error.constraint)).resolves.toBe(constraint);
  });

  test('GIVEN an email in another case WHEN a second user takes it THEN the case-insensitive unique index rejects it', async () => {
    await insertUser({ email: 'Casey@Example.com' });
    await expect(insertUser({ email: 'casey@example.COM' }).then(() => undefined, (error) => error.constraint)).resolves.toBe('users_email_key');
  });

  test('GIVEN a user with stats WHEN a second stats row is inserted THEN one row per user holds', async () => {
    const user = await insertUser();
    await db.query('INSERT INTO user_stats (user_id) VALUES ($1)', [user]);
    expect(await violatedConstraint('INSERT INTO user_stats (user_id) VALUES ($1)', [user])).toBe('user_stats_user_id_key');
  });

  test.each([
    ['games_played = -1', 'user_stats_counters_not_negative'],
    ['rank_points = -5', 'user_stats_counters_not_negative'],
    ["rank_tier = 'Wood'", 'user_stats_rank_tier_known'],
    ['games_played = 1, games_won = 1, games_lost = 1', 'user_stats_outcomes_within_played'],
    [`achievements = '{}'`, 'user_stats_achievements_array'],
  ])('GIVEN stats WHEN set %s THEN %s rejects it', async (assignment, constraint) => {
    const user = await insertUser();
    await db.query('INSERT INTO user_stats (user_id) VALUES ($1)', [user]);
    expect(await violatedConstraint(`UPDATE user_stats SET ${assignment} WHERE user_id = $1`, [user])).toBe(constraint);
  });

  test.each([
    [`status = 'paused', ended_at = now()`, 'game_sessions_status_known'],
    [`result = 'win'`, 'game_sessions_result_only_when_completed'],
    [`status = 'completed'`, 'game_sessions_ended_when_not_active'],
    [`status = 'completed', ended_at = started_at - interval '1 minute'`, 'game_sessions_ends_after_start'],
  ])('GIVEN an active game session WHEN set %s THEN %s rejects it', async (assignment, constraint) => {
    const user = await insertUser();
    const [{ id }] = await db.query<{ id: string }>(`INSERT INTO game_sessions (user_id, game_type) VALUES ($1, 'tictactoe') RETURNING id`, [user]);
    expect(await violatedConstraint(`UPDATE game_sessions SET ${assignment} WHERE id = $1`, [id])).toBe(constraint);
  });

  test.each([
    [`status = 'resolved'`, 'support_tickets_resolved_at_matches_status'],
    ['priority = 0', 'support_tickets_priority_range'],
    [`category = 'misc'`, 'support_tickets_category_known'],
    [`subject = '   '`, 'support_tickets_subject_not_blank'],
  ])('GIVEN an open ticket WHEN set %s THEN %s rejects it', async (assignment, constraint) => {
    const [{ id }] = await db.query<{ id: string }>(
      `INSERT INTO support_tickets (contact_email, category, subject, body) VALUES ('a@example.com', 'bug', 'Crash', 'It crashed') RETURNING id`,
    );
    expect(await violatedConstraint(`UPDATE support_tickets SET ${assignment} WHERE id = $1`, [id])).toBe(constraint);
  });
});

describe('gaming-platform schema: triggers and foreign keys', () => {
  test('GIVEN a row updated in a later transaction WHEN read THEN updated_at moved and created_at did not', async () => {
    const user = await insertUser();
    const [before] = await db.query<{ created_at: Date; updated_at: Date }>('SELECT created_at, updated_at FROM users WHERE id = $1', [user]);
    await db.query(`SELECT pg_sleep(0.01)`);
    await db.query(`UPDATE users SET display_name = 'New name' WHERE id = $1`, [user]);
    const [after] = await db.query<{ created_at: Date; updated_at: Date }>('SELECT created_at, updated_at FROM users WHERE id = $1', [user]);
    expect(after.created_at).toEqual(before.created_at);
    expect(after.updated_at.getTime()).toBeGreaterThan(before.updated_at.getTime());
  });

  test('GIVEN a user with stats, sessions and a ticket WHEN the user is deleted THEN stats and sessions go, the ticket stays without its user', async () => {
    const user = await insertUser();
    await db.query('INSERT INTO user_stats (user_id) VALUES ($1)', [user]);
    const [session] = await db.query<{ id: string }>(`INSERT INTO game_sessions (user_id, game_type) VALUES ($1, 'chess') RETURNING id`, [user]);
    const [ticket] = await db.query<{ id: string }>(
      `INSERT INTO support_tickets (user_id, contact_email, game_session_id, category, subject, body)
       VALUES ($1, 'p@example.com', $2, 'gameplay', 'Lag', 'Laggy game') RETURNING id`,
      [user, session.id],
    );

    await db.query('DELETE FROM users WHERE id = $1', [user]);

    expect(await db.query('SELECT 1 FROM user_stats WHERE user_id = $1', [user])).toHaveLength(0);
    expect(await db.query('SELECT 1 FROM game_sessions WHERE user_id = $1', [user])).toHaveLength(0);
    expect(await db.query('SELECT user_id, game_session_id, contact_email FROM support_tickets WHERE id = $1', [ticket.id])).toEqual([
      { user_id: null, game_session_id: null, contact_email: 'p@example.com' },
    ]);
  });
});

/** The names of the indexes a plan scans, and whether any node reads a table sequentially. */
function planSummary(plan: any): { indexes: string[]; seqScan: boolean } {
  const indexes: string[] = [];
  let seqScan = false;
  const walk = (node: any) => {
    if (node['Index Name']) indexes.push(`${node['Node Type']}: ${node['Index Name']}`);
    if (node['Node Type'] === 'Seq Scan') seqScan = true;
    (node.Plans ?? []).forEach(walk);
  };
  walk(plan[0].Plan);
  return { indexes, seqScan };
}

describe('gaming-platform schema: the documented queries use their indexes (100,000 users, ANALYZEd)', () => {
  beforeAll(async () => {
    // Real row counts and statistics, so the planner chooses as it would in production rather than seq-scanning a tiny table.
    await db.execute(`
      INSERT INTO users (username, email, password_hash)
        SELECT 'bulk_' || n, 'bulk' || n || '@example.com', 'x' FROM generate_series(1, 100000) AS n;
      INSERT INTO user_stats (user_id, rank_points, rank_tier, games_played)
        SELECT id, (random() * 5000)::int, (ARRAY['Bronze','Silver','Gold','Platinum','Diamond'])[1 + (random() * 4)::int], 10
          FROM users WHERE username LIKE 'bulk_%';
      INSERT INTO game_sessions (user_id, game_type, status, result, started_at, ended_at)
        SELECT id, 'chess', 'completed', 'win', now() - interval '2 hours', now() - interval '1 hour'
          FROM users WHERE username LIKE 'bulk_%';
      ANALYZE;
    `);
  });

  test.each([
    [
      'the global leaderboard',
      'user_stats_leaderboard_idx',
      `SELECT s.user_id, u.display_name, s.rank_points FROM user_stats s JOIN users u ON u.id = s.user_id
        ORDER BY s.rank_points DESC, s.user_id LIMIT 100`,
      [],
    ],
    [
      "one tier's leaderboard",
      'user_stats_tier_leaderboard_idx',
      `SELECT s.user_id, u.display_name, s.rank_points FROM user_stats s JOIN users u ON u.id = s.user_id
        WHERE s.rank_tier = $1 ORDER BY s.rank_points DESC, s.user_id LIMIT 100`,
      ['Gold'],
    ],
    ['sign-in by email', 'users_email_key', 'SELECT id, password_hash FROM users WHERE lower(email) = lower($1)', ['Bulk42@example.com']],
    [
      "a player's recent games",
      'game_sessions_user_recent_idx',
      'SELECT id, result FROM game_sessions WHERE user_id = $1 ORDER BY started_at DESC LIMIT 20',
      ['00000000-0000-4000-8000-000000000000'],
    ],
  ])('GIVEN production-like rows WHEN %s is explained THEN it scans %s and reads no table sequentially', async (_query, index, sql, params) => {
    const [{ 'QUERY PLAN': plan }] = await db.query<{ 'QUERY PLAN': any }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    const summary = planSummary(plan);
    // An index-only scan is the same index used without visiting the table: better still.
    expect(summary.indexes).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^Index (Only )?Scan: ${index}$`))]));
    expect(summary.seqScan).toBe(false);
  });
});
