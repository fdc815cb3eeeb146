import { loadMigrationFiles } from '../../../migrations/runner/migration-files';
import { listTables, migrateUp, MigrateResult } from '../../../migrations/runner/migrator';
import { openPglite } from '../../../migrations/runner/pglite-session';
import { SqlSession } from '../../../migrations/runner/sql-session';
import { closeSessions, createDatabase, sessionFor } from '../../support/migration-fixtures';
import { startThrowawayPostgres, ThrowawayPostgres } from '../../support/throwaway-postgres';
import {
  FIRST_SEASON_ID,
  insertRow,
  MISSING_ID,
  outcome,
  Row,
  TRIVIA_NFT_MIGRATIONS,
  TRIVIA_NFT_TABLES,
  TriviaRows,
  TriviaTable,
} from './trivia-nft-rows';

// The trivia-nft schema applied by the runner on both engines it supports (a real PostgreSQL 15 server and
// embedded PGlite): its reference data, every check, unique and foreign key constraint, what deleting
// rows does, and its two triggers.

let server: ThrowawayPostgres;
const opened: SqlSession[] = [];
beforeAll(async () => {
  server = await startThrowawayPostgres();
});
afterAll(async () => {
  await Promise.all(opened.map((session) => session.close().catch(() => undefined)));
  await closeSessions();
  await server?.stop();
});

const ENGINES: [string, () => Promise<SqlSession>][] = [
  ['a PostgreSQL 15 server', async () => sessionFor(await createDatabase(server))],
  [
    'PGlite',
    async () => {
      const session = await openPglite();
      opened.push(session);
      return session;
    },
  ],
];

const MIGRATION_FILES = [
  '0001_players_and_questions.sql',
  '0002_sessions_and_eligibilities.sql',
  '0003_nfts_and_forging.sql',
  '0004_season_standings.sql',
  '0005_categories_and_first_season.sql',
];

/** [table, what is wrong, the columns that make it wrong, the check constraint that must refuse it] */
const CHECK_CASES: [TriviaTable, string, Row, string][] = [
  ['players', 'neither stake key nor guest id', { stake_key: null, anon_id: null }, 'players_has_identity'],
  ['players', 'a username with a space', { username: 'two words' }, 'players_username_shape'],
  ['players', 'a two-character username', { username: 'ab' }, 'players_username_shape'],
  ['players', 'an email without @', { email: 'player.example.com' }, 'players_email_shape'],
  ['players', 'an email with a space', { email: 'pla yer@example.com' }, 'players_email_shape'],
  ['players', 'an email without a dot in the domain', { email: 'player@localhost' }, 'players_email_shape'],
  ['categories', 'a slug with capitals', { slug: 'Science-2' }, 'categories_slug_shape'],
  ['questions', 'three options', { options: JSON.stringify(['a', 'b', 'c']) }, 'questions_four_options'],
  ['questions', 'options as an object', { options: JSON.stringify({ a: 1, b: 2, c: 3, d: 4 }) }, 'questions_four_options'],
  ['questions', 'options as a string', { options: JSON.stringify('a, b, c, d') }, 'questions_four_options'],
  ['questions', 'correct index 4', { correct_index: 4 }, 'questions_correct_index_range'],
  ['questions', 'correct index -1', { correct_index: -1 }, 'questions_correct_index_range'],
  ['questions', 'an unknown source', { source: 'scraped' }, 'questions_source_known'],
  ['questions', 'an unknown difficulty', { difficulty: 'extreme' }, 'questions_difficulty_known'],
  ['questions', 'a random key of 1', { random_key: 1 }, 'questions_random_key_range'],
  ['questions', 'a negative random key', { random_key: -0.5 }, 'questions_random_key_range'],
  ['sessions', 'an unknown status', { status: 'paused' }, 'sessions_status_known'],
  ['sessions', 'a score of 11', { score: 11 }, 'sessions_score_range'],
  ['sessions', 'a negative score', { score: -1 }, 'sessions_score_range'],
  ['sessions', 'an end equal to its start', { ended_at: '2026-12-01T10:00:00Z' }, 'sessions_ends_after_start'],
  ['sessions', 'a negative duration', { total_ms: -1 }, 'sessions_total_ms_not_negative'],
  ['seasons', 'an end before its start', { ends_at: '2027-02-01T00:00:00Z' }, 'seasons_ends_after_start'],
  ['seasons', '31 grace days', { grace_days: 31 }, 'seasons_grace_days_range'],
  ['seasons', 'negative grace days', { grace_days: -1 }, 'seasons_grace_days_range'],
  ['eligibilities', 'an unknown type', { type: 'bonus' }, 'eligibilities_type_known'],
  ['eligibilities', 'an unknown status', { status: 'pending' }, 'eligibilities_status_known'],
  ['eligibilities', 'the category type without a category', { category_id: null }, 'eligibilities_category_when_category_type'],
  ['nft_catalog', 'an unknown tier', { tier: 'legendary' }, 'nft_catalog_tier_known'],
  ['mints', 'an unknown status', { status: 'minting' }, 'mints_status_known'],
  ['player_nfts', 'an unknown source', { source: 'airdrop' }, 'player_nfts_source_known'],
  ['player_nfts', 'an unknown tier', { tier: 'legendary' }, 'player_nfts_tier_known'],
  ['player_nfts', 'an unknown status', { status: 'listed' }, 'player_nfts_status_known'],
  ['forge_operations', 'an unknown type', { type: 'ultimate' }, 'forge_operations_type_known'],
  ['forge_operations', 'an unknown status', { status: 'burning' }, 'forge_operations_status_known'],
  ['forge_operations', 'input fingerprints as an object', { input_fingerprints: JSON.stringify({ first: 'asset1a' }) }, 'forge_operations_inputs_array'],
  ['season_points', 'negative points', { points: -1 }, 'season_points_counters_not_negative'],
  ['season_points', 'negative perfect scores', { perfect_scores: -1 }, 'season_points_counters_not_negative'],
  ['season_points', 'negative NFTs minted', { nfts_minted: -1 }, 'season_points_counters_not_negative'],
  ['season_points', 'a negative average answer time', { avg_answer_ms: -1 }, 'season_points_counters_not_negative'],
  ['season_points', 'negative sessions used', { sessions_used: -1 }, 'season_points_counters_not_negative'],
  ['leaderboard_snapshots', 'rank 0', { rank: 0 }, 'leaderboard_snapshots_rank_positive'],
  ['leaderboard_snapshots', 'negative points', { points: -1 }, 'leaderboard_snapshots_counters_not_negative'],
  ['leaderboard_snapshots', 'a negative average answer time', { avg_answer_ms: -1 }, 'leaderboard_snapshots_counters_not_negative'],
];

/** [table, what is right though unusual, the columns] : rows at the edges that every constraint must accept. */
const ACCEPTED_CASES: [TriviaTable, string, Row][] = [
  ['players', 'a guest: a guest id and no stake key', { stake_key: null, anon_id: 'guest-7c1f' }],
  ['players', 'no username and no email', { username: null, email: null }],
  ['players', 'a 50-character username', { username: 'u'.repeat(50) }],
  ['players', "an email with an apostrophe, a plus and a subdomain", { email: "o'brien+trivia@mail.example.co.uk" }],
  ['questions', 'correct index 0 and the source manual', { correct_index: 0, source: 'manual', difficulty: 'hard' }],
  ['questions', 'correct index 3 and a random key of 0', { correct_index: 3, random_key: 0 }],
  ['sessions', 'a forfeit with score 0', { status: 'forfeit', score: 0 }],
  ['seasons', 'no grace days', { grace_days: 0 }],
  ['seasons', '30 grace days', { grace_days: 30 }],
  ['eligibilities', 'the master type without a category', { type: 'master', category_id: null }],
  ['eligibilities', 'the season type with a season', { type: 'season', category_id: null, season_id: FIRST_SEASON_ID }],
  ['forge_operations', 'an empty list of inputs', { input_fingerprints: '[]' }],
  ['season_points', 'all counters at zero', { points: 0, perfect_scores: 0, nfts_minted: 0, avg_answer_ms: 0, sessions_used: 0 }],
];

/** [table, column, a value no parent row has, the foreign key that must refuse it] */
const FOREIGN_KEY_CASES: [TriviaTable, string, string, string][] = [
  ['questions', 'category_id', MISSING_ID, 'questions_category_id_fkey'],
  ['question_flags', 'question_id', MISSING_ID, 'question_flags_question_id_fkey'],
  ['question_flags', 'player_id', MISSING_ID, 'question_flags_player_id_fkey'],
  ['question_flags', 'handled_by', MISSING_ID, 'question_flags_handled_by_fkey'],
  ['sessions', 'player_id', MISSING_ID, 'sessions_player_id_fkey'],
  ['sessions', 'category_id', MISSING_ID, 'sessions_category_id_fkey'],
  ['eligibilities', 'category_id', MISSING_ID, 'eligibilities_category_id_fkey'],
  ['eligibilities', 'season_id', 'no-such-season', 'eligibilities_season_id_fkey'],
  ['eligibilities', 'player_id', MISSING_ID, 'eligibilities_player_id_fkey'],
  ['eligibilities', 'session_id', MISSING_ID, 'eligibilities_session_id_fkey'],
  ['nft_catalog', 'category_id', MISSING_ID, 'nft_catalog_category_id_fkey'],
  ['mints', 'eligibility_id', MISSING_ID, 'mints_eligibility_id_fkey'],
  ['mints', 'catalog_id', MISSING_ID, 'mints_catalog_id_fkey'],
  ['mints', 'player_id', MISSING_ID, 'mints_player_id_fkey'],
  ['player_nfts', 'category_id', MISSING_ID, 'player_nfts_category_id_fkey'],
  ['player_nfts', 'season_id', 'no-such-season', 'player_nfts_season_id_fkey'],
  ['forge_operations', 'category_id', MISSING_ID, 'forge_operations_category_id_fkey'],
  ['forge_operations', 'season_id', 'no-such-season', 'forge_operations_season_id_fkey'],
  ['season_points', 'season_id', 'no-such-season', 'season_points_season_id_fkey'],
  ['leaderboard_snapshots', 'season_id', 'no-such-season', 'leaderboard_snapshots_season_id_fkey'],
];

/** [table, the columns a second row copies from the first, the unique constraint that must refuse it] */
const UNIQUE_CASES: [TriviaTable, string[], string][] = [
  ['players', ['stake_key'], 'players_stake_key_key'],
  ['players', ['anon_id'], 'players_anon_id_key'],
  ['players', ['username'], 'players_username_key'],
  ['categories', ['name'], 'categories_name_key'],
  ['categories', ['slug'], 'categories_slug_key'],
  ['questions', ['hash'], 'questions_hash_key'],
  ['player_nfts', ['asset_fingerprint'], 'player_nfts_asset_fingerprint_key'],
  ['season_points', ['season_id', 'stake_key'], 'season_points_pkey'],
  ['leaderboard_snapshots', ['season_id', 'snapshot_date', 'stake_key'], 'leaderboard_snapshots_entry_key'],
];

const unique = (names: readonly string[]) => [...new Set(names)].sort();

async function constraintNames(db: SqlSession, types: string): Promise<string[]> {
  const rows = await db.query<{ conname: string }>(
    `SELECT conname FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype = ANY (string_to_array($1, ',')::"char"[]) ORDER BY conname`,
    [types],
  );
  return rows.map((row) => row.conname).filter((name) => !name.startsWith('datastack_migrations'));
}

async function count(db: SqlSession, sql: string, params: unknown[]): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return n;
}

describe.each(ENGINES)('trivia-nft schema on %s', (_engine, openDatabase) => {
  let db: SqlSession;
  let applied: MigrateResult;
  let rows: TriviaRows;
  beforeAll(async () => {
    db = await openDatabase();
    applied = await migrateUp(db, loadMigrationFiles(TRIVIA_NFT_MIGRATIONS));
    rows = await TriviaRows.create(db);
  });

  describe('applied by the runner', () => {
    test('GIVEN an empty database WHEN up runs THEN it applies the five files and creates the 13 tables', async () => {
      expect(applied).toEqual({ applied: MIGRATION_FILES, alreadyApplied: 0 });
      expect(await listTables(db)).toEqual(unique([...TRIVIA_NFT_TABLES, 'datastack_migrations']));
    });

    test('GIVEN the schema WHEN the categories are read as the application reads them THEN the nine categories come in display order', async () => {
      const categories = await db.query<{ name: string; slug: string; display_order: number }>(
        'SELECT name, slug, display_order FROM categories WHERE is_active = $1 ORDER BY display_order',
        [true],
      );
      expect(categories).toEqual([
        { name: 'Science', slug: 'science', display_order: 1 },
        { name: 'History', slug: 'history', display_order: 2 },
        { name: 'Geography', slug: 'geography', display_order: 3 },
        { name: 'Sports', slug: 'sports', display_order: 4 },
        { name: 'Arts', slug: 'arts', display_order: 5 },
        { name: 'Entertainment', slug: 'entertainment', display_order: 6 },
        { name: 'Technology', slug: 'technology', display_order: 7 },
        { name: 'Literature', slug: 'literature', display_order: 8 },
        { name: 'Weird & Wonderful', slug: 'weird-wonderful', display_order: 9 },
      ]);
    });

    test('GIVEN the schema WHEN the first season is read THEN it is active with fixed dates, the same in every environment', async () => {
      const seasons = await db.query(
        `SELECT id, name, to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS starts, to_char(ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS ends,
                grace_days, is_active FROM seasons`,
      );
      expect(seasons).toEqual([
        { id: FIRST_SEASON_ID, name: 'Winter Season 1', starts: '2026-12-01 00:00', ends: '2027-03-01 00:00', grace_days: 7, is_active: true },
      ]);
    });

    test('GIVEN the schema WHEN a player and then a session are inserted in one transaction THEN both are kept', async () => {
      await db.execute('BEGIN');
      const playerId = await insertRow(db, 'players', { stake_key: 'stake1u_transaction' });
      await insertRow(db, 'sessions', rows.valid('sessions', { player_id: playerId }));
      await db.execute('COMMIT');
      expect(await count(db, 'sessions WHERE player_id = $1', [playerId])).toBe(1);
    });
  });

  describe('check constraints', () => {
    test.each(TRIVIA_NFT_TABLES)('GIVEN the valid fixture row of %s WHEN inserted THEN it is accepted', async (table) => {
      await expect(outcome(insertRow(db, table, rows.valid(table)))).resolves.toBe('accepted');
    });

    test.each(CHECK_CASES)('GIVEN a %s row with %s WHEN inserted THEN %s rejects it', async (table, _case, overrides, constraint) => {
      await expect(outcome(insertRow(db, table, rows.valid(table, overrides)))).resolves.toBe(constraint);
    });

    test.each(ACCEPTED_CASES)('GIVEN a %s row with %s WHEN inserted THEN it is accepted', async (table, _case, overrides) => {
      await expect(outcome(insertRow(db, table, rows.valid(table, overrides)))).resolves.toBe('accepted');
    });

    test('GIVEN the schema WHEN its check constraints are listed THEN every one has a case above that it rejects', async () => {
      expect(await constraintNames(db, 'c')).toEqual(unique(CHECK_CASES.map(([, , , constraint]) => constraint)));
    });
  });

  describe('unique constraints', () => {
    test.each(UNIQUE_CASES)('GIVEN a %s row WHEN a second row repeats %j THEN %s rejects it', async (table, columns, constraint) => {
      const first = rows.valid(table);
      await insertRow(db, table, first);
      const repeated = Object.fromEntries(columns.map((column) => [column, first[column]]));
      // A column the fixture leaves NULL would repeat nothing: the case would prove nothing.
      expect(Object.values(repeated).every((value) => value !== undefined && value !== null)).toBe(true);
      await expect(outcome(insertRow(db, table, rows.valid(table, repeated)))).resolves.toBe(constraint);
    });

    test('GIVEN the schema WHEN its unique constraints are listed THEN every one has a case above', async () => {
      const covered = UNIQUE_CASES.map(([, , constraint]) => constraint).filter((name) => !name.endsWith('_pkey'));
      expect(await constraintNames(db, 'u')).toEqual(unique(covered));
    });

    test('GIVEN players without a username or stake key WHEN several are inserted THEN the unique constraints allow many NULLs', async () => {
      await insertRow(db, 'players', { anon_id: 'guest-null-1' });
      await expect(outcome(insertRow(db, 'players', { anon_id: 'guest-null-2' }))).resolves.toBe('accepted');
    });
  });

  describe('foreign keys', () => {
    test.each(FOREIGN_KEY_CASES)('GIVEN a %s row whose %s names no row WHEN inserted THEN %s rejects it', async (table, column, missing, constraint) => {
      await expect(outcome(insertRow(db, table, rows.valid(table, { [column]: missing })))).resolves.toBe(constraint);
    });

    test('GIVEN the schema WHEN its foreign keys are listed THEN every one has a case above', async () => {
      expect(await constraintNames(db, 'f')).toEqual(unique(FOREIGN_KEY_CASES.map(([, , , constraint]) => constraint)));
    });

    test('GIVEN a player with sessions, eligibilities, mints, flags and NFTs WHEN the player is deleted THEN their records go, the flags they handled stay without them, and the wallet keeps its NFTs and points', async () => {
      const player = rows.valid('players');
      const playerId = await insertRow(db, 'players', player);
      const stakeKey = player.stake_key;
      const sessionId = await insertRow(db, 'sessions', rows.valid('sessions', { player_id: playerId, stake_key: stakeKey }));
      const eligibilityId = await insertRow(db, 'eligibilities', rows.valid('eligibilities', { player_id: playerId, session_id: sessionId }));
      await insertRow(db, 'mints', rows.valid('mints', { player_id: playerId, eligibility_id: eligibilityId, stake_key: stakeKey }));
      await insertRow(db, 'question_flags', rows.valid('question_flags', { player_id: playerId }));
      const handledFlag = await insertRow(db, 'question_flags', rows.valid('question_flags', { handled: true, handled_by: playerId, handled_at: '2026-12-02T09:00:00Z' }));
      await insertRow(db, 'player_nfts', rows.valid('player_nfts', { stake_key: stakeKey }));
      await insertRow(db, 'season_points', rows.valid('season_points', { stake_key: stakeKey }));

      await db.query('DELETE FROM players WHERE id = $1', [playerId]);

      expect({
        sessions: await count(db, 'sessions WHERE player_id = $1', [playerId]),
        eligibilities: await count(db, 'eligibilities WHERE player_id = $1', [playerId]),
        mints: await count(db, 'mints WHERE player_id = $1', [playerId]),
        flagsRaised: await count(db, 'question_flags WHERE player_id = $1', [playerId]),
        nfts: await count(db, 'player_nfts WHERE stake_key = $1', [stakeKey]),
        seasonPoints: await count(db, 'season_points WHERE stake_key = $1', [stakeKey]),
      }).toEqual({ sessions: 0, eligibilities: 0, mints: 0, flagsRaised: 0, nfts: 1, seasonPoints: 1 });
      expect(await db.query('SELECT handled, handled_by FROM question_flags WHERE id = $1', [handledFlag])).toEqual([{ handled: true, handled_by: null }]);
    });

    test('GIVEN a category with recorded sessions WHEN it is deleted THEN the sessions foreign key refuses', async () => {
      const categoryId = await insertRow(db, 'categories', rows.valid('categories'));
      await insertRow(db, 'sessions', rows.valid('sessions', { category_id: categoryId }));

      await expect(outcome(db.query('DELETE FROM categories WHERE id = $1', [categoryId]))).resolves.toBe('sessions_category_id_fkey');
    });

    test('GIVEN a category with questions and flags but no sessions WHEN it is deleted THEN its questions and their flags go with it', async () => {
      const categoryId = await insertRow(db, 'categories', rows.valid('categories'));
      const questionId = await insertRow(db, 'questions', rows.valid('questions', { category_id: categoryId }));
      await insertRow(db, 'question_flags', rows.valid('question_flags', { question_id: questionId }));

      await db.query('DELETE FROM categories WHERE id = $1', [categoryId]);

      expect(await count(db, 'questions WHERE category_id = $1', [categoryId])).toBe(0);
      expect(await count(db, 'question_flags WHERE question_id = $1', [questionId])).toBe(0);
    });

    test('GIVEN a session that earned an eligibility WHEN the session alone is deleted THEN the eligibilities foreign key refuses', async () => {
      const sessionId = await insertRow(db, 'sessions', rows.valid('sessions'));
      await insertRow(db, 'eligibilities', rows.valid('eligibilities', { session_id: sessionId }));

      await expect(outcome(db.query('DELETE FROM sessions WHERE id = $1', [sessionId]))).resolves.toBe('eligibilities_session_id_fkey');
    });
  });

  describe('triggers', () => {
    test('GIVEN a player last seen long ago WHEN a session of theirs is recorded THEN last_seen_at becomes the time of that transaction, and no other player moves', async () => {
      const playerId = await insertRow(db, 'players', rows.valid('players', { last_seen_at: '2020-01-01T00:00:00Z' }));
      const otherId = await insertRow(db, 'players', rows.valid('players', { last_seen_at: '2020-01-01T00:00:00Z' }));

      await db.execute('BEGIN');
      await insertRow(db, 'sessions', rows.valid('sessions', { player_id: playerId }));
      const [seen] = await db.query<{ moved_to_now: boolean }>('SELECT last_seen_at = now() AS moved_to_now FROM players WHERE id = $1', [playerId]);
      await db.execute('COMMIT');

      expect(seen.moved_to_now).toBe(true);
      expect(await count(db, `players WHERE id = $1 AND last_seen_at = '2020-01-01T00:00:00Z'`, [otherId])).toBe(1);
    });

    test('GIVEN season points written long ago WHEN they are updated, even with an explicit updated_at THEN updated_at becomes the time of the update', async () => {
      const points = rows.valid('season_points', { updated_at: '2020-01-01T00:00:00Z' });
      await insertRow(db, 'season_points', points);

      await db.execute('BEGIN');
      const [updated] = await db.query<{ stamped_now: boolean; points: number }>(
        `UPDATE season_points SET points = points + 10, updated_at = '2021-06-01T00:00:00Z' WHERE season_id = $1 AND stake_key = $2
         RETURNING updated_at = now() AS stamped_now, points`,
        [points.season_id, points.stake_key],
      );
      await db.execute('COMMIT');

      expect(updated).toEqual({ stamped_now: true, points: 10 });
    });

    test('GIVEN season points WHEN inserted with an explicit updated_at THEN the insert keeps it (the trigger is on update only)', async () => {
      const points = rows.valid('season_points', { updated_at: '2020-01-01T00:00:00Z' });
      await insertRow(db, 'season_points', points);
      expect(await count(db, `season_points WHERE stake_key = $1 AND updated_at = '2020-01-01T00:00:00Z'`, [points.stake_key])).toBe(1);
    });
  });
});
