import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BlockSchema, ProviderSchema } from '../../../tools/offline-provider/schema/provider-schema';
import { configurationTypes, subsetSchema } from '../../../tools/offline-provider/schema/schema-subset';

const BLOCK: BlockSchema = { attributes: { name: { type: 'string', optional: true } }, blocks: {} };
const SCHEMA: ProviderSchema = {
  name: 'aws',
  version: '6.25.0',
  provider: { attributes: { region: { type: 'string', optional: true } }, blocks: {} },
  resources: { aws_kms_key: BLOCK, aws_sns_topic: BLOCK, aws_s3_bucket: BLOCK },
  dataSources: { aws_caller_identity: BLOCK, aws_region: BLOCK },
  ephemeralResources: { aws_secretsmanager_secret_version: BLOCK },
};

describe('the schema subset the stand-in serves', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-schema-subset-'));
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('GIVEN a stack and an override file WHEN their types are read THEN every resource, data source and ephemeral type of both is listed', () => {
    fs.writeFileSync(path.join(directory, 'cdk.tf.json'), JSON.stringify({ resource: { aws_kms_key: {}, random_password: {} }, data: { aws_region: {} } }));
    fs.writeFileSync(path.join(directory, 'override.tf.json'), JSON.stringify({ resource: { aws_sns_topic: {} }, ephemeral: { aws_secretsmanager_secret_version: {} } }));
    fs.writeFileSync(path.join(directory, 'notes.json'), JSON.stringify({ resource: { aws_s3_bucket: {} } }));

    const types = configurationTypes(directory);

    expect([...types.resources].sort()).toEqual(['aws_kms_key', 'aws_sns_topic', 'random_password']);
    expect([...types.dataSources]).toEqual(['aws_region']);
    expect([...types.ephemeralResources]).toEqual(['aws_secretsmanager_secret_version']);
  });

  test('GIVEN named types, one the provider lacks WHEN the subset is taken THEN it holds exactly the named types the provider has, and the provider block whole', () => {
    const subset = subsetSchema(SCHEMA, {
      resources: new Set(['aws_kms_key', 'aws_not_a_service', 'random_password']),
      dataSources: new Set(['aws_region']),
      ephemeralResources: new Set(),
    });

    expect(Object.keys(subset.resources)).toEqual(['aws_kms_key']);
    expect(Object.keys(subset.dataSources)).toEqual(['aws_region']);
    expect(subset.ephemeralResources).toEqual({});
    expect(subset.provider).toBe(SCHEMA.provider);
    expect(subset.resources.aws_kms_key).toBe(BLOCK);
  });
});
