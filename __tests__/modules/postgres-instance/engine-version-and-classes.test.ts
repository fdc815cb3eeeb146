import {
  DEFAULT_POSTGRES_ENGINE_VERSION,
  isBurstablePostgresInstanceClass,
  isKnownPostgresInstanceClass,
  PostgresEngineVersion,
  postgresInstanceMaxConnections,
  postgresInstanceMemoryGib,
  POSTGRES_INSTANCE_CLASSES,
} from '../../../modules/postgres-instance';
import { postgresMaxConnections } from '../../../modules/rds';

describe('PostgresEngineVersion', () => {
  test.each([
    [PostgresEngineVersion.V15_15, '15.15', 15, 'postgres15'],
    [PostgresEngineVersion.V16_11, '16.11', 16, 'postgres16'],
    [PostgresEngineVersion.V17_7, '17.7', 17, 'postgres17'],
    [PostgresEngineVersion.of('17.8'), '17.8', 17, 'postgres17'],
  ])('GIVEN %s WHEN read THEN version %s, major %d, family %s', (version, full, major, family) => {
    expect([version.fullVersion, version.majorVersion, version.parameterGroupFamily, version.engine]).toEqual([full, major, family, 'postgres']);
  });

  test('GIVEN no version WHEN instances are built THEN the default is 16.11', () => {
    expect(DEFAULT_POSTGRES_ENGINE_VERSION).toBe(PostgresEngineVersion.V16_11);
  });

  test('GIVEN a malformed version WHEN read THEN it has no major and no usable family', () => {
    expect([PostgresEngineVersion.of('16').majorVersion, PostgresEngineVersion.of('16').parameterGroupFamily]).toEqual([undefined, 'postgres']);
  });
});

describe('RDS for PostgreSQL instance classes', () => {
  test.each([
    ['db.t3.micro', 1, 104],
    ['db.t3.small', 2, 209],
    ['db.t3.medium', 4, 419],
    ['db.t3.large', 8, 839],
    ['db.t4g.medium', 4, 419],
    ['db.m6g.large', 8, 839],
    ['db.m7g.xlarge', 16, 1678],
    ['db.m6i.32xlarge', 512, 5000],
    ['db.r6g.large', 16, 1678],
    ['db.r6g.xlarge', 32, 3357],
    ['db.r7g.2xlarge', 64, 5000],
    ['db.r6i.32xlarge', 1024, 5000],
  ])('GIVEN %s WHEN read THEN it has %d GiB and RDS\'s default max_connections is %d', (instanceClass, memory, connections) => {
    expect([postgresInstanceMemoryGib(instanceClass), postgresInstanceMaxConnections(instanceClass)]).toEqual([memory, connections]);
  });

  test('GIVEN the memory formula WHEN the cap is reached THEN max_connections stays 5000', () => {
    expect([postgresMaxConnections(47.66), postgresMaxConnections(48)]).toEqual([5000, 5000]);
  });

  test.each(['db.r6g.larg', 'db.serverless', 'db.r6g.32xlarge', 'r6g.large'])('GIVEN %s WHEN checked THEN it is not a known class', (instanceClass) => {
    expect(isKnownPostgresInstanceClass(instanceClass)).toBe(false);
  });

  test('GIVEN an unknown class WHEN its memory is asked THEN it throws', () => {
    expect(() => postgresInstanceMemoryGib('db.x9.huge')).toThrow('Unknown RDS for PostgreSQL instance class db.x9.huge');
  });

  test('GIVEN the list WHEN read THEN every burstable class is db.t3 or db.t4g and every other class is not', () => {
    expect(POSTGRES_INSTANCE_CLASSES.filter(isBurstablePostgresInstanceClass).every((each) => /^db\.t(3|4g)\./.test(each))).toBe(true);
    expect(POSTGRES_INSTANCE_CLASSES.filter((each) => !isBurstablePostgresInstanceClass(each)).some((each) => each.startsWith('db.t'))).toBe(false);
    expect(POSTGRES_INSTANCE_CLASSES.filter(isBurstablePostgresInstanceClass)).toHaveLength(12);
  });
});
