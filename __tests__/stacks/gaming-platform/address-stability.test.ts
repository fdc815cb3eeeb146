// Terraform addresses are the identity of deployed resources: a stateful resource whose address changes is
// destroyed and created again. stateful-addresses.json pins the addresses every shipped gaming-platform stack
// had before the platform became a composed system; none may go missing. Moving one on purpose goes through a
// `moved` block or `terraform state mv`, documented, and then this file is updated in the same change.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GAMING_PLATFORM } from '../../../stacks/gaming-platform/gaming-platform-system';
import { synthesizeSystems } from '../../../stacks/synthesis/synthesize-systems';

/** The resource types whose replacement loses data, credentials, keys or history. */
export const STATEFUL_TYPES = [
  'aws_rds_global_cluster', 'aws_rds_cluster', 'aws_rds_cluster_instance', 'aws_rds_cluster_parameter_group', 'aws_db_parameter_group',
  'aws_db_subnet_group', 'aws_dynamodb_table', 'aws_elasticache_replication_group', 'aws_elasticache_parameter_group',
  'aws_elasticache_subnet_group', 'aws_dax_cluster', 'aws_dax_parameter_group', 'aws_dax_subnet_group', 'aws_kms_key', 'aws_kms_alias',
  'aws_secretsmanager_secret', 'aws_secretsmanager_secret_version', 'aws_cloudwatch_log_group', 'aws_security_group', 'aws_sns_topic',
  'random_password', 'aws_lambda_function', 'aws_iam_role',
];

const PINNED: Record<string, string[]> = JSON.parse(fs.readFileSync(path.join(__dirname, 'stateful-addresses.json'), 'utf8'));

describe('address stability of the gaming platform', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-addresses-'));
    synthesizeSystems([GAMING_PLATFORM], outdir);
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  /** The stateful addresses of one synthesized stack. */
  function statefulAddresses(stack: string): string[] {
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
    return STATEFUL_TYPES.flatMap((type) => Object.keys(json.resource?.[type] ?? {}).map((name) => `${type}.${name}`)).sort();
  }

  test('GIVEN the pinned addresses WHEN read THEN every shipped gaming-platform stack is pinned, with its stores', () => {
    expect(Object.keys(PINNED).sort()).toEqual(['gaming-platform-dev', 'gaming-platform-prod', 'gaming-platform-staging']);
    expect(PINNED['gaming-platform-prod']).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_rds_cluster\.Aurora_ClusterEuWest2_Cluster_/), expect.stringMatching(/^aws_dynamodb_table\.DynamoDbTableGames_Table_/)]));
  });

  test.each(Object.keys(PINNED))('GIVEN %s WHEN synthesized THEN every pinned stateful address still exists', (stack) => {
    const now = new Set(statefulAddresses(stack));
    expect(PINNED[stack].filter((address) => !now.has(address))).toEqual([]);
  });

  // A store added on purpose is added to the pinned list in the same change, so an address that appears by
  // accident (a renamed construct shows up as one missing and one new) cannot pass unnoticed.
  test.each(Object.keys(PINNED))('GIVEN %s WHEN synthesized THEN no stateful address appears that the pinned list does not hold', (stack) => {
    const pinned = new Set(PINNED[stack]);
    expect(statefulAddresses(stack).filter((address) => !pinned.has(address))).toEqual([]);
  });
});
