import * as path from 'path';
import { SqlSession } from '../../../migrations/runner/sql-session';
import { MIGRATIONS_ROOT } from '../../../migrations/runner/systems';

// Typed fixtures for the trivia-nft schema tests: one valid row per table, built on a set of parent rows,
// so that a test can change one column and see exactly which constraint refuses it.

export const TRIVIA_NFT_MIGRATIONS = path.join(MIGRATIONS_ROOT, 'trivia-nft');

export const TRIVIA_NFT_TABLES = [
  'players',
  'categories',
  'questions',
  'question_flags',
  'sessions',
  'seasons',
  'eligibilities',
  'nft_catalog',
  'mints',
  'player_nfts',
  'forge_operations',
  'season_points',
  'leaderboard_snapshots',
] as const;
export type TriviaTable = (typeof TRIVIA_NFT_TABLES)[number];

export type Row = Readonly<Record<string, unknown>>;

/** The category and season the reference-data migration adds. */
export const SCIENCE_CATEGORY_ID = '6f1c0a3e-0001-4000-8000-000000000001';
export const FIRST_SEASON_ID = 'winter-s1';

/** A well-formed id that no row has. */
export const MISSING_ID = '00000000-0000-4000-8000-00000000dead';

/** Inserts one row and returns its `id` (or undefined for tables keyed otherwise). */
export async function insertRow(db: SqlSession, table: TriviaTable, row: Row): Promise<string | undefined> {
  const columns = Object.keys(row);
  const returning = table === 'season_points' ? '' : ' RETURNING id';
  const rows = await db.query<{ id: string }>(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})${returning}`,
    Object.values(row),
  );
  return rows[0]?.id;
}

/** The constraint a statement violates (PostgreSQL's error field), or 'accepted' when it succeeds. */
export async function outcome(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
    return 'accepted';
  } catch (error) {
    const constraint = (error as { constraint?: string }).constraint;
    return constraint ?? `error without a constraint: ${(error as Error).message}`;
  }
}

/** The parent rows every valid row refers to. */
export interface ParentRows {
  readonly playerId: string;
  readonly stakeKey: string;
  readonly moderatorId: string;
  readonly questionId: string;
  readonly sessionId: string;
  readonly eligibilityId: string;
  readonly catalogId: string;
}

/** Builds unique, valid rows for every table. */
export class TriviaRows {
  private counter = 0;

  private constructor(private readonly parents: ParentRows) {}

  /** Creates the parent rows in an empty, migrated database (each built from the ones before it). */
  static async create(db: SqlSession): Promise<TriviaRows> {
    const parents: { -readonly [K in keyof ParentRows]?: string } = {};
    const rows = new TriviaRows(parents as ParentRows);
    const player = rows.valid('players');
    parents.playerId = await insertRow(db, 'players', player);
    parents.stakeKey = player.stake_key as string;
    parents.moderatorId = await insertRow(db, 'players', rows.valid('players'));
    parents.questionId = await insertRow(db, 'questions', rows.valid('questions'));
    parents.sessionId = await insertRow(db, 'sessions', rows.valid('sessions'));
    parents.eligibilityId = await insertRow(db, 'eligibilities', rows.valid('eligibilities'));
    parents.catalogId = await insertRow(db, 'nft_catalog', rows.valid('nft_catalog'));
    return rows;
  }

  get parent(): ParentRows {
    return this.parents;
  }

  /** A row of `table` that every constraint accepts, with `overrides` applied. */
  valid(table: TriviaTable, overrides: Row = {}): Row {
    const n = ++this.counter;
    const p = this.parents;
    const rows: Record<TriviaTable, Row> = {
      players: { stake_key: `stake_test1u${n}`, anon_id: `guest-${n}`, username: `player_${n}`, email: `player${n}@example.com` },
      categories: { name: `Category ${n}`, slug: `category-${n}` },
      questions: {
        category_id: SCIENCE_CATEGORY_ID,
        text: 'Which planet is closest to the Sun?',
        options: JSON.stringify(['Venus', 'Mercury', 'Mars', 'Earth']),
        correct_index: 1,
        hash: n.toString(16).padStart(64, '0'),
      },
      question_flags: { question_id: p.questionId, player_id: p.playerId, reason: 'Two answers look right' },
      sessions: {
        player_id: p.playerId,
        category_id: SCIENCE_CATEGORY_ID,
        status: 'won',
        started_at: '2026-12-01T10:00:00Z',
        ended_at: '2026-12-01T10:04:00Z',
        score: 10,
        total_ms: 240000,
        questions: JSON.stringify([{ id: p.questionId, answer: 1, ms: 4000 }]),
      },
      seasons: { id: `test-season-${n}`, name: `Test season ${n}`, starts_at: '2027-03-01T00:00:00Z', ends_at: '2027-06-01T00:00:00Z' },
      eligibilities: {
        type: 'category',
        category_id: SCIENCE_CATEGORY_ID,
        player_id: p.playerId,
        stake_key: p.stakeKey,
        expires_at: '2026-12-01T11:04:00Z',
        session_id: p.sessionId,
      },
      nft_catalog: { category_id: SCIENCE_CATEGORY_ID, name: `Comet ${n}`, s3_art_key: `art/science/${n}.png`, s3_meta_key: `meta/science/${n}.json` },
      mints: { eligibility_id: p.eligibilityId, catalog_id: p.catalogId, player_id: p.playerId, stake_key: p.stakeKey, policy_id: 'f'.repeat(56) },
      player_nfts: {
        stake_key: p.stakeKey,
        policy_id: 'f'.repeat(56),
        asset_fingerprint: `asset1${n.toString().padStart(38, '0')}`,
        token_name: `Comet${n}`,
        source: 'mint',
        category_id: SCIENCE_CATEGORY_ID,
        tier: 'category',
        minted_at: '2026-12-01T10:10:00Z',
        metadata: JSON.stringify({ name: `Comet ${n}` }),
      },
      forge_operations: { type: 'category', stake_key: p.stakeKey, category_id: SCIENCE_CATEGORY_ID, input_fingerprints: JSON.stringify(['asset1a', 'asset1b']) },
      season_points: { season_id: FIRST_SEASON_ID, stake_key: `stake_test1u${n}` },
      leaderboard_snapshots: {
        season_id: FIRST_SEASON_ID,
        snapshot_date: '2026-12-02',
        stake_key: `stake_test1u${n}`,
        rank: 1,
        points: 120,
        nfts_minted: 2,
        perfect_scores: 3,
        avg_answer_ms: 4100,
      },
    };
    return { ...rows[table], ...overrides };
  }
}
