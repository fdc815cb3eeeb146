// The configuration checks the trivia game's settings go through before any stack exists: Serverless v2
// capacity, auto-pause, and the shard and replica counts ElastiCache accepts. Each message names the
// setting, the value given and what is accepted.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AuroraServerlessV2Scaling } from '../../../modules/aurora';
import { ConfigurationError } from '../../../modules/validation';
import { synthesizeSystems } from '../../../stacks/synthesis/synthesize-systems';
import { TRIVIA_NFT_ENVIRONMENTS } from '../../../stacks/trivia-nft/environments';
import { triviaNftSystem } from '../../../stacks/trivia-nft/trivia-nft-system';
import { TriviaNftEnvironment } from '../../../stacks/trivia-nft/trivia-nft-environment';
import { failuresWith } from './trivia-nft-fixture';

const serverless = (scaling: AuroraServerlessV2Scaling) => (environment: TriviaNftEnvironment): TriviaNftEnvironment => ({
  ...environment,
  aurora: { ...environment.aurora, serverlessV2: scaling },
});

const cache = (overrides: Partial<TriviaNftEnvironment['cache']>) => (environment: TriviaNftEnvironment): TriviaNftEnvironment => ({
  ...environment,
  cache: { ...environment.cache, ...overrides },
});

describe('trivia-nft configuration checks', () => {
  test('GIVEN the shipped staging and prod environments WHEN checked THEN nothing fails', () => {
    expect(failuresWith('staging', (environment) => environment)).toEqual([]);
  });

  const STAGING = 'trivia-nft.environments.staging';
  const PROD = 'trivia-nft.environments.prod';

  test.each<[string, 'staging' | 'prod', (environment: TriviaNftEnvironment) => TriviaNftEnvironment, string[]]>([
    [
      'a minimum capacity above the maximum',
      'prod',
      serverless({ minCapacity: 32, maxCapacity: 16 }),
      [`${PROD}.aurora.serverlessV2.minCapacity must not be above ${PROD}.aurora.serverlessV2.maxCapacity (16), got 32`],
    ],
    [
      'a maximum capacity above 256 ACU',
      'prod',
      serverless({ minCapacity: 2, maxCapacity: 512 }),
      [`${PROD}.aurora.serverlessV2.maxCapacity must be 1-256 in steps of 0.5, got 512`],
    ],
    [
      'a maximum capacity below 1 ACU',
      'staging',
      serverless({ minCapacity: 0.5, maxCapacity: 0.5 }),
      [`${STAGING}.aurora.serverlessV2.maxCapacity must be 1-256 in steps of 0.5, got 0.5`],
    ],
    [
      'a negative minimum capacity',
      'staging',
      serverless({ minCapacity: -0.5, maxCapacity: 16 }),
      [`${STAGING}.aurora.serverlessV2.minCapacity must be 0-256 in steps of 0.5, got -0.5`],
    ],
    [
      'a minimum capacity off the 0.5 steps',
      'staging',
      serverless({ minCapacity: 0.25, maxCapacity: 16 }),
      [`${STAGING}.aurora.serverlessV2.minCapacity must be 0-256 in steps of 0.5, got 0.25`],
    ],
    [
      "auto-pause with staging's 0.5 ACU minimum (the requirements' staging auto-pause)",
      'staging',
      serverless({ minCapacity: 0.5, maxCapacity: 16, secondsUntilAutoPause: 300 }),
      [`${STAGING}.aurora.serverlessV2.secondsUntilAutoPause must be left out unless minCapacity is 0 (minCapacity is 0.5), got 300`],
    ],
    [
      'an auto-pause delay below 5 minutes',
      'staging',
      serverless({ minCapacity: 0, maxCapacity: 16, secondsUntilAutoPause: 60 }),
      [`${STAGING}.aurora.serverlessV2.secondsUntilAutoPause must be an integer 300-86400, got 60`],
    ],
    ['0 shards', 'prod', cache({ shards: 0 }), [`${PROD}.cache.shards must be an integer 1-500, got 0`]],
    ['501 shards', 'prod', cache({ shards: 501 }), [`${PROD}.cache.shards must be an integer 1-500, got 501`]],
    ['6 replicas per shard', 'prod', cache({ replicasPerShard: 6 }), [`${PROD}.cache.replicasPerShard must be an integer 0-5, got 6`]],
    [
      'a negative replica count (Multi-AZ then has no replica either)',
      'prod',
      cache({ replicasPerShard: -1 }),
      [
        `${PROD}.cache.replicasPerShard must be an integer 0-5, got -1`,
        `${PROD}.cache.multiAz must be false with no replica (replicasPerShard -1): Multi-AZ needs 2 or more nodes per shard, got true`,
      ],
    ],
    [
      'more than 500 nodes (167 shards of a primary and 2 replicas)',
      'prod',
      cache({ shards: 167 }),
      [`${PROD}.cache.shards x (replicasPerShard + 1) must be at most 500 nodes (ElastiCache's limit for a cluster-mode group), got 167 x 3 = 501`],
    ],
    [
      'Multi-AZ with shards of no replica',
      'prod',
      cache({ replicasPerShard: 0 }),
      [`${PROD}.cache.multiAz must be false with no replica (replicasPerShard 0): Multi-AZ needs 2 or more nodes per shard, got true`],
    ],
    [
      'cluster mode without automatic failover',
      'prod',
      cache({ automaticFailover: false }),
      [`${PROD}.cache.automaticFailover must be true with cluster mode enabled (shards 2), got false`],
    ],
  ])('GIVEN %s WHEN checked THEN it fails before anything is written, naming the setting', (_case, key, change, messages) => {
    expect(failuresWith(key, change)).toEqual(messages);
  });

  test('GIVEN auto-pause at a 0 ACU minimum on a supporting engine WHEN checked THEN it is accepted (the alternative the system did not take)', () => {
    expect(failuresWith('staging', serverless({ minCapacity: 0, maxCapacity: 16, secondsUntilAutoPause: 300 }))).toEqual([]);
  });

  test('GIVEN auto-pause with a non-zero minimum and too many shards WHEN the system is synthesized THEN it stops with both messages and writes nothing', () => {
    const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trivia-nft-bad-')), 'cdktf.out');
    try {
      const staging = TRIVIA_NFT_ENVIRONMENTS.staging;
      const bad = triviaNftSystem({
        ...TRIVIA_NFT_ENVIRONMENTS,
        staging: serverless({ minCapacity: 0.5, maxCapacity: 16, secondsUntilAutoPause: 300 })(cache({ shards: 200 })(staging)),
      });
      let error: unknown;
      try {
        synthesizeSystems([bad], outdir);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).problems).toEqual([
        `${STAGING}.aurora.serverlessV2.secondsUntilAutoPause must be left out unless minCapacity is 0 (minCapacity is 0.5), got 300`,
        `${STAGING}.cache.shards x (replicasPerShard + 1) must be at most 500 nodes (ElastiCache's limit for a cluster-mode group), got 200 x 3 = 600`,
      ]);
      expect(fs.existsSync(outdir)).toBe(false);
    } finally {
      fs.rmSync(path.dirname(outdir), { recursive: true, force: true });
    }
  });
});
