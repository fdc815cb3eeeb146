import type { TableDefinition } from '../../modules/dynamodb';

// The gaming platform's DynamoDB tables (games, game moves, leaderboard, user sessions), designed from
// their access patterns. This file is data: the DynamoDB component builds the tables from it,
// and __tests__/stacks/gaming-platform/dynamodb-access-patterns.test.ts rebuilds the *synthesized*
// tables in a DynamoDB emulator and runs every access pattern below. docs/dynamodb.md explains the design.

/** Real-time game state, one item per game, expiring through TTL. */
export const GAMES_TABLE: TableDefinition = {
  name: 'games',
  description: 'Real-time game state, one item per game; TTL removes finished games',
  attributes: [
    { name: 'gameId', type: 'S' },
    { name: 'playerId', type: 'S' },
    { name: 'createdAt', type: 'N' },
  ],
  hashKey: 'gameId',
  globalSecondaryIndexes: [
    // A player's games newest first: createdAt (epoch ms) orders them, ScanIndexForward=false reverses.
    { name: 'byPlayer', hashKey: 'playerId', rangeKey: 'createdAt', projection: { include: ['status', 'updatedAt'] } },
  ],
  ttlAttribute: 'ttl',
  accessPatterns: [
    { name: 'game-by-id', description: 'a game by id', operation: 'GetItem' },
    { name: 'player-games-by-time', description: "a player's games, newest first", operation: 'Query', indexName: 'byPlayer' },
  ],
};

/** Every move of every game, in order; kept for replays and analytics (no TTL: the platform keeps them). */
export const GAME_MOVES_TABLE: TableDefinition = {
  name: 'game-moves',
  description: "Every move of every game, in order (moveNumber), for replays and analytics",
  attributes: [
    { name: 'gameId', type: 'S' },
    { name: 'moveNumber', type: 'N' },
  ],
  hashKey: 'gameId',
  // A move number, not a timestamp: two moves in the same millisecond cannot collide, and a
  // conditional put (attribute_not_exists) rejects a second writer of the same move.
  rangeKey: 'moveNumber',
  accessPatterns: [{ name: 'game-moves-in-order', description: "a game's moves in order", operation: 'Query' }],
};

/**
 * Rankings: one item per leaderboard and player. The table key (leaderboardId, playerId) makes
 * every player's entry its own item, so two players with the same score never overwrite each other;
 * the byScore index orders a leaderboard by score, ties included.
 */
export const LEADERBOARD_TABLE: TableDefinition = {
  name: 'leaderboard',
  description: 'Global and per-Region rankings: one item per leaderboard and player',
  attributes: [
    // "global", or "region#<aws region>" (the requirements' leaderboard type and Region); time-boxed boards add "#<period>".
    { name: 'leaderboardId', type: 'S' },
    { name: 'playerId', type: 'S' },
    { name: 'score', type: 'N' },
  ],
  hashKey: 'leaderboardId',
  rangeKey: 'playerId',
  globalSecondaryIndexes: [
    // Top N: Query leaderboardId, ScanIndexForward=false, Limit=N. Equal scores are separate items.
    { name: 'byScore', hashKey: 'leaderboardId', rangeKey: 'score', projection: { include: ['playerName', 'region', 'lastUpdated'] } },
    // A player's entries on every leaderboard.
    { name: 'byPlayer', hashKey: 'playerId', rangeKey: 'leaderboardId', projection: 'ALL' },
  ],
  accessPatterns: [
    { name: 'top-n-global', description: 'the top N of the global leaderboard by score', operation: 'Query', indexName: 'byScore' },
    { name: 'top-n-region', description: "the top N of a Region's leaderboard by score", operation: 'Query', indexName: 'byScore' },
    { name: 'player-rank-entries', description: "a player's entries on every leaderboard", operation: 'Query', indexName: 'byPlayer' },
    { name: 'player-entry', description: "a player's entry on one leaderboard", operation: 'GetItem' },
  ],
};

/** Sessions, one item per session, expiring through TTL on expiresAt. */
export const USER_SESSIONS_TABLE: TableDefinition = {
  name: 'user-sessions',
  description: 'Active sessions, one item per session; TTL removes expired ones',
  attributes: [
    { name: 'sessionId', type: 'S' },
    { name: 'userId', type: 'S' },
    { name: 'expiresAt', type: 'N' },
  ],
  hashKey: 'sessionId',
  globalSecondaryIndexes: [
    // "Active" is a key condition (expiresAt > now), not a filter: TTL deletes lazily (within days),
    // so expired sessions may still exist, but the query never reads them.
    { name: 'byUser', hashKey: 'userId', rangeKey: 'expiresAt', projection: 'ALL' },
  ],
  ttlAttribute: 'expiresAt',
  accessPatterns: [
    { name: 'session-by-id', description: 'a session by id (every authenticated request)', operation: 'GetItem' },
    { name: 'user-active-sessions', description: "a user's active sessions", operation: 'Query', indexName: 'byUser' },
  ],
};

/** Every table of the gaming platform, in the order outputs list them. */
export const GAMING_PLATFORM_TABLES: readonly TableDefinition[] = [GAMES_TABLE, GAME_MOVES_TABLE, LEADERBOARD_TABLE, USER_SESSIONS_TABLE];
