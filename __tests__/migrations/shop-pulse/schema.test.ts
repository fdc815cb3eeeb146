import { Client } from 'pg';
import { openPglite } from '../../../migrations/runner/pglite-session';
import { SqlSession } from '../../../migrations/runner/sql-session';
import { closeSessions, createDatabase, migrateSystem, sessionFor, SHOP_PULSE_MIGRATIONS } from '../../support/migration-fixtures';
import { startThrowawayPostgres, ThrowawayPostgres } from '../../support/throwaway-postgres';

// The shop-pulse schema keeps tenants apart in the database itself. Proven the way the application meets
// it: as the application role (not the tables' owner, whom row-level security does not restrict), on a
// real PostgreSQL 15 server both through a login role granted shop_pulse_app and through SET ROLE, and on
// PGlite through SET ROLE. Then as the master user, which owns the tables and is what applications use
// through RDS Proxy with the master secret: row-level security is forced, so it restricts the owner too.
// Then the documented queries on production-like volumes use their indexes.

const TABLES = ['tenants', 'users', 'orders', 'fulfillment', 'marketing_campaigns', 'role_metric_visibility', 'governance_rules', 'audit_logs'] as const;
/** RDS's master user: it runs the migrations and so owns the tables; no superuser, no BYPASSRLS (CREATEROLE, CREATEDB, as on RDS). */
const MASTER = 'shoppulse_admin';
const A = 'T001';
const B = 'T002';

let server: ThrowawayPostgres;
let serverUrl: string;
let pglite: SqlSession;

/** Two tenants' rows in every table, written as the owner (row-level security does not apply to it). */
const FIXTURE_ROWS = `
  INSERT INTO users (tenant_id, user_id, email, cognito_user_id, role, region, store_id) VALUES
    ('T001', 'U-A1', 'ann@fashion.example', 'cognito-a1', 'Admin', 'EU', 'S1'),
    ('T001', 'U-A2', 'al@fashion.example', 'cognito-a2', 'Finance', 'EU', 'S1'),
    ('T002', 'U-B1', 'bea@gadgets.example', 'cognito-b1', 'Admin', 'NA', 'S9');
  INSERT INTO orders (tenant_id, order_id, order_date, store_id, region, channel, net_revenue) VALUES
    ('T001', 'O-1', DATE '2024-03-01', 'S1', 'EU', 'web', 120.00),
    ('T001', 'O-2', DATE '2024-03-02', 'S1', 'EU', 'store', 80.00),
    ('T002', 'O-1', DATE '2024-03-01', 'S9', 'NA', 'web', 999.00),
    ('T002', 'O-B1', DATE '2024-03-03', 'S9', 'NA', 'web', 10.00);
  INSERT INTO fulfillment (tenant_id, order_id, warehouse, carrier, actual_delivery_date) VALUES
    ('T001', 'O-1', 'W1', 'DHL', DATE '2024-03-04'), ('T002', 'O-B1', 'W9', 'UPS', DATE '2024-03-05');
  INSERT INTO marketing_campaigns (tenant_id, campaign_id, date, channel, spend) VALUES
    ('T001', 'C-1', DATE '2024-03-01', 'social', 50.00), ('T002', 'C-1', DATE '2024-03-01', 'search', 75.00);
  INSERT INTO governance_rules (tenant_id, user_id, dimension, values) VALUES
    ('T001', 'U-A2', 'region', '{EU}'), ('T002', 'U-B1', 'store', '{S9}');
  INSERT INTO audit_logs (tenant_id, user_id, action, resource_type, resource_id, ip_address) VALUES
    ('T001', 'U-A1', 'login', 'session', NULL, '192.0.2.1'),
    ('T001', NULL, 'import', 'orders', 'batch-1', NULL),
    ('T002', 'U-B1', 'login', 'session', NULL, '198.51.100.7');`;

/** For each table, an INSERT of a row that belongs to tenant B (or to a tenant nobody set). */
const INSERTS_OF_ANOTHER_TENANT: [string, string][] = [
  ['tenants', `INSERT INTO tenants (tenant_id, tenant_name) VALUES ('T777', 'Not mine')`],
  ['users', `INSERT INTO users (tenant_id, user_id, email, cognito_user_id, role) VALUES ('T002', 'U-X', 'x@gadgets.example', 'cognito-x', 'Admin')`],
  ['orders', `INSERT INTO orders (tenant_id, order_id, order_date) VALUES ('T002', 'O-X', DATE '2024-03-09')`],
  ['fulfillment', `INSERT INTO fulfillment (tenant_id, order_id) VALUES ('T002', 'O-B1')`],
  ['marketing_campaigns', `INSERT INTO marketing_campaigns (tenant_id, campaign_id, date) VALUES ('T002', 'C-X', DATE '2024-03-09')`],
  ['role_metric_visibility', `INSERT INTO role_metric_visibility (tenant_id, role, metric_name) VALUES ('T002', 'Admin', 'new_metric')`],
  ['governance_rules', `INSERT INTO governance_rules (tenant_id, user_id, dimension, values) VALUES ('T002', 'U-B1', 'region', '{EU}')`],
  ['audit_logs', `INSERT INTO audit_logs (tenant_id, action, resource_type) VALUES ('T002', 'export', 'orders')`],
];

/** Where the application's work runs: as the application role, in one transaction, rolled back afterwards. */
interface Engine {
  readonly owner: SqlSession;
  /** Runs `work` in a transaction as the application role, with app.tenant_id set to `tenant` (or not at all: null). */
  asApp<T>(tenant: string | null, work: (session: SqlSession) => Promise<T>): Promise<T>;
}

async function inTransaction<T>(session: SqlSession, setup: string[], tenant: string | null, work: (session: SqlSession) => Promise<T>): Promise<T> {
  await session.execute('BEGIN');
  try {
    for (const statement of setup) await session.execute(statement);
    // What the application does at the start of each transaction (transaction-local: RDS Proxy need not pin).
    if (tenant !== null) await session.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
    return await work(session);
  } finally {
    await session.execute('ROLLBACK');
  }
}

async function ownerOnServer(): Promise<{ owner: SqlSession; url: string }> {
  const url = await createDatabase(server);
  const owner = await sessionFor(url);
  await migrateSystem(owner, SHOP_PULSE_MIGRATIONS, { seed: true });
  await owner.execute(FIXTURE_ROWS);
  // The login role joins the group the first migration created (membership is server-wide; granting again is a no-op).
  await owner.execute('GRANT shop_pulse_app TO shop_pulse_tester');
  return { owner, url };
}

const ENGINES: [string, () => Promise<Engine>][] = [
  [
    'PostgreSQL 15, signed in as a login role granted shop_pulse_app',
    async () => {
      const { owner, url } = await ownerOnServer();
      const app = await sessionFor(url.replace('postgres://postgres@', 'postgres://shop_pulse_tester@'));
      return { owner, asApp: (tenant, work) => inTransaction(app, [], tenant, work) };
    },
  ],
  [
    'PostgreSQL 15, SET ROLE shop_pulse_app',
    async () => {
      const { owner } = await ownerOnServer();
      return { owner, asApp: (tenant, work) => inTransaction(owner, ['SET LOCAL ROLE shop_pulse_app'], tenant, work) };
    },
  ],
  [
    'PGlite, SET ROLE shop_pulse_app',
    async () => {
      await pglite.execute('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      await migrateSystem(pglite, SHOP_PULSE_MIGRATIONS, { seed: true });
      await pglite.execute(FIXTURE_ROWS);
      return { owner: pglite, asApp: (tenant, work) => inTransaction(pglite, ['SET LOCAL ROLE shop_pulse_app'], tenant, work) };
    },
  ],
];

beforeAll(async () => {
  server = await startThrowawayPostgres();
  serverUrl = server.url();
  const admin = new Client({ host: server.host, port: server.port, user: server.user, database: 'postgres' });
  await admin.connect();
  try {
    // RDS has this role; its presence makes the migrations create the IAM login. (Roles are server-wide.)
    await admin.query('CREATE ROLE rds_iam NOLOGIN');
    // The application's login: what a role whose password RDS Proxy holds looks like.
    await admin.query('CREATE ROLE shop_pulse_tester LOGIN');
    await admin.query(`CREATE ROLE ${MASTER} LOGIN NOSUPERUSER NOBYPASSRLS CREATEROLE CREATEDB`);
  } finally {
    await admin.end();
  }
  pglite = await openPglite();
}, 120_000);
afterAll(async () => {
  await closeSessions();
  await pglite?.close();
  await server?.stop();
});

const message = (promise: Promise<unknown>): Promise<string | undefined> => promise.then(() => undefined, (error: Error) => error.message);

describe.each(ENGINES)('shop-pulse tenant isolation on %s', (_engine, setUp) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await setUp();
  }, 120_000);

  test('GIVEN the seed data WHEN counted by the owner THEN three tenants and 16 metric visibility rows each', async () => {
    const tenants = await engine.owner.query<{ tenant_id: string; tenant_name: string; rules: number }>(
      `SELECT t.tenant_id, t.tenant_name, (SELECT count(*)::int FROM role_metric_visibility v WHERE v.tenant_id = t.tenant_id) AS rules
         FROM tenants t ORDER BY 1`,
    );
    expect(tenants).toEqual([
      { tenant_id: 'T001', tenant_name: 'Fashion Boutique', rules: 16 },
      { tenant_id: 'T002', tenant_name: 'Tech Gadgets Inc', rules: 16 },
      { tenant_id: 'T003', tenant_name: 'Home Decor Co', rules: 16 },
    ]);
  });

  test.each(TABLES)('GIVEN tenant A set WHEN %s is read without any tenant filter THEN only tenant A rows come back, all of them', async (table) => {
    const [{ total }] = await engine.owner.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${table} WHERE tenant_id = $1`, [A]);

    const seen = await engine.asApp(A, (session) => session.query<{ tenant_id: string }>(`SELECT tenant_id FROM ${table}`));

    expect(total).toBeGreaterThan(0);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((row) => row.tenant_id))).toEqual(new Set([A]));
  });

  test.each(TABLES)('GIVEN no tenant set WHEN %s is read THEN no rows come back, and no error', async (table) => {
    await expect(engine.asApp(null, (session) => session.query(`SELECT * FROM ${table}`))).resolves.toEqual([]);
  });

  test.each(INSERTS_OF_ANOTHER_TENANT)('GIVEN tenant A set WHEN a row of another tenant is inserted into %s THEN row-level security refuses it', async (table, sql) => {
    await expect(message(engine.asApp(A, (session) => session.execute(sql)))).resolves.toBe(`new row violates row-level security policy for table "${table}"`);
  });

  test('GIVEN tenant A set WHEN it updates or deletes tenant B rows THEN nothing matches, and moving its own row to B is refused', async () => {
    const touched = await engine.asApp(A, async (session) => [
      ...(await session.query(`UPDATE orders SET channel = 'hijacked' WHERE tenant_id = $1 RETURNING order_id`, [B])),
      ...(await session.query(`DELETE FROM users WHERE tenant_id = $1 RETURNING user_id`, [B])),
    ]);
    expect(touched).toEqual([]);
    await expect(message(engine.asApp(A, (session) => session.execute(`UPDATE orders SET tenant_id = 'T002' WHERE order_id = 'O-2'`)))).resolves.toBe(
      'new row violates row-level security policy for table "orders"',
    );
  });

  test('GIVEN no tenant set WHEN a row is inserted THEN it is refused', async () => {
    await expect(
      message(engine.asApp(null, (session) => session.execute(`INSERT INTO audit_logs (tenant_id, action, resource_type) VALUES ('T001', 'login', 'session')`))),
    ).resolves.toBe('new row violates row-level security policy for table "audit_logs"');
  });

  test('GIVEN tenant A set WHEN it appends to its audit trail THEN that works; WHEN it updates, deletes or truncates THEN permission is denied', async () => {
    const added = await engine.asApp(A, (session) =>
      session.query<{ action: string }>(`INSERT INTO audit_logs (tenant_id, user_id, action, resource_type) VALUES ('T001', 'U-A1', 'export', 'orders') RETURNING action`),
    );
    expect(added).toEqual([{ action: 'export' }]);
    for (const sql of [`UPDATE audit_logs SET action = 'nothing'`, 'DELETE FROM audit_logs', 'TRUNCATE audit_logs']) {
      await expect(message(engine.asApp(A, (session) => session.execute(sql)))).resolves.toBe('permission denied for table audit_logs');
    }
  });

  test('GIVEN the owner WHEN it updates, deletes or truncates audit logs THEN the append-only triggers refuse', async () => {
    const asOwner = (sql: string) => message(inTransaction(engine.owner, [], null, (session) => session.execute(sql)));
    await expect(asOwner(`UPDATE audit_logs SET action = 'nothing'`)).resolves.toBe('audit_logs is append-only: UPDATE is not allowed');
    await expect(asOwner('DELETE FROM audit_logs')).resolves.toBe('audit_logs is append-only: DELETE is not allowed');
    await expect(asOwner('TRUNCATE audit_logs')).resolves.toBe('audit_logs is append-only: TRUNCATE is not allowed');
  });

  test.each([
    ['a fulfillment of tenant A for an order of tenant B', `INSERT INTO fulfillment (tenant_id, order_id) VALUES ('T001', 'O-B1')`, 'fulfillment_order_fkey'],
    ['a governance rule of tenant A for a user of tenant B', `INSERT INTO governance_rules (tenant_id, user_id, dimension, values) VALUES ('T001', 'U-B1', 'store', '{S9}')`, 'governance_rules_user_fkey'],
    ['an audit log of tenant A naming a user of tenant B', `INSERT INTO audit_logs (tenant_id, user_id, action, resource_type) VALUES ('T001', 'U-B1', 'login', 'session')`, 'audit_logs_user_fkey'],
  ])('GIVEN %s WHEN the owner inserts it THEN the tenant-checked foreign key %s refuses it', async (_case, sql, constraint) => {
    const violated = await inTransaction(engine.owner, [], null, (session) => session.execute(sql)).then(
      () => undefined,
      (error: { constraint?: string }) => error.constraint,
    );
    expect(violated).toBe(constraint);
  });

  test('GIVEN a user with an audit trail WHEN the owner deletes the user THEN the audit reference refuses it (users are deactivated instead)', async () => {
    const violated = await inTransaction(engine.owner, [], null, (session) => session.execute(`DELETE FROM users WHERE tenant_id = 'T001' AND user_id = 'U-A1'`)).then(
      () => undefined,
      (error: { constraint?: string }) => error.constraint,
    );
    expect(violated).toBe('audit_logs_user_fkey');
  });

  test('GIVEN no tenant yet (sign-in) WHEN the application asks tenant_for_cognito_user THEN it gets the tenant of that identity only', async () => {
    const answers = await engine.asApp(null, (session) =>
      session.query<{ known: string | null; unknown: string | null }>(`SELECT tenant_for_cognito_user('cognito-b1') AS known, tenant_for_cognito_user('nobody') AS unknown`),
    );
    expect(answers).toEqual([{ known: B, unknown: null }]);
  });

  test('GIVEN the application role WHEN its privileges are read THEN it owns nothing, cannot bypass row security, and cannot touch the runner tables', async () => {
    const [role] = await engine.owner.query<{ super: boolean; bypass: boolean; login: boolean; owns: number; ledgers: boolean }>(
      `SELECT rolsuper AS super, rolbypassrls AS bypass, rolcanlogin AS login,
              (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owns,
              has_table_privilege('shop_pulse_app', 'datastack_migrations', 'SELECT, INSERT, UPDATE, DELETE')
                OR has_table_privilege('shop_pulse_app', 'datastack_seed_data', 'SELECT, INSERT, UPDATE, DELETE') AS ledgers
         FROM pg_roles r WHERE rolname = 'shop_pulse_app'`,
    );
    expect(role).toEqual({ super: false, bypass: false, login: false, owns: 0, ledgers: false });
  });

  test('GIVEN a table the owner creates after the migrations WHEN its privileges are read THEN the default privileges give the application DML on it', async () => {
    const granted = await inTransaction(engine.owner, ['CREATE TABLE later_table (id int)'], null, (session) =>
      session.query<{ dml: boolean }>(`SELECT has_table_privilege('shop_pulse_app', 'later_table', 'SELECT, INSERT, UPDATE, DELETE') AS dml`),
    );
    expect(granted).toEqual([{ dml: true }]);
  });
});

describe('shop-pulse on PostgreSQL 15: the tenant setting and the roles', () => {
  test('GIVEN a transaction that set tenant A has committed WHEN the same connection runs another without setting it THEN it sees nothing', async () => {
    const { url } = await ownerOnServer();
    const app = await sessionFor(url.replace('postgres://postgres@', 'postgres://shop_pulse_tester@'));
    await app.execute('BEGIN');
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [A]);
    const during = await app.query('SELECT order_id FROM orders');
    await app.execute('COMMIT');

    const after = await app.query('SELECT order_id FROM orders');

    expect(during).toHaveLength(2);
    expect(after).toEqual([]);
  });

  test('GIVEN a server with the rds_iam role WHEN the migrations ran THEN shop_pulse_app_iam can log in, is in rds_iam and shop_pulse_app, and the group is not in rds_iam', async () => {
    await ownerOnServer();
    const admin = await sessionFor(serverUrl);
    const memberships = await admin.query<{ role: string; login: boolean; member_of: string[] }>(
      `SELECT r.rolname AS role, r.rolcanlogin AS login,
              ARRAY(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid ORDER BY 1)::text[] AS member_of
         FROM pg_roles r WHERE r.rolname IN ('shop_pulse_app', 'shop_pulse_app_iam') ORDER BY 1`,
    );
    expect(memberships).toEqual([
      { role: 'shop_pulse_app', login: false, member_of: [] },
      { role: 'shop_pulse_app_iam', login: true, member_of: ['rds_iam', 'shop_pulse_app'] },
    ]);
  });

  test('GIVEN PGlite, which has no rds_iam role WHEN the migrations ran THEN no IAM login was created', async () => {
    const [{ roles }] = await pglite.query<{ roles: number }>(`SELECT count(*)::int AS roles FROM pg_roles WHERE rolname = 'shop_pulse_app_iam'`);
    expect(roles).toBe(0);
  });
});

describe('shop-pulse on PostgreSQL 15 as the master user (the tables\' owner, what RDS Proxy signs in as): forced row-level security', () => {
  let master: SqlSession;
  let superuser: SqlSession;
  let migratedAsMaster: Awaited<ReturnType<typeof migrateSystem>>;
  const asMaster = <T>(tenant: string | null, work: (session: SqlSession) => Promise<T>) => inTransaction(master, [], tenant, work);

  beforeAll(async () => {
    // A database the master user owns (on RDS, the instance's database), migrated and seeded by it.
    const name = `shop_pulse_master_${process.pid}`;
    const admin = new Client({ host: server.host, port: server.port, user: server.user, database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} OWNER ${MASTER}`);
    } finally {
      await admin.end();
    }
    master = await sessionFor(server.url(name).replace('postgres://postgres@', `postgres://${MASTER}@`));
    migratedAsMaster = await migrateSystem(master, SHOP_PULSE_MIGRATIONS, { seed: true });
    // The fixture rows of both tenants, written by a superuser (row-level security never applies to one).
    superuser = await sessionFor(server.url(name));
    await superuser.execute(FIXTURE_ROWS);
  }, 120_000);

  test('GIVEN a master user that is no superuser WHEN it runs the migrations and the seed THEN all apply, and the seed wrote 16 metric rows for each of three tenants', async () => {
    expect(migratedAsMaster.seeded).toEqual(['0001_development_tenants.sql']);
    const tenants = await superuser.query<{ tenant_id: string; rules: number }>(
      `SELECT t.tenant_id, (SELECT count(*)::int FROM role_metric_visibility v WHERE v.tenant_id = t.tenant_id) AS rules FROM tenants t WHERE t.tenant_id LIKE 'T00%' ORDER BY 1`,
    );
    expect(tenants).toEqual([
      { tenant_id: 'T001', rules: 16 },
      { tenant_id: 'T002', rules: 16 },
      { tenant_id: 'T003', rules: 16 },
    ]);
  });

  test('GIVEN the migrated tables WHEN the catalog is read THEN row-level security is enabled and forced on all eight, and the master user owns them', async () => {
    const tables = await superuser.query<{ table: string; enabled: boolean; forced: boolean; owner: string }>(
      `SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced, pg_get_userbyid(c.relowner) AS owner
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY($1) ORDER BY 1`,
      [[...TABLES]],
    );
    expect(tables).toEqual([...TABLES].sort().map((table) => ({ table, enabled: true, forced: true, owner: MASTER })));
  });

  test.each(TABLES)('GIVEN tenant A set WHEN the master user reads %s without any tenant filter THEN only tenant A rows come back, all of them', async (table) => {
    const [{ total }] = await superuser.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${table} WHERE tenant_id = $1`, [A]);

    const seen = await asMaster(A, (session) => session.query<{ tenant_id: string }>(`SELECT tenant_id FROM ${table}`));

    expect(total).toBeGreaterThan(0);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((row) => row.tenant_id))).toEqual(new Set([A]));
  });

  test.each(TABLES)('GIVEN no tenant set WHEN the master user reads %s THEN no rows come back, and no error', async (table) => {
    await expect(asMaster(null, (session) => session.query(`SELECT * FROM ${table}`))).resolves.toEqual([]);
  });

  test.each(INSERTS_OF_ANOTHER_TENANT)('GIVEN tenant A set WHEN the master user inserts a row of another tenant into %s THEN row-level security refuses it', async (table, sql) => {
    await expect(message(asMaster(A, (session) => session.execute(sql)))).resolves.toBe(`new row violates row-level security policy for table "${table}"`);
  });

  test('GIVEN tenant A set WHEN the master user updates or deletes tenant B rows THEN nothing matches', async () => {
    const touched = await asMaster(A, async (session) => [
      ...(await session.query(`UPDATE orders SET channel = 'hijacked' WHERE tenant_id = $1 RETURNING order_id`, [B])),
      ...(await session.query(`DELETE FROM marketing_campaigns WHERE tenant_id = $1 RETURNING campaign_id`, [B])),
    ]);
    expect(touched).toEqual([]);
  });

  test('GIVEN tenant A set WHEN the master user updates, deletes or truncates audit logs THEN the append-only triggers refuse', async () => {
    await expect(message(asMaster(A, (session) => session.execute(`UPDATE audit_logs SET action = 'nothing'`)))).resolves.toBe('audit_logs is append-only: UPDATE is not allowed');
    await expect(message(asMaster(A, (session) => session.execute('DELETE FROM audit_logs')))).resolves.toBe('audit_logs is append-only: DELETE is not allowed');
    await expect(message(asMaster(A, (session) => session.execute('TRUNCATE audit_logs')))).resolves.toBe('audit_logs is append-only: TRUNCATE is not allowed');
  });

  test('GIVEN no tenant yet (sign-in) WHEN the master user asks tenant_for_cognito_user THEN it gets the tenant of that identity, and still no user row', async () => {
    const answers = await asMaster(null, async (session) => ({
      lookups: await session.query(`SELECT tenant_for_cognito_user('cognito-b1') AS known, tenant_for_cognito_user('nobody') AS unknown`),
      users: await session.query('SELECT * FROM users'),
    }));
    expect(answers).toEqual({ lookups: [{ known: B, unknown: null }], users: [] });
  });

  test('GIVEN the sign-in role WHEN its rights are read THEN it owns the lookup only, reads three columns of users, and nobody is a member of it', async () => {
    const [rights] = await superuser.query<{ owner: string; email: boolean; status: boolean; members: number; login: boolean }>(
      `SELECT pg_get_userbyid(p.proowner) AS owner,
              has_column_privilege('shop_pulse_sign_in', 'users', 'email', 'SELECT') AS email,
              has_column_privilege('shop_pulse_sign_in', 'users', 'status', 'SELECT') AS status,
              (SELECT count(*)::int FROM pg_auth_members m WHERE m.roleid = 'shop_pulse_sign_in'::regrole) AS members,
              (SELECT rolcanlogin FROM pg_roles WHERE rolname = 'shop_pulse_sign_in') AS login
         FROM pg_proc p WHERE p.proname = 'tenant_for_cognito_user'`,
    );
    expect(rights).toEqual({ owner: 'shop_pulse_sign_in', email: false, status: true, members: 0, login: false });
  });
});

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

describe('shop-pulse on PostgreSQL 15: the access patterns use tenant-leading indexes (20 tenants, 100,000 orders, ANALYZEd)', () => {
  let app: SqlSession;
  beforeAll(async () => {
    const { owner, url } = await ownerOnServer();
    // Production-like volumes and statistics, so the planner would otherwise scan.
    await owner.execute(`
      INSERT INTO tenants (tenant_id, tenant_name) SELECT 'B' || lpad(t::text, 2, '0'), 'Bulk ' || t FROM generate_series(1, 20) AS t;
      INSERT INTO users (tenant_id, user_id, email, cognito_user_id, role, status)
        SELECT 'B' || lpad(t::text, 2, '0'), 'U' || u, 'u' || u || '.' || t || '@bulk.example', 'cog-' || t || '-' || u,
               (ARRAY['Admin', 'Finance', 'Operations', 'Marketing'])[1 + u % 4], CASE WHEN u % 10 = 0 THEN 'Active' ELSE 'Inactive' END
          FROM generate_series(1, 20) AS t, generate_series(1, 1000) AS u;
      INSERT INTO orders (tenant_id, order_id, order_date, store_id, region, channel, net_revenue)
        SELECT 'B' || lpad(t::text, 2, '0'), 'O' || o, DATE '2023-01-01' + (o % 700), 'S' || (o % 50), 'R' || (o % 25), 'web', o % 500
          FROM generate_series(1, 20) AS t, generate_series(1, 5000) AS o;
      INSERT INTO fulfillment (tenant_id, order_id, warehouse, actual_delivery_date)
        SELECT tenant_id, order_id, 'W1', order_date + 3 FROM orders WHERE tenant_id LIKE 'B%';
      INSERT INTO marketing_campaigns (tenant_id, campaign_id, date, channel, spend)
        SELECT 'B' || lpad(t::text, 2, '0'), 'C' || c, DATE '2023-01-01' + (c % 700), 'ch' || (c % 20), 10
          FROM generate_series(1, 20) AS t, generate_series(1, 2000) AS c;
      INSERT INTO role_metric_visibility (tenant_id, role, metric_name)
        SELECT 'B' || lpad(t::text, 2, '0'), (ARRAY['Admin', 'Finance', 'Operations', 'Marketing'])[1 + m % 4], 'metric_' || m
          FROM generate_series(1, 20) AS t, generate_series(1, 200) AS m;
      INSERT INTO governance_rules (tenant_id, user_id, dimension, values)
        SELECT tenant_id, user_id, 'region', '{R1}' FROM users WHERE tenant_id LIKE 'B%';
      INSERT INTO audit_logs (tenant_id, user_id, action, resource_type, created_at)
        SELECT 'B' || lpad(t::text, 2, '0'), 'U' || (1 + a % 1000), 'action_' || (a % 30), 'orders', now() - (a || ' minutes')::interval
          FROM generate_series(1, 20) AS t, generate_series(1, 5000) AS a;
      ANALYZE;
    `);
    app = await sessionFor(url.replace('postgres://postgres@', 'postgres://shop_pulse_tester@'));
  }, 300_000);

  // No query names its tenant: row-level security adds tenant_id = current_tenant_id(), and the indexes serve it.
  test.each([
    ['orders in a date range', 'orders_tenant_date_idx', `SELECT order_id, net_revenue FROM orders WHERE order_date BETWEEN DATE '2024-03-01' AND DATE '2024-03-07'`],
    ['orders of a region', 'orders_tenant_region_idx', `SELECT order_id FROM orders WHERE region = 'R7'`],
    ['orders of a store', 'orders_tenant_store_idx', `SELECT order_id FROM orders WHERE store_id = 'S7'`],
    ['one order', 'orders_pkey', `SELECT * FROM orders WHERE order_id = 'O42'`],
    ["an order's fulfillment", 'fulfillment_tenant_order_idx', `SELECT * FROM fulfillment WHERE order_id = 'O42'`],
    ['deliveries in a date range', 'fulfillment_tenant_delivery_idx', `SELECT order_id FROM fulfillment WHERE actual_delivery_date BETWEEN DATE '2024-03-01' AND DATE '2024-03-07'`],
    ['campaigns in a date range', 'marketing_campaigns_tenant_date_idx', `SELECT campaign_id, spend FROM marketing_campaigns WHERE date BETWEEN DATE '2024-03-01' AND DATE '2024-03-07'`],
    ['campaigns of a channel', 'marketing_campaigns_tenant_channel_idx', `SELECT campaign_id FROM marketing_campaigns WHERE channel = 'ch3'`],
    ["a role's visible metrics", 'role_metric_visibility_key', `SELECT metric_name FROM role_metric_visibility WHERE role = 'Finance' AND is_visible`],
    ["a user's governance rules", 'governance_rules_tenant_user_idx', `SELECT dimension, values FROM governance_rules WHERE user_id = 'U42'`],
    ['active users', 'users_tenant_status_idx', `SELECT user_id FROM users WHERE status = 'Active'`],
    ['the recent audit trail', 'audit_logs_tenant_created_idx', `SELECT * FROM audit_logs WHERE created_at >= now() - interval '1 day' ORDER BY created_at DESC LIMIT 50`],
    ["a user's audit trail", 'audit_logs_tenant_user_created_idx', `SELECT * FROM audit_logs WHERE user_id = 'U42' ORDER BY created_at DESC LIMIT 50`],
    ['one action in the audit trail', 'audit_logs_tenant_action_created_idx', `SELECT * FROM audit_logs WHERE action = 'action_7' ORDER BY created_at DESC LIMIT 50`],
  ])('GIVEN tenant B07 set WHEN %s is explained THEN it scans %s and reads no table sequentially', async (_query, index, sql) => {
    const plan = await inTransaction(app, [], 'B07', async (session) => {
      const [{ 'QUERY PLAN': explained }] = await session.query<{ 'QUERY PLAN': any }>(`EXPLAIN (FORMAT JSON) ${sql}`);
      return explained;
    });
    const summary = planSummary(plan);
    expect(summary.indexes).toContain(index);
    expect(summary.seqScan).toBe(false);
  });
});
