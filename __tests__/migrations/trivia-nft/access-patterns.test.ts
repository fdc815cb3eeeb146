import { loadMigrationFiles } from '../../../migrations/runner/migration-files';
import { migrateUp } from '../../../migrations/runner/migrator';
import { SqlSession } from '../../../migrations/runner/sql-session';
import { closeSessions, createDatabase, sessionFor } from '../../support/migration-fixtures';
import { startThrowawayPostgres, ThrowawayPostgres } from '../../support/throwaway-postgres';
import { explain, scansOf } from './query-plans';
import { FIRST_SEASON_ID, insertRow, SCIENCE_CATEGORY_ID, TRIVIA_NFT_MIGRATIONS } from './trivia-nft-rows';

// The trivia-nft access patterns on a real PostgreSQL 15 server holding production-like volumes (thousands
// to a hundred thousand rows per table, ANALYZEd, so that the planner would read a table sequentially if no
// index fitted): each documented query is planned on the index written for it, and every index of the schema
// is the planned index of at least one documented query.

let server: ThrowawayPostgres;
let db: SqlSession;

/** Keys of real rows in the loaded data, for the queries' parameters. */
interface Sample {
  readonly playerId: string;
  readonly stakeKey: string;
  readonly anonId: string;
  readonly username: string;
  readonly activePlayerId: string;
  readonly eligibleCategoryId: string;
  readonly collectorStakeKey: string;
  readonly questionId: string;
  readonly questionHash: string;
  readonly moderatorId: string;
  readonly sessionId: string;
  readonly eligibilityId: string;
  readonly txHash: string;
  readonly assetFingerprint: string;
}
let sample: Sample;

// Wallets are stake1u0000000001.. (4,000), guests guest-4001.. (1,000); the first 200 wallets are collectors
// holding 150 NFTs each; players 1-50 are the moderators.
const LOAD = `
  INSERT INTO players (stake_key, anon_id, username, created_at)
    SELECT CASE WHEN n <= 4000 THEN 'stake1u' || lpad(n::text, 10, '0') END,
           CASE WHEN n > 4000 THEN 'guest-' || n END,
           'player_' || n,
           now() - (n % 90) * interval '1 day' - n * interval '1 second'
      FROM generate_series(1, 5000) AS n;

  -- 3,000 questions per category, one in ten retired.
  INSERT INTO questions (category_id, text, options, correct_index, hash, is_active, created_at)
    SELECT c.id, 'Question ' || n, '["a", "b", "c", "d"]', n % 4, md5('q' || n) || md5('h' || n), n % 10 <> 0, now() - n * interval '1 minute'
      FROM generate_series(1, 27000) AS n JOIN categories c ON c.display_order = 1 + n % 9;

  CREATE TEMPORARY TABLE load_players AS SELECT array_agg(id ORDER BY username) AS ids FROM players WHERE username LIKE 'player\\_%';
  CREATE TEMPORARY TABLE load_categories AS SELECT array_agg(id ORDER BY display_order) AS ids FROM categories;

  -- 5,000 flags, one in fifty still waiting for a moderator.
  INSERT INTO question_flags (question_id, player_id, reason, handled, handled_by, handled_at, created_at)
    SELECT q.id, p.ids[1 + q.n % 5000], 'unclear', q.n % 50 <> 0,
           CASE WHEN q.n % 50 <> 0 THEN p.ids[1 + q.n % 50] END,
           CASE WHEN q.n % 50 <> 0 THEN now() END,
           now() - q.n * interval '1 minute'
      FROM (SELECT id, row_number() OVER (ORDER BY hash) AS n FROM questions) AS q, load_players AS p
     WHERE q.n <= 5000;

  -- 100,000 completed sessions over the last 70 days (the last-seen trigger fires for each).
  INSERT INTO sessions (player_id, category_id, status, started_at, ended_at, score, total_ms, questions)
    SELECT p.ids[1 + n % 5000], c.ids[1 + n % 9],
           CASE WHEN n % 11 = 10 THEN 'won' WHEN n % 23 = 0 THEN 'forfeit' ELSE 'lost' END,
           now() - n * interval '1 minute', now() - n * interval '1 minute' + interval '4 minutes',
           n % 11, 240000, '[]'
      FROM generate_series(1, 100000) AS n, load_players AS p, load_categories AS c;

  -- 30,000 eligibilities: one in fifty active (expiring within the hour), the rest used or expired.
  INSERT INTO eligibilities (type, category_id, player_id, status, expires_at, session_id, used_at)
    SELECT 'category', s.category_id, s.player_id,
           CASE WHEN s.n % 50 = 0 THEN 'active' WHEN s.n % 2 = 0 THEN 'used' ELSE 'expired' END,
           CASE WHEN s.n % 50 = 0 THEN now() + (s.n % 60) * interval '1 minute' ELSE now() - s.n * interval '1 minute' END,
           s.id,
           CASE WHEN s.n % 50 <> 0 AND s.n % 2 = 0 THEN now() - s.n * interval '1 minute' END
      FROM (SELECT id, player_id, category_id, row_number() OVER (ORDER BY started_at DESC) AS n FROM sessions) AS s
     WHERE s.n <= 30000;

  -- 20,000 catalog items, nine in ten minted.
  INSERT INTO nft_catalog (category_id, name, s3_art_key, s3_meta_key, is_minted, minted_at, tier)
    SELECT c.ids[1 + n % 9], 'NFT ' || n, 'art/' || n || '.png', 'meta/' || n || '.json', n % 10 <> 0,
           CASE WHEN n % 10 <> 0 THEN now() - n * interval '1 minute' END,
           (ARRAY['category', 'category', 'category', 'category', 'category', 'category', 'ultimate', 'master', 'seasonal'])[1 + (n / 9) % 9]
      FROM generate_series(1, 20000) AS n, load_categories AS c;

  -- 20,000 mints: 1 % pending, 2 % failed, the rest confirmed on chain.
  INSERT INTO mints (eligibility_id, catalog_id, player_id, stake_key, status, tx_hash, policy_id, created_at)
    SELECT e.id, k.id, e.player_id, coalesce(e.stake_key, 'stake1u_unknown'),
           CASE WHEN e.n % 100 = 0 THEN 'pending' WHEN e.n % 50 = 1 THEN 'failed' ELSE 'confirmed' END,
           CASE WHEN e.n % 50 <> 1 THEN md5('tx' || e.n) || md5('hash' || e.n) END,
           repeat('f', 56), now() - e.n * interval '1 minute'
      FROM (SELECT id, player_id, stake_key, row_number() OVER (ORDER BY expires_at) AS n FROM eligibilities) AS e
      JOIN (SELECT id, row_number() OVER (ORDER BY name) AS n FROM nft_catalog) AS k ON k.n = e.n
     WHERE e.n <= 20000;

  -- 30,000 owned NFTs: 200 collectors with 150 each; one in ten burned.
  INSERT INTO player_nfts (stake_key, policy_id, asset_fingerprint, token_name, source, category_id, tier, status, minted_at, burned_at, metadata)
    SELECT 'stake1u' || lpad((1 + n % 200)::text, 10, '0'), repeat('f', 56), 'asset1' || lpad(n::text, 38, '0'), 'Token' || n,
           CASE WHEN n % 7 = 0 THEN 'forge' ELSE 'mint' END, c.ids[1 + (n / 200) % 9],
           CASE WHEN (n / 200) % 50 = 0 THEN 'master' WHEN (n / 200) % 20 = 0 THEN 'ultimate' ELSE 'category' END,
           CASE WHEN n % 10 = 0 THEN 'burned' ELSE 'confirmed' END,
           now() - n * interval '1 minute', CASE WHEN n % 10 = 0 THEN now() END, '{}'
      FROM generate_series(1, 30000) AS n, load_categories AS c;

  -- 10,000 forge operations: mostly category forges, 1 % pending, 2 % failed.
  INSERT INTO forge_operations (type, stake_key, category_id, input_fingerprints, status, created_at)
    SELECT CASE WHEN n % 20 = 0 THEN 'season' WHEN n % 7 = 0 THEN 'master' ELSE 'category' END,
           'stake1u' || lpad((1 + n % 4000)::text, 10, '0'), c.ids[1 + n % 9], '[]',
           CASE WHEN n % 100 = 0 THEN 'pending' WHEN n % 50 = 20 THEN 'failed' ELSE 'confirmed' END,
           now() - n * interval '1 minute'
      FROM generate_series(1, 10000) AS n, load_categories AS c;

  -- Three seasons of points for every wallet.
  INSERT INTO seasons (id, name, starts_at, ends_at) VALUES
    ('autumn-s0', 'Autumn Season 0', '2026-09-01 00:00:00+00', '2026-12-01 00:00:00+00'),
    ('spring-s1', 'Spring Season 1', '2027-03-01 00:00:00+00', '2027-06-01 00:00:00+00');
  INSERT INTO season_points (season_id, stake_key, points, perfect_scores, nfts_minted, avg_answer_ms, sessions_used, first_achieved_at)
    SELECT s.id, 'stake1u' || lpad(n::text, 10, '0'), (n * 7919) % 1000, n % 13, n % 5, 3000 + n % 2000, n % 40, now() - n * interval '1 minute'
      FROM generate_series(1, 4000) AS n, seasons AS s;

  -- 30 daily snapshots of the top 2,000 of the first season.
  INSERT INTO leaderboard_snapshots (season_id, snapshot_date, stake_key, rank, points, nfts_minted, perfect_scores, avg_answer_ms)
    SELECT 'winter-s1', date '2026-12-01' + d, 'stake1u' || lpad(r::text, 10, '0'), r, 2000 - r, r % 5, r % 13, 4000
      FROM generate_series(0, 29) AS d, generate_series(1, 2000) AS r;

  ANALYZE;
`;

beforeAll(async () => {
  server = await startThrowawayPostgres();
  db = await sessionFor(await createDatabase(server));
  await migrateUp(db, loadMigrationFiles(TRIVIA_NFT_MIGRATIONS));
  await db.execute(LOAD);
  const one = async <T extends Record<string, unknown>>(sql: string) => (await db.query<T>(sql))[0];
  const player = await one<{ id: string; stake_key: string; username: string }>(`SELECT id, stake_key, username FROM players WHERE stake_key = 'stake1u0000000042'`);
  const active = await one<{ player_id: string; category_id: string }>(`SELECT player_id, category_id FROM eligibilities WHERE status = 'active' LIMIT 1`);
  sample = {
    playerId: player.id,
    stakeKey: player.stake_key,
    username: player.username,
    anonId: 'guest-4242',
    activePlayerId: active.player_id,
    eligibleCategoryId: active.category_id,
    collectorStakeKey: 'stake1u0000000007',
    questionId: (await one<{ question_id: string }>('SELECT question_id FROM question_flags LIMIT 1')).question_id,
    questionHash: (await one<{ hash: string }>('SELECT hash FROM questions ORDER BY created_at LIMIT 1')).hash,
    moderatorId: (await one<{ handled_by: string }>('SELECT handled_by FROM question_flags WHERE handled_by IS NOT NULL LIMIT 1')).handled_by,
    sessionId: (await one<{ session_id: string }>('SELECT session_id FROM eligibilities LIMIT 1')).session_id,
    eligibilityId: (await one<{ eligibility_id: string }>('SELECT eligibility_id FROM mints LIMIT 1')).eligibility_id,
    txHash: (await one<{ tx_hash: string }>('SELECT tx_hash FROM mints WHERE tx_hash IS NOT NULL LIMIT 1')).tx_hash,
    assetFingerprint: 'asset1' + '1234'.padStart(38, '0'),
  };
}, 300_000);
afterAll(async () => {
  await closeSessions();
  await server?.stop();
});

/** Random active questions of a category: a run of the category's random order, from a random point, wrapping around. */
const RANDOM_QUESTIONS = `
  WITH pick AS MATERIALIZED (SELECT random() AS r)
  (SELECT id, text, options FROM questions
    WHERE category_id = $1 AND is_active AND random_key >= (SELECT r FROM pick)
    ORDER BY random_key LIMIT $2)
  UNION ALL
  (SELECT id, text, options FROM questions
    WHERE category_id = $1 AND is_active AND random_key < (SELECT r FROM pick)
    ORDER BY random_key LIMIT $2)
  LIMIT $2`;

const SEASON_LEADERBOARD = `
  SELECT stake_key, points, nfts_minted, perfect_scores FROM season_points
   WHERE season_id = $1
   ORDER BY points DESC, nfts_minted DESC, perfect_scores DESC, avg_answer_ms, sessions_used, first_achieved_at, stake_key
   LIMIT 100 OFFSET $2`;

/** [access pattern, the index it must be planned on, the query, its parameters] */
const ACCESS_PATTERNS: [string, string, string, (s: Sample) => unknown[]][] = [
  ['a wallet player signing in', 'players_stake_key_key', 'SELECT id, username FROM players WHERE stake_key = $1', (s) => [s.stakeKey]],
  ['a guest coming back', 'players_anon_id_key', 'SELECT id FROM players WHERE anon_id = $1', (s) => [s.anonId]],
  ['is a username taken', 'players_username_key', 'SELECT 1 FROM players WHERE username = $1', (s) => [s.username]],
  ['the newest players', 'players_created_at_idx', 'SELECT id, username, created_at FROM players ORDER BY created_at DESC LIMIT 50', () => []],
  ['random active questions of a category', 'questions_random_pick_idx', RANDOM_QUESTIONS, () => [SCIENCE_CATEGORY_ID, 10]],
  ['a generated question already known (dedup by hash)', 'questions_hash_key', 'SELECT id FROM questions WHERE hash = $1', (s) => [s.questionHash]],
  ['the newest questions', 'questions_created_at_idx', 'SELECT id, text FROM questions ORDER BY created_at DESC LIMIT 50', () => []],
  ['unhandled question flags, oldest first', 'question_flags_unhandled_idx',
    'SELECT id, question_id, player_id, reason, created_at FROM question_flags WHERE NOT handled ORDER BY created_at LIMIT 50', () => []],
  ['the flags of a question', 'question_flags_question_idx', 'SELECT id, reason, handled FROM question_flags WHERE question_id = $1', (s) => [s.questionId]],
  ['the flags a player raised', 'question_flags_player_idx',
    'SELECT id, question_id FROM question_flags WHERE player_id = $1 ORDER BY created_at DESC LIMIT 20', (s) => [s.playerId]],
  ['the flags a moderator handled', 'question_flags_handled_by_idx', 'SELECT id, handled_at FROM question_flags WHERE handled_by = $1', (s) => [s.moderatorId]],
  ["a player's recent sessions", 'sessions_player_recent_idx',
    'SELECT id, category_id, status, score, started_at FROM sessions WHERE player_id = $1 ORDER BY started_at DESC LIMIT 20', (s) => [s.playerId]],
  ["a category's recent sessions", 'sessions_category_recent_idx',
    'SELECT id, player_id, score FROM sessions WHERE category_id = $1 ORDER BY started_at DESC LIMIT 50', () => [SCIENCE_CATEGORY_ID]],
  ['the latest forfeits', 'sessions_status_recent_idx',
    `SELECT id, player_id FROM sessions WHERE status = 'forfeit' ORDER BY started_at DESC LIMIT 50`, () => []],
  ["a player's perfect scores per category", 'sessions_perfect_scores_idx',
    'SELECT category_id, count(*) FROM sessions WHERE player_id = $1 AND score = 10 GROUP BY category_id', (s) => [s.playerId]],
  ["a player's usable eligibilities", 'eligibilities_player_active_idx',
    `SELECT id, type, category_id, expires_at FROM eligibilities WHERE player_id = $1 AND status = 'active' AND expires_at > now() ORDER BY expires_at`,
    (s) => [s.activePlayerId]],
  ['active eligibilities about to expire', 'eligibilities_expiring_idx',
    `SELECT id, player_id, expires_at FROM eligibilities WHERE status = 'active' AND expires_at < now() + interval '5 minutes' ORDER BY expires_at LIMIT 500`,
    () => []],
  ["a player's eligibilities for a category", 'eligibilities_player_category_idx',
    'SELECT id, status, expires_at FROM eligibilities WHERE player_id = $1 AND category_id = $2', (s) => [s.activePlayerId, s.eligibleCategoryId]],
  ['the eligibility a session earned', 'eligibilities_session_idx', 'SELECT id, status FROM eligibilities WHERE session_id = $1', (s) => [s.sessionId]],
  ['an unminted catalog item to mint', 'nft_catalog_available_idx',
    `SELECT id, s3_art_key, s3_meta_key FROM nft_catalog WHERE category_id = $1 AND tier = 'category' AND NOT is_minted LIMIT 1 FOR UPDATE SKIP LOCKED`,
    () => [SCIENCE_CATEGORY_ID]],
  ['recently minted catalog items', 'nft_catalog_minted_idx', 'SELECT id, name, minted_at FROM nft_catalog WHERE is_minted ORDER BY minted_at DESC LIMIT 50', () => []],
  ["a player's mints", 'mints_player_recent_idx', 'SELECT id, status, tx_hash FROM mints WHERE player_id = $1 ORDER BY created_at DESC LIMIT 20', (s) => [s.playerId]],
  ['pending mints, oldest first', 'mints_status_idx', `SELECT id, tx_hash FROM mints WHERE status = 'pending' ORDER BY created_at LIMIT 100`, () => []],
  ['the mint of a transaction', 'mints_tx_hash_idx', 'SELECT id, status FROM mints WHERE tx_hash = $1', (s) => [s.txHash]],
  ['the mints of an eligibility', 'mints_eligibility_idx', 'SELECT id, status FROM mints WHERE eligibility_id = $1', (s) => [s.eligibilityId]],
  ["a wallet's NFTs", 'player_nfts_owned_idx',
    `SELECT asset_fingerprint, token_name, tier FROM player_nfts WHERE stake_key = $1 AND status = 'confirmed' ORDER BY minted_at DESC`,
    (s) => [s.collectorStakeKey]],
  ["a wallet's NFTs of a category", 'player_nfts_category_idx',
    `SELECT asset_fingerprint FROM player_nfts WHERE stake_key = $1 AND category_id = $2 AND status = 'confirmed'`, (s) => [s.collectorStakeKey, SCIENCE_CATEGORY_ID]],
  ["a wallet's NFTs of a tier", 'player_nfts_tier_idx',
    `SELECT asset_fingerprint FROM player_nfts WHERE stake_key = $1 AND tier = 'master' AND status = 'confirmed'`, (s) => [s.collectorStakeKey]],
  ['an NFT by its fingerprint', 'player_nfts_asset_fingerprint_key', 'SELECT stake_key, status FROM player_nfts WHERE asset_fingerprint = $1', (s) => [s.assetFingerprint]],
  ["a wallet's forge operations", 'forge_operations_stake_key_idx',
    'SELECT id, type, status FROM forge_operations WHERE stake_key = $1 ORDER BY created_at DESC LIMIT 20', (s) => [s.stakeKey]],
  ['pending forge operations, oldest first', 'forge_operations_status_idx',
    `SELECT id, type FROM forge_operations WHERE status = 'pending' ORDER BY created_at LIMIT 100`, () => []],
  ['failed season forges', 'forge_operations_type_status_idx', `SELECT id, error FROM forge_operations WHERE type = 'season' AND status = 'failed'`, () => []],
  ["a season's leaderboard", 'season_points_leaderboard_idx', SEASON_LEADERBOARD, () => [FIRST_SEASON_ID, 0]],
  ["a wallet's standing in every season", 'season_points_stake_key_idx', 'SELECT season_id, points FROM season_points WHERE stake_key = $1', (s) => [s.stakeKey]],
  ["one day's leaderboard snapshot", 'leaderboard_snapshots_ranking_idx',
    'SELECT rank, stake_key, points FROM leaderboard_snapshots WHERE season_id = $1 AND snapshot_date = $2 ORDER BY rank LIMIT 100',
    () => [FIRST_SEASON_ID, '2026-12-15']],
  ["a wallet's rank history", 'leaderboard_snapshots_stake_key_idx',
    'SELECT snapshot_date, rank FROM leaderboard_snapshots WHERE stake_key = $1 AND season_id = $2 ORDER BY snapshot_date', (s) => [s.stakeKey, FIRST_SEASON_ID]],
];

describe('trivia-nft access patterns on PostgreSQL 15 (thousands of rows per table, ANALYZEd)', () => {
  test.each(ACCESS_PATTERNS)('GIVEN production-like rows WHEN %s is planned THEN it uses %s and reads no table sequentially', async (_pattern, index, sql, params) => {
    const plan = await explain(db, sql, params(sample));
    expect(scansOf(plan, index)).not.toEqual([]);
    expect(plan.sequentialScans).toEqual([]);
  });

  test('GIVEN the schema WHEN its indexes are listed THEN each non-unique index is the planned index of a pattern above', async () => {
    const indexes = await db.query<{ indexname: string }>(
      `SELECT i.indexname FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
        WHERE i.schemaname = 'public' AND NOT x.indisunique ORDER BY 1`,
    );
    const covered = new Set(ACCESS_PATTERNS.map(([, index]) => index));
    expect(indexes.map((row) => row.indexname).filter((name) => !covered.has(name))).toEqual([]);
  });

  test('GIVEN the random draw WHEN planned THEN both halves of the wrap-around read the pick index, not the whole category', async () => {
    const plan = await explain(db, RANDOM_QUESTIONS, [SCIENCE_CATEGORY_ID, 10]);
    expect(scansOf(plan, 'questions_random_pick_idx')).toEqual(['Index Scan: questions_random_pick_idx', 'Index Scan: questions_random_pick_idx']);
  });

  test('GIVEN ORDER BY random() over a category WHEN planned THEN it reads every active question of the category before sorting (why the pick index exists)', async () => {
    const [{ 'QUERY PLAN': plan }] = await db.query<{ 'QUERY PLAN': [{ Plan: { Plans: [{ 'Node Type': string; 'Plan Rows': number }] } }] }>(
      'EXPLAIN (FORMAT JSON) SELECT id FROM questions WHERE category_id = $1 AND is_active ORDER BY random() LIMIT 10',
      [SCIENCE_CATEGORY_ID],
    );
    const sort = plan[0].Plan.Plans[0];
    expect(sort['Node Type']).toBe('Sort');
    // 2,700 active questions in the category: all of them are read and sorted to keep ten.
    expect(sort['Plan Rows']).toBeGreaterThan(2000);
  });
});

describe('the random draw of questions', () => {
  type Drawn = { id: string; category_id: string; is_active: boolean };
  const draw = async (categoryId: string, count: number) =>
    db.query<Drawn>(`SELECT d.id, q.category_id, q.is_active FROM (${RANDOM_QUESTIONS}) AS d JOIN questions q USING (id)`, [categoryId, count]);

  test('GIVEN a category of 2,700 active questions WHEN ten are drawn THEN they are ten distinct active questions of that category', async () => {
    const drawn = await draw(SCIENCE_CATEGORY_ID, 10);
    expect(new Set(drawn.map((row) => row.id)).size).toBe(10);
    expect(drawn.every((row) => row.category_id === SCIENCE_CATEGORY_ID && row.is_active)).toBe(true);
  });

  test('GIVEN a category of 5 active and 3 retired questions WHEN ten are drawn, twenty times THEN every draw returns exactly the 5 active ones', async () => {
    const categoryId = (await insertRow(db, 'categories', { name: 'Tiny', slug: 'tiny' })) as string;
    const active: string[] = [];
    for (let n = 0; n < 8; n++) {
      const id = (await insertRow(db, 'questions', {
        category_id: categoryId,
        text: `Tiny ${n}`,
        options: '["a", "b", "c", "d"]',
        correct_index: 0,
        hash: `tiny-${n}`.padEnd(64, '0'),
        is_active: n < 5,
      })) as string;
      if (n < 5) active.push(id);
    }
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await draw(categoryId, 10)).map((row) => row.id).sort()).toEqual([...active].sort());
    }
  });

  test('GIVEN a large category WHEN twenty draws are made THEN they do not all return the same questions', async () => {
    const firsts = new Set<string>();
    for (let attempt = 0; attempt < 20; attempt++) firsts.add((await draw(SCIENCE_CATEGORY_ID, 10))[0].id);
    // Twenty identical first questions out of 2,700 would mean the draw is not random (chance ~ 2700^-19).
    expect(firsts.size).toBeGreaterThan(1);
  });
});
