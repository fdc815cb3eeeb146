import { AURORA_INSTANCE_CLASSES, AuroraPostgresEngineVersion, DEFAULT_ENGINE_VERSION, defaultMaxConnections, isKnownInstanceClass } from '../../../modules/aurora';

describe('engine versions', () => {
  test.each([
    [AuroraPostgresEngineVersion.V15_10, '15.10', 'aurora-postgresql15'],
    [AuroraPostgresEngineVersion.V16_8, '16.8', 'aurora-postgresql16'],
    [AuroraPostgresEngineVersion.V17_7, '17.7', 'aurora-postgresql17'],
    [AuroraPostgresEngineVersion.of('18.1'), '18.1', 'aurora-postgresql18'],
  ])('GIVEN %s WHEN asked THEN it carries its version and parameter group family', (version, full, family) => {
    expect(version.fullVersion).toBe(full);
    expect(version.parameterGroupFamily).toBe(family);
    expect(version.engine).toBe('aurora-postgresql');
  });

  test('GIVEN no choice WHEN defaulted THEN it is the PostgreSQL 16 LTS minor', () => {
    expect(DEFAULT_ENGINE_VERSION).toBe(AuroraPostgresEngineVersion.V16_8);
  });

  test.each([
    ['15.4', false],
    ['15.7', true],
    ['16.2', false],
    ['16.3', true],
    ['17.1', true],
    ['12.9', false],
  ])('GIVEN %s WHEN asked about 0 ACU THEN auto-pause support is %s', (version, supported) => {
    expect(AuroraPostgresEngineVersion.of(version).supportsAutoPause).toBe(supported);
  });

  test.each([
    ['13.10', false],
    ['13.11', true],
    ['14.7', false],
    ['14.8', true],
    ['15.2', false],
    ['15.3', true],
    ['16.0', false],
    ['16.1', true],
    ['17.3', false],
    ['17.4', true],
    ['18.1', true],
    ['12.9', false],
    ['16', false],
  ])('GIVEN %s WHEN asked about the RDS Data API THEN support is %s', (version, supported) => {
    expect(AuroraPostgresEngineVersion.of(version).supportsDataApi).toBe(supported);
  });
});

describe('instance classes', () => {
  test.each([
    ['db.r6g.large (16 GiB)', 'db.r6g.large', 1678],
    ['db.r6g.xlarge (32 GiB)', 'db.r6g.xlarge', 3357],
    ['db.r6g.2xlarge hits the 5000 cap', 'db.r6g.2xlarge', 5000],
    ['db.t4g.medium (4 GiB)', 'db.t4g.medium', 419],
  ])('GIVEN %s WHEN computing max_connections THEN LEAST(memory/9531392, 5000) gives the default', (_case, instanceClass, expected) => {
    expect(defaultMaxConnections(instanceClass)).toBe(expected);
  });

  test('GIVEN Serverless v2 WHEN computing max_connections THEN its maximum ACU (2 GiB each) counts', () => {
    expect(defaultMaxConnections('db.serverless', 16)).toBe(3357);
  });

  test('GIVEN the list WHEN checked THEN the seed classes are known and a typo is not', () => {
    expect(AURORA_INSTANCE_CLASSES).toEqual(expect.arrayContaining(['db.serverless', 'db.r6g.large', 'db.r6g.xlarge', 'db.r7g.large']));
    expect(isKnownInstanceClass('db.r6g.larg')).toBe(false);
  });
});
