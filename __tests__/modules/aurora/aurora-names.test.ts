import { RdsClusterParameterGroup } from '@cdktf/provider-aws/lib/rds-cluster-parameter-group';
import { AuroraPostgresEngineVersion, auroraClusterNameRules, auroraGlobalClusterNameRules } from '../../../modules/aurora';
import { ResourceNaming } from '../../../modules/naming';
import { ConfigurationError, failedMessages } from '../../../modules/validation';
import { synthCluster, synthGlobal } from './aurora-fixture';

const IDENTIFIER = '1-63 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen';

/** A system name making `<system>-staging-aurora-eu-west-2` exactly `length` characters. */
function systemForClusterIdentifier(length: number): ResourceNaming {
  return new ResourceNaming('s'.repeat(length - '-staging-aurora-eu-west-2'.length), 'staging');
}

function problemsOf(build: () => unknown): readonly string[] {
  try {
    build();
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

const names = (naming: ResourceNaming, instanceCount: number) =>
  failedMessages(auroraClusterNameRules('aurora', { naming, region: 'eu-west-2', engineVersion: AuroraPostgresEngineVersion.V16_8, instanceCount }));

describe('Aurora names are checked against the limits AWS documents', () => {
  test('GIVEN the default names WHEN synthesized THEN the cluster, subnet group, parameter groups, instances and final snapshot use them', () => {
    const { json } = synthCluster({ environment: 'prod' });
    const cluster = Object.values(json.resource.aws_rds_cluster)[0] as any;
    expect(cluster.cluster_identifier).toBe('trivia-nft-prod-aurora-eu-west-2');
    expect(cluster.final_snapshot_identifier).toBe('trivia-nft-prod-aurora-eu-west-2-final');
    expect(Object.values(json.resource.aws_db_subnet_group).map((group: any) => group.name)).toEqual(['trivia-nft-prod-aurora-eu-west-2']);
    expect(Object.values(json.resource[RdsClusterParameterGroup.tfResourceType]).map((group: any) => group.name_prefix)).toEqual([
      'trivia-nft-prod-aurora-eu-west-2-aurora-postgresql16-',
    ]);
    expect(Object.values(json.resource.aws_rds_cluster_instance).map((instance: any) => instance.identifier)).toEqual([
      'trivia-nft-prod-aurora-eu-west-2-1',
      'trivia-nft-prod-aurora-eu-west-2-2',
    ]);
  });

  test('GIVEN a 63-character cluster identifier and no room for an instance suffix WHEN checked THEN only the cluster passes', () => {
    const naming = systemForClusterIdentifier(61);
    expect(names(naming, 9)).toEqual([]);
    expect(names(naming, 10)).toEqual([
      `the derived name "${naming.name('aurora', 'eu-west-2')}-10" (64 characters) must be an RDS DB instance identifier: ${IDENTIFIER}; shorten the system or environment name (aurora)`,
    ]);
  });

  test('GIVEN a 64-character cluster identifier WHEN the cluster is built THEN it fails before any resource, with one message', () => {
    const naming = systemForClusterIdentifier(64);
    expect(names(systemForClusterIdentifier(63), 1)).toEqual([
      `the derived name "${systemForClusterIdentifier(63).name('aurora', 'eu-west-2')}-1" (65 characters) must be an RDS DB instance identifier: ${IDENTIFIER}; shorten the system or environment name (aurora)`,
    ]);
    expect(problemsOf(() => synthCluster({ naming }))).toEqual([
      `the derived name "${naming.name('aurora', 'eu-west-2')}" (64 characters) must be an RDS DB cluster identifier: ${IDENTIFIER}; shorten the system or environment name (aurora)`,
    ]);
  });

  test('GIVEN a 64-character global cluster identifier WHEN the Global Database is built THEN the global identifier is refused first', () => {
    const naming = new ResourceNaming('g'.repeat(64 - '-staging-aurora'.length), 'staging');
    expect(failedMessages(auroraGlobalClusterNameRules('aurora', naming))).toEqual([
      `the derived name "${naming.name('aurora')}" (64 characters) must be an Aurora global cluster identifier: ${IDENTIFIER}; shorten the system or environment name (aurora)`,
    ]);
    expect(problemsOf(() => synthGlobal(() => ({}), { naming }))[0]).toContain('must be an Aurora global cluster identifier');
    expect(failedMessages(auroraGlobalClusterNameRules('aurora', new ResourceNaming('g'.repeat(63 - '-staging-aurora'.length), 'staging')))).toEqual([]);
  });
});
