// The provider schemas the stand-in serves, reconstructed from the installed cdktf bindings.
import * as fs from 'fs';
import { ProviderSchema } from '../../../tools/offline-provider/schema/provider-schema';
import { cachedSchema } from '../../../tools/offline-provider/schema/schema-cache';

function load(packageName: string): ProviderSchema {
  return JSON.parse(fs.readFileSync(cachedSchema(packageName).file, 'utf8'));
}

describe('provider schemas from the cdktf bindings', () => {
  const aws = load('@cdktf/provider-aws');
  const random = load('@cdktf/provider-random');

  test('GIVEN @cdktf/provider-aws 21.22.1 WHEN read THEN it is hashicorp/aws 6.25.0 with every resource and data source', () => {
    expect({ name: aws.name, version: aws.version, resources: Object.keys(aws.resources).length, dataSources: Object.keys(aws.dataSources).length }).toEqual({
      name: 'aws',
      version: '6.25.0',
      resources: 1581,
      dataSources: 630,
    });
  });

  test('GIVEN @cdktf/provider-random WHEN read THEN it is hashicorp/random 3.7.2 with an ephemeral random_password', () => {
    expect({ version: random.version, ephemeral: Object.keys(random.ephemeralResources) }).toEqual({ version: '3.7.2', ephemeral: ['random_password'] });
    expect(random.ephemeralResources.random_password.attributes.result).toEqual({ type: 'string', computed: true, sensitive: true });
    expect(random.ephemeralResources.random_password.attributes.length).toEqual({ type: 'number', required: true });
  });

  test.each([
    ['aws_kms_key', 'arn', { type: 'string', computed: true }],
    ['aws_rds_cluster', 'engine', { type: 'string', required: true }],
    ['aws_rds_cluster', 'master_password', { type: 'string', optional: true, sensitive: true }],
    ['aws_rds_cluster', 'master_password_wo', { type: 'string', optional: true, sensitive: true, writeOnly: true }],
    ['aws_secretsmanager_secret_version', 'secret_string_wo', { type: 'string', optional: true, sensitive: true, writeOnly: true }],
    ['aws_dynamodb_table', 'tags', { type: ['map', 'string'], optional: true }],
    ['aws_db_instance', 'enabled_cloudwatch_logs_exports', { type: ['set', 'string'], optional: true }],
  ])('GIVEN %s WHEN read THEN attribute %s is %j', (resource, attribute, expected) => {
    expect(aws.resources[resource].attributes[attribute]).toEqual(expected);
  });

  test('GIVEN aws_security_group WHEN read THEN ingress is a set-of-object attribute, not a block (it has no "ingress block" doc)', () => {
    const ingress = aws.resources.aws_security_group.attributes.ingress;
    expect(ingress.type[0]).toBe('set');
    expect((ingress.type as any)[1][0]).toBe('object');
    expect(aws.resources.aws_security_group.blocks.ingress).toBeUndefined();
  });

  test('GIVEN a struct block (timeouts) WHEN read THEN it is a list block of at most one element', () => {
    expect(aws.resources.aws_rds_cluster.blocks.timeouts).toMatchObject({ nesting: 'list', minItems: 0, maxItems: 1 });
  });

  test('GIVEN aws_dynamodb_table and aws_iam_policy_document WHEN read THEN attribute is a set block, statement a list block', () => {
    expect(aws.resources.aws_dynamodb_table.blocks.attribute).toMatchObject({ nesting: 'set', maxItems: 0 });
    expect(aws.dataSources.aws_iam_policy_document.blocks.statement).toMatchObject({ nesting: 'list', minItems: 0 });
  });

  test('GIVEN the provider block WHEN read THEN alias (a meta-argument) is not part of the schema and region is', () => {
    expect(aws.provider.attributes.alias).toBeUndefined();
    expect(aws.provider.attributes.region).toEqual({ type: 'string', optional: true });
    expect(aws.provider.blocks.default_tags).toMatchObject({ nesting: 'list' });
  });

  test('GIVEN set blocks WHEN read THEN none holds a dynamic attribute (Terraform rejects those; they become lists)', () => {
    const dynamicInSet = (block: any, inSet: boolean): boolean =>
      Object.values(block.attributes).some((attribute: any) => inSet && JSON.stringify(attribute.type).includes('"dynamic"')) ||
      Object.values(block.blocks).some((nested: any) => dynamicInSet(nested.block, inSet || nested.nesting === 'set'));
    const offenders = Object.entries(aws.resources).filter(([, block]) => dynamicInSet(block, false));
    expect(offenders.map(([name]) => name)).toEqual([]);
  });
});
