import {
  AttributeValue,
  ConditionalCheckFailedException,
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import { GAMING_PLATFORM_TABLES } from '../../../stacks/gaming-platform/dynamodb-tables';
import { GAMING_PLATFORM_ENVIRONMENTS } from '../../../stacks/gaming-platform/environments';
import { createTableInputFromTerraform, startDynalite } from '../../fixtures/dynamodb-emulator';
import { environmentWith } from '../../fixtures/gaming-platform-environment';
import { synthGamingPlatform } from '../../fixtures/synth';

// Proves the key design: the tables are created in a DynamoDB emulator (dynalite, 127.0.0.1) from the
// *synthesized* Terraform JSON, filled with sample items, and every access pattern of the catalogue
// runs as GetItem or Query and returns the expected items in the expected order.

const { json } = synthGamingPlatform(GAMING_PLATFORM_ENVIRONMENTS.dev);
const synthesizedTables = Object.values(json.resource.aws_dynamodb_table) as any[];
const tableName = (component: string) => {
  const table = synthesizedTables.find((resource) => resource.name === `gaming-platform-dev-${component}`);
  if (!table) throw new Error(`no synthesized table for ${component}`);
  return table.name as string;
};
const GAMES = tableName('games');
const MOVES = tableName('game-moves');
const LEADERBOARD = tableName('leaderboard');
const SESSIONS = tableName('user-sessions');

const NOW = 1_763_900_000; // epoch seconds, fixed so the test does not depend on the clock
const S = (value: string): AttributeValue => ({ S: value });
const N = (value: number): AttributeValue => ({ N: String(value) });

let client: DynamoDBClient;
let stopEmulator: () => Promise<void>;
const commandsSent: string[] = [];

async function put(table: string, item: Record<string, AttributeValue>, condition?: string): Promise<void> {
  await client.send(new PutItemCommand({ TableName: table, Item: item, ConditionExpression: condition }));
}

async function query(input: QueryCommandInput): Promise<Record<string, AttributeValue>[]> {
  return (await client.send(new QueryCommand(input))).Items ?? [];
}

const strings = (items: Record<string, AttributeValue>[], attribute: string) => items.map((item) => item[attribute]?.S);
const numbers = (items: Record<string, AttributeValue>[], attribute: string) => items.map((item) => Number(item[attribute]?.N));

async function leaderboardTop(leaderboardId: string, limit: number) {
  return query({
    TableName: LEADERBOARD,
    IndexName: 'byScore',
    KeyConditionExpression: 'leaderboardId = :board',
    ExpressionAttributeValues: { ':board': S(leaderboardId) },
    ScanIndexForward: false,
    Limit: limit,
  });
}

async function putScore(leaderboardId: string, playerId: string, playerName: string, score: number, region: string) {
  await put(LEADERBOARD, {
    leaderboardId: S(leaderboardId),
    playerId: S(playerId),
    playerName: S(playerName),
    score: N(score),
    region: S(region),
    lastUpdated: N(NOW * 1000),
  });
}

beforeAll(async () => {
  // The pinned SDK runs on Node 20; its notice that releases after January 2027 need Node 22 is for
  // whoever upgrades it, not for every test run.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const emulator = await startDynalite();
  stopEmulator = emulator.stop;
  client = new DynamoDBClient({
    endpoint: emulator.endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  // Every command the test sends, to show that no access pattern needs a Scan.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      commandsSent.push(context.commandName as string);
      return next(args);
    },
    { step: 'initialize', name: 'recordCommands' },
  );
  for (const resource of synthesizedTables) {
    await client.send(new CreateTableCommand(createTableInputFromTerraform(resource)));
  }

  // games: g1, g4 and g2 by player p1 (created at 1000, 2000, 3000), g3 by p2.
  for (const [gameId, playerId, createdAt] of [['g1', 'p1', 1000], ['g3', 'p2', 2000], ['g4', 'p1', 2000], ['g2', 'p1', 3000]] as const) {
    await put(GAMES, {
      gameId: S(gameId),
      playerId: S(playerId),
      createdAt: N(createdAt),
      status: S('active'),
      updatedAt: N(createdAt + 5),
      gameData: { M: { board: { L: [S('X'), S(''), S('O')] }, currentPlayer: S('O'), moves: N(3) } },
      ttl: N(NOW + 86_400),
    });
  }

  // game moves: twelve moves of g1 written out of order (numeric order differs from string order: 2 < 10).
  for (const moveNumber of [3, 1, 12, 2, 10, 11, 4, 9, 5, 8, 6, 7]) {
    await put(MOVES, { gameId: S('g1'), moveNumber: N(moveNumber), playerId: S(moveNumber % 2 ? 'p1' : 'p2'), cell: N(moveNumber % 9) }, 'attribute_not_exists(moveNumber)');
  }
  await put(MOVES, { gameId: S('g3'), moveNumber: N(1), playerId: S('p2'), cell: N(4) });

  // leaderboard: alice and carol tie on 2500 globally.
  await putScore('global', 'alice', 'Alice', 2500, 'eu-west-2');
  await putScore('global', 'bob', 'Bob', 1800, 'eu-west-2');
  await putScore('global', 'carol', 'Carol', 2500, 'eu-west-1');
  await putScore('global', 'dave', 'Dave', 900, 'eu-west-1');
  await putScore('global', 'erin', 'Erin', 3100, 'eu-west-1');
  await putScore('region#eu-west-2', 'alice', 'Alice', 2500, 'eu-west-2');
  await putScore('region#eu-west-2', 'bob', 'Bob', 1800, 'eu-west-2');
  await putScore('region#eu-west-1', 'carol', 'Carol', 2500, 'eu-west-1');
  await putScore('region#eu-west-1', 'erin', 'Erin', 3100, 'eu-west-1');
  await putScore('region#eu-west-1', 'dave', 'Dave', 900, 'eu-west-1');

  // sessions of u1: one expired (TTL deletes lazily, so it may still be there), two active; one of u2.
  for (const [sessionId, userId, expiresAt] of [['s1', 'u1', NOW + 3600], ['s2', 'u1', NOW + 60], ['s3', 'u1', NOW - 60], ['s4', 'u2', NOW + 100]] as const) {
    await put(SESSIONS, { sessionId: S(sessionId), userId: S(userId), expiresAt: N(expiresAt), device: S('ios') });
  }
});

afterAll(async () => {
  client?.destroy();
  await stopEmulator?.();
});

/** Each access pattern of the catalogue, as the application would run it, with its expected result. */
const ACCESS_PATTERNS: Record<string, () => Promise<void>> = {
  'game-by-id': async () => {
    const { Item } = await client.send(new GetItemCommand({ TableName: GAMES, Key: { gameId: S('g3') } }));
    expect(Item?.playerId).toEqual(S('p2'));
    expect(Item?.gameData?.M?.currentPlayer).toEqual(S('O'));
  },
  'player-games-by-time': async () => {
    const items = await query({
      TableName: GAMES,
      IndexName: 'byPlayer',
      KeyConditionExpression: 'playerId = :player',
      ExpressionAttributeValues: { ':player': S('p1') },
      ScanIndexForward: false,
    });
    expect(strings(items, 'gameId')).toEqual(['g2', 'g4', 'g1']);
    // The index projects status and updatedAt, not the game's full state.
    expect(Object.keys(items[0]).sort()).toEqual(['createdAt', 'gameId', 'playerId', 'status', 'updatedAt']);
  },
  'game-moves-in-order': async () => {
    const items = await query({ TableName: MOVES, KeyConditionExpression: 'gameId = :game', ExpressionAttributeValues: { ':game': S('g1') } });
    expect(numbers(items, 'moveNumber')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  },
  'top-n-global': async () => {
    const items = await leaderboardTop('global', 3);
    expect(numbers(items, 'score')).toEqual([3100, 2500, 2500]);
    expect(strings(items, 'playerId')[0]).toBe('erin');
    // Equal scores are two items; their order within the tie is not defined by DynamoDB.
    expect(strings(items, 'playerId').slice(1).sort()).toEqual(['alice', 'carol']);
    expect(strings(items, 'playerName')[0]).toBe('Erin');
  },
  'top-n-region': async () => {
    const items = await leaderboardTop('region#eu-west-1', 2);
    expect(strings(items, 'playerId')).toEqual(['erin', 'carol']);
    expect(numbers(await leaderboardTop('region#eu-west-2', 10), 'score')).toEqual([2500, 1800]);
  },
  'player-rank-entries': async () => {
    const items = await query({
      TableName: LEADERBOARD,
      IndexName: 'byPlayer',
      KeyConditionExpression: 'playerId = :player',
      ExpressionAttributeValues: { ':player': S('alice') },
    });
    expect(items.map((item) => [item.leaderboardId.S, Number(item.score.N)])).toEqual([
      ['global', 2500],
      ['region#eu-west-2', 2500],
    ]);
  },
  'player-entry': async () => {
    const { Item } = await client.send(new GetItemCommand({ TableName: LEADERBOARD, Key: { leaderboardId: S('global'), playerId: S('bob') } }));
    expect(Item?.score).toEqual(N(1800));
  },
  'session-by-id': async () => {
    const { Item } = await client.send(new GetItemCommand({ TableName: SESSIONS, Key: { sessionId: S('s4') } }));
    expect(Item?.userId).toEqual(S('u2'));
  },
  'user-active-sessions': async () => {
    const items = await query({
      TableName: SESSIONS,
      IndexName: 'byUser',
      KeyConditionExpression: 'userId = :user AND expiresAt > :now',
      ExpressionAttributeValues: { ':user': S('u1'), ':now': N(NOW) },
    });
    // Soonest to expire first; the expired s3 is excluded by the key condition, not by TTL.
    expect(strings(items, 'sessionId')).toEqual(['s2', 's1']);
  },
};

const CATALOGUE_PATTERNS = GAMING_PLATFORM_TABLES.flatMap((table) => (table.accessPatterns ?? []).map((pattern) => [pattern.name, table.name, pattern.operation] as const));

describe('the gaming platform tables, built from the synthesized JSON in dynalite', () => {
  test('GIVEN the synthesized stack WHEN read THEN it defines the four tables of the catalogue', () => {
    expect(synthesizedTables.map((table) => table.name).sort()).toEqual(
      GAMING_PLATFORM_TABLES.map((table) => `gaming-platform-dev-${table.name}`).sort(),
    );
  });

  test('GIVEN the catalogue WHEN compared with this test THEN every documented access pattern is exercised here', () => {
    expect(Object.keys(ACCESS_PATTERNS).sort()).toEqual(CATALOGUE_PATTERNS.map(([name]) => name).sort());
  });

  test.each(CATALOGUE_PATTERNS)('GIVEN sample items WHEN %s (%s table, %s) runs THEN it returns the expected items in order', async (name, _table, operation) => {
    const before = commandsSent.length;
    await ACCESS_PATTERNS[name]();
    const sent = commandsSent.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent)).toEqual(new Set([`${operation}Command`]));
  });

  test('GIVEN two players with the same score WHEN one improves THEN each keeps their own entry and the ranking follows', async () => {
    await putScore('global', 'alice', 'Alice', 2600, 'eu-west-2');
    const items = await leaderboardTop('global', 4);
    expect(items.map((item) => [item.playerId.S, Number(item.score.N)])).toEqual([
      ['erin', 3100],
      ['alice', 2600],
      ['carol', 2500],
      ['bob', 1800],
    ]);
  });

  test('GIVEN a recorded move WHEN the same move number is written again THEN the conditional put is rejected', async () => {
    await expect(put(MOVES, { gameId: S('g1'), moveNumber: N(5), playerId: S('p2'), cell: N(0) }, 'attribute_not_exists(moveNumber)')).rejects.toBeInstanceOf(
      ConditionalCheckFailedException,
    );
  });

  test('GIVEN provisioned prod tables WHEN their synthesized definitions are created THEN DynamoDB accepts them with their GSI capacities', async () => {
    const { json: provisioned } = synthGamingPlatform(
      environmentWith({ dynamodb: { billing: { mode: 'PROVISIONED', readCapacity: { min: 5, max: 100 }, writeCapacity: { min: 3, max: 50 } } } }),
    );
    for (const resource of Object.values(provisioned.resource.aws_dynamodb_table) as any[]) {
      const { TableDescription } = await client.send(new CreateTableCommand(createTableInputFromTerraform(resource)));
      expect(TableDescription?.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 5, WriteCapacityUnits: 3 });
      for (const index of TableDescription?.GlobalSecondaryIndexes ?? []) {
        expect(index.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 5, WriteCapacityUnits: 3 });
      }
    }
  });

  test('GIVEN every pattern has run WHEN the commands are listed THEN none was a Scan', () => {
    expect(commandsSent).not.toContain('ScanCommand');
    expect(commandsSent).toContain('QueryCommand');
  });
});
