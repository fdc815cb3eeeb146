import * as fs from 'fs';
import * as path from 'path';
import { Client } from 'pg';
import { loadMigrationFiles } from '../../../migrations/runner/migration-files';
import { migrateUp } from '../../../migrations/runner/migrator';
import { openPglite } from '../../../migrations/runner/pglite-session';
import { SqlSession } from '../../../migrations/runner/sql-session';
import { MIGRATIONS_ROOT } from '../../../migrations/runner/systems';
import { closeSessions, migrationsDirectory, removeTemporaryDirectories, sessionFor } from '../../support/migration-fixtures';
import { startThrowawayPostgres, ThrowawayPostgres } from '../../support/throwaway-postgres';

// The skillancer database roles on a real PostgreSQL 15 server, migrated the way RDS is: by a master user that
// owns the database and may create roles but is not a superuser. The applications' login users then connect
// themselves and try what they should and should not be able to do, on a table that existed before the roles
// migration and on one a later migration created.

const SKILLANCER_MIGRATIONS = path.join(MIGRATIONS_ROOT, 'skillancer');
const ROLES_FILE = '0001_database_roles.sql';
const ROLES_SQL = fs.readFileSync(path.join(SKILLANCER_MIGRATIONS, ROLES_FILE), 'utf8');
/** Like the RDS master user: CREATEROLE and CREATEDB, owner of the database, not a superuser. */
const MASTER = 'rds_master';
/** A name that must be quoted, to show the CONNECT grant names whatever database it runs in. */
const DATABASE = 'skillancer-ci';

/** A later migration, as the application's schema would add one. */
const LATER_MIGRATION = { '0002_add_contracts.sql': 'CREATE TABLE contracts (id bigserial PRIMARY KEY, title text NOT NULL);\n' };

const clients: Client[] = [];
async function connectAs(server: ThrowawayPostgres, user: string, database: string): Promise<Client> {
  const client = new Client({ host: server.host, port: server.port, user, database });
  client.on('error', () => undefined);
  await client.connect();
  clients.push(client);
  return client;
}

/** 'allowed', or the SQLSTATE with PostgreSQL's message when refused. */
async function attempt(client: Client, sql: string): Promise<string> {
  try {
    await client.query(sql);
    return 'allowed';
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return `${code}: ${message}`;
  }
}

/**
 * Creates the RDS-like master user and a database it owns, as the server's superuser, running `onServer`
 * before and `inDatabase` (in the new database) after.
 */
async function createMasterAndDatabase(server: ThrowawayPostgres, database: string, onServer: string[] = [], inDatabase: string[] = []): Promise<void> {
  const admin = await connectAs(server, 'postgres', 'postgres');
  await admin.query(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${MASTER}') THEN CREATE ROLE ${MASTER} LOGIN CREATEROLE CREATEDB; END IF; END $$`);
  for (const statement of onServer) await admin.query(statement);
  await admin.query(`CREATE DATABASE "${database}" OWNER ${MASTER}`);
  const inside = await connectAs(server, 'postgres', database);
  for (const statement of inDatabase) await inside.query(statement);
}

async function migrateAsMaster(server: ThrowawayPostgres, database: string, files: Readonly<Record<string, string>>) {
  const session = await sessionFor(`postgres://${MASTER}@127.0.0.1:${server.port}/${encodeURIComponent(database)}?sslmode=disable`);
  return migrateUp(session, loadMigrationFiles(migrationsDirectory(files)));
}

afterAll(async () => {
  await Promise.all(clients.splice(0).map((client) => client.end().catch(() => undefined)));
  await closeSessions();
  removeTemporaryDirectories();
});

test('GIVEN the roles migration WHEN read THEN it holds no password', () => {
  expect(loadMigrationFiles(SKILLANCER_MIGRATIONS).map((file) => file.fileName)).toEqual([ROLES_FILE]);
  expect(ROLES_SQL).not.toMatch(/PASSWORD\s+'/i);
});

describe('on PostgreSQL 15, migrated by a master user that is not a superuser', () => {
  let server: ThrowawayPostgres;
  let app: Client;
  let readonly: Client;
  beforeAll(async () => {
    server = await startThrowawayPostgres();
    await createMasterAndDatabase(server, DATABASE);
    const master = await connectAs(server, MASTER, DATABASE);
    // A table the application's schema had before the roles existed.
    await master.query('CREATE TABLE profiles (id bigserial PRIMARY KEY, name text NOT NULL)');
    await migrateAsMaster(server, DATABASE, { [ROLES_FILE]: ROLES_SQL });
    // A later run applies a later migration: the table is created after the grants.
    await migrateAsMaster(server, DATABASE, { [ROLES_FILE]: ROLES_SQL, ...LATER_MIGRATION });
    await master.query(`INSERT INTO profiles (name) VALUES ('existing'); INSERT INTO contracts (title) VALUES ('existing')`);
    app = await connectAs(server, 'skillancer_app_user', DATABASE);
    readonly = await connectAs(server, 'skillancer_readonly_user', DATABASE);
  });
  afterAll(async () => {
    await Promise.all(clients.splice(0).map((client) => client.end().catch(() => undefined)));
    await closeSessions();
    await server?.stop();
  });

  describe.each([
    ['profiles', 'created before the roles migration'],
    ['contracts', 'created by a later migration'],
  ])('the table %s, %s', (table) => {
    test.each([
      ['SELECT', `SELECT count(*) FROM ${table}`, 'allowed'],
      ['INSERT (its id from a sequence)', `INSERT INTO ${table} VALUES (DEFAULT, 'from the app')`, 'allowed'],
      ['UPDATE', `UPDATE ${table} SET ${table === 'profiles' ? 'name' : 'title'} = 'renamed' WHERE id = 1`, 'allowed'],
      ['DELETE', `DELETE FROM ${table} WHERE id = 1`, 'allowed'],
      ['TRUNCATE', `TRUNCATE ${table}`, `42501: permission denied for table ${table}`],
      ['ALTER TABLE', `ALTER TABLE ${table} ADD COLUMN sneaky text`, `42501: must be owner of table ${table}`],
      ['CREATE INDEX', `CREATE INDEX sneaky_idx ON ${table} (id)`, `42501: must be owner of table ${table}`],
      ['DROP TABLE', `DROP TABLE ${table}`, `42501: must be owner of table ${table}`],
    ])('GIVEN the application user WHEN it runs %s (%s) THEN %s', async (_statement, sql, expected) => {
      expect(await attempt(app, sql)).toBe(expected);
    });

    test.each([
      ['SELECT', `SELECT count(*) FROM ${table}`, 'allowed'],
      ['INSERT', `INSERT INTO ${table} VALUES (DEFAULT, 'from analytics')`, `42501: permission denied for table ${table}`],
      ['UPDATE', `UPDATE ${table} SET id = id`, `42501: permission denied for table ${table}`],
      ['DELETE', `DELETE FROM ${table}`, `42501: permission denied for table ${table}`],
      ['TRUNCATE', `TRUNCATE ${table}`, `42501: permission denied for table ${table}`],
      ['ALTER TABLE', `ALTER TABLE ${table} ADD COLUMN sneaky text`, `42501: must be owner of table ${table}`],
      ['DROP TABLE', `DROP TABLE ${table}`, `42501: must be owner of table ${table}`],
    ])('GIVEN the read-only user WHEN it runs %s (%s) THEN %s', async (_statement, sql, expected) => {
      expect(await attempt(readonly, sql)).toBe(expected);
    });
  });

  test.each([
    ['the application user', () => app],
    ['the read-only user', () => readonly],
  ])('GIVEN %s WHEN it creates a table THEN the schema refuses it', async (_user, client) => {
    expect(await attempt(client(), 'CREATE TABLE sneaky (id int)')).toBe('42501: permission denied for schema public');
  });

  test.each([
    ['the application user', () => app, 'DELETE FROM datastack_migrations'],
    ['the read-only user', () => readonly, 'SELECT * FROM datastack_migrations'],
  ])('GIVEN %s WHEN it touches the record of applied migrations THEN it is refused', async (_user, client, sql) => {
    expect(await attempt(client(), sql)).toBe('42501: permission denied for table datastack_migrations');
  });

  test.each(['skillancer_app', 'skillancer_readonly'])('GIVEN the group role %s WHEN it tries to log in THEN the server refuses', async (role) => {
    await expect(connectAs(server, role, DATABASE)).rejects.toThrow(`role "${role}" is not permitted to log in`);
  });

  test('GIVEN the roles WHEN their passwords and attributes are read THEN none has a password and only the two users log in', async () => {
    const admin = await connectAs(server, 'postgres', DATABASE);
    const { rows } = await admin.query(
      `SELECT rolname, rolcanlogin, rolpassword IS NOT NULL AS has_password, rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls AS powerful
         FROM pg_authid WHERE rolname LIKE 'skillancer%' ORDER BY rolname`,
    );
    expect(rows).toEqual([
      { rolname: 'skillancer_app', rolcanlogin: false, has_password: false, powerful: false },
      { rolname: 'skillancer_app_user', rolcanlogin: true, has_password: false, powerful: false },
      { rolname: 'skillancer_readonly', rolcanlogin: false, has_password: false, powerful: false },
      { rolname: 'skillancer_readonly_user', rolcanlogin: true, has_password: false, powerful: false },
    ]);
  });

  test('GIVEN PUBLIC may not connect to the database WHEN the users and a stranger log in THEN the CONNECT grant admits exactly the two users', async () => {
    const admin = await connectAs(server, 'postgres', DATABASE);
    await admin.query(`REVOKE CONNECT ON DATABASE "${DATABASE}" FROM PUBLIC`);
    await admin.query('CREATE ROLE stranger LOGIN');

    await expect(connectAs(server, 'skillancer_app_user', DATABASE)).resolves.toBeInstanceOf(Client);
    await expect(connectAs(server, 'skillancer_readonly_user', DATABASE)).resolves.toBeInstanceOf(Client);
    await expect(connectAs(server, 'stranger', DATABASE)).rejects.toThrow(`permission denied for database "${DATABASE}"`);
  });

  test('GIVEN the roles already exist (they belong to the server) WHEN a second database is migrated THEN it applies and the users work there too', async () => {
    await createMasterAndDatabase(server, 'skillancer_second');
    const master = await connectAs(server, MASTER, 'skillancer_second');

    await expect(migrateAsMaster(server, 'skillancer_second', { [ROLES_FILE]: ROLES_SQL })).resolves.toEqual({ applied: [ROLES_FILE], alreadyApplied: 0 });
    await master.query('CREATE TABLE notes (id bigserial PRIMARY KEY, body text)');
    const appThere = await connectAs(server, 'skillancer_app_user', 'skillancer_second');
    expect(await attempt(appThere, `INSERT INTO notes (body) VALUES ('second database')`)).toBe('allowed');
  });

  test('GIVEN this server has no rds_iam role WHEN the migration ran THEN it skipped that grant', async () => {
    const admin = await connectAs(server, 'postgres', DATABASE);
    expect((await admin.query(`SELECT count(*)::int AS n FROM pg_roles WHERE rolname = 'rds_iam'`)).rows).toEqual([{ n: 0 }]);
  });
});

describe('on PostgreSQL 15 made to look like an older RDS database: rds_iam exists, skillancer_app was created with a password, everyone may create in public', () => {
  let server: ThrowawayPostgres;
  beforeAll(async () => {
    server = await startThrowawayPostgres();
    await createMasterAndDatabase(
      server,
      'skillancer',
      ['CREATE ROLE rds_iam NOLOGIN', `CREATE USER skillancer_app WITH PASSWORD 'secure-password'`],
      // PostgreSQL 14 and earlier created every database like this, and an upgrade keeps it.
      ['GRANT CREATE ON SCHEMA public TO PUBLIC'],
    );
    await migrateAsMaster(server, 'skillancer', { [ROLES_FILE]: ROLES_SQL });
  });
  afterAll(async () => {
    await Promise.all(clients.splice(0).map((client) => client.end().catch(() => undefined)));
    await closeSessions();
    await server?.stop();
  });

  test('GIVEN the migration ran WHEN memberships are read THEN both login users, and only they, are members of rds_iam', async () => {
    const admin = await connectAs(server, 'postgres', 'skillancer');
    const { rows } = await admin.query(
      `SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member WHERE m.roleid = 'rds_iam'::regrole ORDER BY 1`,
    );
    expect(rows.map((row) => row.rolname)).toEqual(['skillancer_app_user', 'skillancer_readonly_user']);
  });

  test('GIVEN the old login role with a password WHEN the migration ran THEN it is a group role without password that cannot log in', async () => {
    const admin = await connectAs(server, 'postgres', 'skillancer');
    const { rows } = await admin.query(`SELECT rolcanlogin, rolpassword IS NOT NULL AS has_password FROM pg_authid WHERE rolname = 'skillancer_app'`);
    expect(rows).toEqual([{ rolcanlogin: false, has_password: false }]);
    await expect(connectAs(server, 'skillancer_app', 'skillancer')).rejects.toThrow('is not permitted to log in');
  });

  test('GIVEN PUBLIC could create in public before WHEN the application user creates a table THEN the schema refuses it', async () => {
    const app = await connectAs(server, 'skillancer_app_user', 'skillancer');
    expect(await attempt(app, 'CREATE TABLE sneaky (id int)')).toBe('42501: permission denied for schema public');
  });
});

describe('on PGlite', () => {
  let db: SqlSession;
  beforeAll(async () => {
    db = await openPglite();
    await migrateUp(db, loadMigrationFiles(migrationsDirectory({ [ROLES_FILE]: ROLES_SQL, ...LATER_MIGRATION })));
  });
  afterAll(async () => {
    await db?.close();
  });

  test('GIVEN the roles migration and a later table WHEN privileges are read THEN the application may write, analytics may read, and neither may create', async () => {
    const [privileges] = await db.query(
      `SELECT has_table_privilege('skillancer_app_user', 'contracts', 'INSERT, UPDATE, DELETE') AS app_writes,
              has_sequence_privilege('skillancer_app_user', 'contracts_id_seq', 'USAGE') AS app_uses_sequence,
              has_table_privilege('skillancer_readonly_user', 'contracts', 'SELECT') AS readonly_reads,
              has_table_privilege('skillancer_readonly_user', 'contracts', 'INSERT') AS readonly_writes,
              has_schema_privilege('skillancer_app_user', 'public', 'CREATE') AS app_creates,
              has_database_privilege('skillancer_app', current_database(), 'CONNECT') AS app_connects`,
    );
    expect(privileges).toEqual({
      app_writes: true,
      app_uses_sequence: true,
      readonly_reads: true,
      readonly_writes: false,
      app_creates: false,
      app_connects: true,
    });
  });

  test('GIVEN the migration on PGlite WHEN the application user inserts through SET ROLE THEN it may, and creating a table is refused', async () => {
    await db.execute('SET ROLE skillancer_app_user');
    try {
      await db.query(`INSERT INTO contracts (title) VALUES ('from the app')`);
      await expect(db.execute('CREATE TABLE sneaky (id int)')).rejects.toThrow('permission denied for schema public');
    } finally {
      await db.execute('RESET ROLE');
    }
  });
});
