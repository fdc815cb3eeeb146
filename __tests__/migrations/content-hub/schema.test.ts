import { runCli } from '../../../migrations/runner/cli';
import { openPglite } from '../../../migrations/runner/pglite-session';
import { SqlSession } from '../../../migrations/runner/sql-session';
import { closeSessions, CONTENT_HUB_MIGRATIONS, createDatabase, databaseState, migrateSystem, sessionFor } from '../../support/migration-fixtures';
import { startThrowawayPostgres, ThrowawayPostgres } from '../../support/throwaway-postgres';

// The content hub's schema on embedded PGlite with pgvector (the machine's PostgreSQL 15 has no pgvector):
// similarity search against an exact computation, the HNSW index in the plan, the statistics function
// on fixed data, and the original design's two defects shown failing. On PostgreSQL 15 the missing
// extension stops the run before anything is applied.

const DIMENSIONS = 1536;
let db: SqlSession;

beforeAll(async () => {
  db = await openPglite(undefined, { system: 'content-hub', extensions: ['vector'] });
  await migrateSystem(db, CONTENT_HUB_MIGRATIONS);
}, 120_000);
afterAll(async () => {
  await db?.close();
});

/** A deterministic pseudo-random generator (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const randomVector = (next: () => number): number[] => Array.from({ length: DIMENSIONS }, () => next() * 2 - 1);
/** `base` plus noise of the given size: the larger the noise, the less similar to `base`. */
const near = (base: readonly number[], noise: number, next: () => number): number[] => base.map((value) => value + noise * (next() * 2 - 1));
const literal = (vector: readonly number[]): string => `[${vector.map((value) => value.toFixed(6)).join(',')}]`;
/** Cosine similarity of the vectors as stored (the literal's rounding), computed exactly in JavaScript. */
function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let index = 0; index < a.length; index++) {
    dot += a[index] * b[index];
    normA += a[index] * a[index];
    normB += b[index] * b[index];
  }
  return dot / Math.sqrt(normA * normB);
}
const stored = (vector: readonly number[]): number[] => vector.map((value) => Number(value.toFixed(6)));

let userCounter = 0;
async function insertUser(overrides: Record<string, unknown> = {}): Promise<string> {
  const n = ++userCounter;
  const row = { cognito_sub: `sub-${n}`, email: `writer${n}@example.com`, username: `writer_${n}`, profile_slug: `writer-${n}`, ...overrides };
  const columns = Object.keys(row);
  const [{ id }] = await db.query<{ id: string }>(
    `INSERT INTO users (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    Object.values(row),
  );
  return id;
}

interface ContentRow {
  readonly id: string;
  readonly embedding: number[];
  readonly contentType: string;
  readonly visibility: string;
}

/** Inserts content rows with embeddings, in batches; returns them with their ids. */
async function insertContent(userId: string, rows: readonly Omit<ContentRow, 'id'>[]): Promise<ContentRow[]> {
  const inserted: ContentRow[] = [];
  for (let start = 0; start < rows.length; start += 200) {
    const batch = rows.slice(start, start + 200);
    const ids = await db.query<{ id: string }>(
      `INSERT INTO content (user_id, title, content_type, visibility, embedding)
       SELECT $1, 'Item ' || ordinality, type::content_type, vis::visibility, embedding::vector
         FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS item (type, vis, embedding)
        ORDER BY ordinality
       RETURNING id`,
      [userId, batch.map((row) => row.contentType), batch.map((row) => row.visibility), batch.map((row) => literal(row.embedding))],
    );
    batch.forEach((row, index) => inserted.push({ ...row, embedding: stored(row.embedding), id: ids[index].id }));
  }
  return inserted;
}

/** The exact answer: every row at least `threshold` similar that passes the filter, most similar first. */
function bruteForce(rows: readonly ContentRow[], query: readonly number[], threshold: number, limit: number, keep: (row: ContentRow) => boolean = () => true) {
  return rows
    .filter(keep)
    .map((row) => ({ id: row.id, similarity: cosineSimilarity(row.embedding, stored(query)) }))
    .filter((row) => row.similarity >= threshold)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, limit);
}

/** Index names in a JSON plan, and whether any node reads a table sequentially. */
function planSummary(plan: any): { indexes: string[]; seqScan: boolean } {
  const indexes: string[] = [];
  let seqScan = false;
  const walk = (node: any) => {
    if (node['Index Name']) indexes.push(node['Index Name']);
    if (node['Node Type'] === 'Seq Scan') seqScan = true;
    (node.Plans ?? []).forEach(walk);
  };
  walk(plan[0].Plan);
  return { indexes, seqScan };
}

describe('content-hub: similarity search over 300 random embeddings (PGlite with pgvector)', () => {
  const next = random(20240601);
  const query = randomVector(next);
  let rows: ContentRow[];

  beforeAll(async () => {
    const user = await insertUser();
    // 288 unrelated embeddings (similarity to the query about 0), and 12 planted ones, each less similar
    // than the one before (about 0.99 down to 0.85), half of them blogs. Every row goes through the HNSW
    // index as it is inserted (the migrations created it), which is most of this file's time: 300 rows
    // show the order, the threshold and the filters as well as more would.
    const unrelated = Array.from({ length: 288 }, (_, index) => ({
      embedding: randomVector(next),
      contentType: index % 2 === 0 ? 'blog' : 'youtube',
      visibility: 'public',
    }));
    const planted = Array.from({ length: 12 }, (_, index) => ({
      embedding: near(query, 0.1 + 0.05 * index, next),
      contentType: index % 2 === 0 ? 'blog' : 'youtube',
      visibility: 'public',
    }));
    rows = await insertContent(user, [...unrelated, ...planted]);
    await db.execute('ANALYZE content');
  }, 300_000);

  test('GIVEN the default threshold 0.8 WHEN searched THEN the 10 nearest rows come back in exact order with their similarities', async () => {
    const found = await db.query<{ id: string; similarity: number }>('SELECT id, similarity FROM search_content_by_embedding($1::vector)', [literal(query)]);

    const expected = bruteForce(rows, query, 0.8, 10);
    expect(expected).toHaveLength(10);
    expect(found.map((row) => row.id)).toEqual(expected.map((row) => row.id));
    found.forEach((row, index) => expect(row.similarity).toBeCloseTo(expected[index].similarity, 5));
  });

  test("GIVEN the call as the application writes it, ARRAY['blog'] and ARRAY['public'] WHEN searched THEN it returns the nearest blogs only", async () => {
    const found = await db.query<{ id: string; content_type: string }>(
      `SELECT * FROM search_content_by_embedding($1::vector, 0.8, 10, ARRAY['blog'], ARRAY['public'])`,
      [literal(query)],
    );

    const expected = bruteForce(rows, query, 0.8, 10, (row) => row.contentType === 'blog');
    expect(expected).toHaveLength(6);
    expect(found.map((row) => row.id)).toEqual(expected.map((row) => row.id));
  });

  test('GIVEN an unknown content type WHEN searched THEN the error names the value and the enum', async () => {
    await expect(db.query(`SELECT * FROM search_content_by_embedding($1::vector, 0.8, 10, ARRAY['blgo'])`, [literal(query)])).rejects.toThrow(
      'invalid input value for enum content_type: "blgo"',
    );
  });

  // At 300 rows (as at 3,000) the planner rightly prefers reading every embedding (TOASTed 1536-dimension vectors cost it
  // little per row, and pgvector costs an HNSW scan at a sizeable share of the index); it switches to the index
  // only at hundreds of thousands of rows. So the sequential plan is turned off here to show what matters: the
  // search's WHERE and ORDER BY are served by the cosine HNSW index, not by a table scan.
  test('GIVEN the search query with sequential scans off WHEN explained THEN it scans the cosine HNSW index and reads no table sequentially', async () => {
    // The statement the function runs, with the same parameters.
    const sql = `SELECT c.id FROM content c
                  WHERE c.embedding IS NOT NULL AND 1 - (c.embedding <=> $1::vector) >= 0.8
                    AND (NULL::text[] IS NULL OR c.content_type = ANY (NULL::text[]::content_type[]))
                  ORDER BY c.embedding <=> $1::vector LIMIT 10`;
    await db.execute('BEGIN');
    try {
      await db.execute('SET LOCAL enable_seqscan = off');
      const [{ 'QUERY PLAN': plan }] = await db.query<{ 'QUERY PLAN': any }>(`EXPLAIN (FORMAT JSON) ${sql}`, [literal(query)]);
      expect(planSummary(plan)).toEqual({ indexes: ['content_embedding_cosine_idx'], seqScan: false });
    } finally {
      await db.execute('ROLLBACK');
    }
  });

  test('GIVEN the schema WHEN its vector indexes are listed THEN there is exactly one, HNSW with cosine distance, m = 16, ef_construction = 64', async () => {
    const indexes = await db.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'content' AND indexdef LIKE '%USING hnsw%'`,
    );
    expect(indexes).toEqual([
      {
        indexname: 'content_embedding_cosine_idx',
        indexdef: expect.stringMatching(/USING hnsw \(embedding vector_cosine_ops\) WITH \(m='?16'?, ef_construction='?64'?\)/),
      },
    ]);
  });
});

describe('content-hub: a selective filter still fills max_results (iterative index scans)', () => {
  const next = random(7);
  const query = randomVector(next);
  let rows: ContentRow[];

  beforeAll(async () => {
    // 60 private items nearer the query than any public one: a plain HNSW scan (40 candidates by default)
    // sees only private items, and filtering them for 'aws_community' would leave nothing.
    const user = await insertUser();
    const closePrivate = Array.from({ length: 60 }, () => ({ embedding: near(query, 0.05, next), contentType: 'podcast', visibility: 'private' }));
    const community = Array.from({ length: 10 }, (_, index) => ({ embedding: near(query, 0.3 + 0.02 * index, next), contentType: 'podcast', visibility: 'aws_community' }));
    rows = await insertContent(user, [...closePrivate, ...community]);
  }, 120_000);

  test('GIVEN the filter visibility aws_community WHEN searched THEN all 10 qualifying items come back, in exact order', async () => {
    const found = await db.query<{ id: string }>(`SELECT id FROM search_content_by_embedding($1::vector, 0.8, 10, ARRAY['podcast'], ARRAY['aws_community'])`, [
      literal(query),
    ]);
    const expected = bruteForce(rows, query, 0.8, 10, (row) => row.visibility === 'aws_community');
    expect(expected).toHaveLength(10);
    expect(found.map((row) => row.id)).toEqual(expected.map((row) => row.id));
  });

  test('GIVEN the HNSW scan with and without iterative scans WHEN run THEN without them it misses items, with them it finds all 10: why the function turns them on', async () => {
    // Filters on the text of the enums, so that no btree index competes with the HNSW scan.
    const sql = `SELECT c.id FROM content c WHERE c.visibility::text = 'aws_community' AND c.content_type::text = 'podcast'
                  ORDER BY c.embedding <=> $1::vector LIMIT 10`;
    const run = async (iterativeScan: string) => {
      await db.execute('BEGIN');
      try {
        await db.query(`SELECT set_config('hnsw.iterative_scan', $1, true)`, [iterativeScan]);
        // As above: at this size the planner would read the table; the point here is the index scan's behaviour.
        await db.execute('SET LOCAL enable_seqscan = off');
        const [{ 'QUERY PLAN': plan }] = await db.query<{ 'QUERY PLAN': any }>(`EXPLAIN (FORMAT JSON) ${sql}`, [literal(query)]);
        const found = await db.query<{ id: string }>(sql, [literal(query)]);
        return { indexes: planSummary(plan).indexes, found: found.map((row) => row.id) };
      } finally {
        await db.execute('COMMIT');
      }
    };
    const expected = bruteForce(rows, query, -1, 10, (row) => row.visibility === 'aws_community').map((row) => row.id);

    const without = await run('off');
    const withIterative = await run('strict_order');

    expect(without.indexes).toEqual(['content_embedding_cosine_idx']);
    expect(without.found.length).toBeLessThan(10);
    expect(withIterative).toEqual({ indexes: ['content_embedding_cosine_idx'], found: expected });
    const [{ config }] = await db.query<{ config: string[] }>(`SELECT proconfig AS config FROM pg_proc WHERE proname = 'search_content_by_embedding'`);
    expect(config).toEqual(['hnsw.iterative_scan=strict_order']);
  });
});

describe("content-hub: the original design's search signature", () => {
  test("GIVEN a search function taking content_type[] and visibility[] WHEN called with ARRAY['blog'], ARRAY['public'] THEN PostgreSQL finds no such function", async () => {
    // The signature the original schema declared; its body does not matter for resolving the call.
    await db.execute(`
      CREATE SCHEMA original_design;
      CREATE FUNCTION original_design.search_content_by_embedding(
        query_embedding vector(1536), similarity_threshold float DEFAULT 0.8, max_results integer DEFAULT 10,
        content_types content_type[] DEFAULT NULL, visibility_filter visibility[] DEFAULT NULL)
      RETURNS SETOF uuid LANGUAGE sql AS $$ SELECT id FROM content LIMIT 0 $$;`);
    try {
      const call = `SELECT * FROM original_design.search_content_by_embedding($1::vector, 0.8, 10, ARRAY['blog'], ARRAY['public'])`;
      await expect(db.query(call, [literal(randomVector(random(1)))])).rejects.toThrow(
        /function original_design\.search_content_by_embedding\(vector, numeric, integer, text\[\], text\[\]\) does not exist/,
      );
    } finally {
      await db.execute('DROP SCHEMA original_design CASCADE');
    }
  });
});

describe('content-hub: user statistics on fixed data', () => {
  let author: string;
  let newcomer: string;

  beforeAll(async () => {
    author = await insertUser();
    newcomer = await insertUser();
    await db.query(
      `INSERT INTO content (user_id, title, content_type, visibility) VALUES
         ($1, 'Lambda tips', 'blog', 'public'), ($1, 'Step Functions deep dive', 'blog', 'public'), ($1, 'CDK live', 'youtube', 'private')`,
      [author],
    );
    await db.query(
      `INSERT INTO user_badges (user_id, badge_type, awarded_at) VALUES
         ($1, 'hero', '2024-03-01T00:00:00Z'), ($1, 'community_builder', '2023-01-15T00:00:00Z')`,
      [author],
    );
  });

  test('GIVEN a user with three items and two badges WHEN get_user_stats runs THEN it counts items by type and visibility and lists badges oldest first', async () => {
    const [{ stats }] = await db.query<{ stats: unknown }>('SELECT get_user_stats($1) AS stats', [author]);
    expect(stats).toEqual({
      total_content: 3,
      content_by_type: { blog: 2, youtube: 1 },
      content_by_visibility: { private: 1, public: 2 },
      badges: [
        { badge_type: 'community_builder', awarded_at: '2023-01-15T00:00:00+00:00' },
        { badge_type: 'hero', awarded_at: '2024-03-01T00:00:00+00:00' },
      ],
    });
  });

  test('GIVEN a user with nothing WHEN get_user_stats runs THEN zeros and empty collections, not nulls', async () => {
    const [{ stats }] = await db.query<{ stats: unknown }>('SELECT get_user_stats($1) AS stats', [newcomer]);
    expect(stats).toEqual({ total_content: 0, content_by_type: {}, content_by_visibility: {}, badges: [] });
  });

  // The original design computed the statistics in one aggregate over GROUPING SETS ((content_type), (visibility)),
  // joined to the badge list. Reproduced here in that shape to show why it was replaced.
  const ORIGINAL_SHAPE = (badges: 'joined column' | 'aggregated') => `
    SELECT json_build_object(
             'total_content', count(*),
             'content_by_type', json_object_agg(grouped.content_type, grouped.items),
             'content_by_visibility', json_object_agg(grouped.visibility, grouped.items),
             'badges', ${badges === 'joined column' ? 'badge_list.list' : 'min(badge_list.list::text)::json'})
      FROM (SELECT content_type, visibility, count(*) AS items FROM content WHERE user_id = $1
             GROUP BY GROUPING SETS ((content_type), (visibility))) AS grouped
      LEFT JOIN (SELECT json_agg(badge_type) AS list FROM user_badges WHERE user_id = $1) AS badge_list ON true`;

  test('GIVEN the original shape WHEN run for any user THEN PostgreSQL rejects it: the joined badge list is neither grouped nor aggregated', async () => {
    await expect(db.query(ORIGINAL_SHAPE('joined column'), [newcomer])).rejects.toThrow(/must appear in the GROUP BY clause or be used in an aggregate function/);
  });

  test('GIVEN that fixed WHEN run for a user with content THEN json_object_agg meets the NULL keys each grouping set leaves', async () => {
    await expect(db.query(ORIGINAL_SHAPE('aggregated'), [author])).rejects.toThrow(/null value not allowed for object key|field name must not be null/);
  });

  test('GIVEN the original counting WHEN run for a user with three items THEN count(*) counts groups (four), not items', async () => {
    const [{ counted }] = await db.query<{ counted: number }>(
      `SELECT count(*)::int AS counted FROM (SELECT 1 FROM content WHERE user_id = $1 GROUP BY GROUPING SETS ((content_type), (visibility))) AS grouped`,
      [author],
    );
    expect(counted).toBe(4);
  });
});

describe('content-hub: constraints, triggers, views and privileges', () => {
  test.each([
    ['an upper-case profile slug', { profile_slug: 'Writer-X' }, 'users_profile_slug_format'],
    ['a username with a space', { username: 'two words' }, 'users_username_format'],
    ['an email without a domain', { email: 'writer@localhost' }, 'users_email_format'],
  ])('GIVEN %s WHEN a user is inserted THEN %s rejects it', async (_case, overrides, constraint) => {
    await expect(insertUser(overrides).then(() => undefined, (error) => error.constraint)).resolves.toBe(constraint);
  });

  test('GIVEN 21 tags or a blank title WHEN content is inserted THEN the table constraints reject it', async () => {
    const user = await insertUser();
    const insert = (title: string, tags: string[]) =>
      db.query(`INSERT INTO content (user_id, title, content_type, tags) VALUES ($1, $2, 'blog', $3)`, [user, title, tags]).then(
        () => undefined,
        (error) => error.constraint,
      );
    await expect(insert('Ok', Array.from({ length: 21 }, (_, i) => `tag${i}`))).resolves.toBe('content_tags_at_most_20');
    await expect(insert('   ', [])).resolves.toBe('content_title_not_empty');
    await expect(insert('Twenty tags', Array.from({ length: 20 }, (_, i) => `tag${i}`))).resolves.toBeUndefined();
  });

  test('GIVEN a publish date in the future WHEN inserted THEN the database accepts it (the check belongs to the application)', async () => {
    const user = await insertUser();
    await expect(db.query(`INSERT INTO content (user_id, title, content_type, publish_date) VALUES ($1, 'Soon', 'blog', now() + interval '1 day')`, [user])).resolves.toEqual([]);
  });

  test('GIVEN public content without URLs and with two WHEN public_content is read THEN urls is [] and the two URLs', async () => {
    const user = await insertUser({ username: 'viewer_case', profile_slug: 'viewer-case' });
    const [bare] = await db.query<{ id: string }>(`INSERT INTO content (user_id, title, content_type, visibility) VALUES ($1, 'Bare', 'blog', 'public') RETURNING id`, [user]);
    const [linked] = await db.query<{ id: string }>(`INSERT INTO content (user_id, title, content_type, visibility) VALUES ($1, 'Linked', 'conference_talk', 'public') RETURNING id`, [user]);
    await db.query(`INSERT INTO content_urls (content_id, url, created_at) VALUES ($1, 'https://example.com/video', '2024-01-01'), ($1, 'https://example.com/slides', '2024-01-02')`, [linked.id]);

    const viewRows = await db.query<{ id: string; urls: string[]; username: string }>('SELECT id, urls, username FROM public_content WHERE id = ANY ($1::uuid[]) ORDER BY title', [[bare.id, linked.id]]);

    expect(viewRows).toEqual([
      { id: bare.id, urls: [], username: 'viewer_case' },
      { id: linked.id, urls: ['https://example.com/video', 'https://example.com/slides'], username: 'viewer_case' },
    ]);
  });

  test('GIVEN a row updated in a later transaction WHEN read THEN updated_at moved and created_at did not', async () => {
    const user = await insertUser();
    await db.query(`UPDATE users SET created_at = created_at - interval '1 hour', updated_at = updated_at - interval '1 hour' WHERE id = $1`, [user]);
    const [before] = await db.query<{ created_at: Date; updated_at: Date }>('SELECT created_at, updated_at FROM users WHERE id = $1', [user]);
    await db.query(`UPDATE users SET is_admin = true WHERE id = $1`, [user]);
    const [after] = await db.query<{ created_at: Date; updated_at: Date }>('SELECT created_at, updated_at FROM users WHERE id = $1', [user]);
    expect(after.created_at).toEqual(before.created_at);
    expect(after.updated_at.getTime()).toBeGreaterThan(before.updated_at.getTime());
  });

  test('GIVEN the application role WHEN its privileges are read THEN it may read and write every table but owns none and may not alter them', async () => {
    const privileges = await db.query<{ table_name: string; dml: boolean; owner: boolean }>(
      `SELECT c.relname AS table_name,
              has_table_privilege('content_hub_app', c.oid, 'SELECT, INSERT, UPDATE, DELETE') AS dml,
              pg_get_userbyid(c.relowner) = 'content_hub_app' AS owner
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname <> 'datastack_migrations'
        ORDER BY 1`,
    );
    expect(privileges).toEqual(
      ['content', 'content_urls', 'user_badges', 'users'].map((table_name) => ({ table_name, dml: true, owner: false })),
    );
    const [{ can_login }] = await db.query<{ can_login: boolean }>(`SELECT rolcanlogin AS can_login FROM pg_roles WHERE rolname = 'content_hub_app'`);
    expect(can_login).toBe(false);
  });
});

describe('content-hub on PostgreSQL 15, which has no pgvector', () => {
  let server: ThrowawayPostgres;
  beforeAll(async () => {
    server = await startThrowawayPostgres();
  });
  afterAll(async () => {
    await closeSessions();
    await server?.stop();
  });

  test('GIVEN a server without the vector extension WHEN npm run migrate runs content-hub THEN it exits 1 naming the extension and the server, and applies nothing', async () => {
    const url = await createDatabase(server);
    const out: string[] = [];
    const err: string[] = [];

    const code = await runCli(['up', '--system', 'content-hub'], { DATABASE_URL: url }, (line) => out.push(line), (line) => err.push(line));

    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(
      new RegExp(`^migrate: content-hub needs extension vector, which the server at postgres://postgres@127\\.0\\.0\\.1:${server.port}/\\w+ \\(sslmode=disable\\) does not offer \\(available: .*citext.*pgcrypto.*\\); nothing was applied$`),
    );
    expect(await databaseState(await sessionFor(url))).toEqual({ tables: [], recorded: [] });
  });
});
