// Small stacks, each wrong in one way, in the shape cdktf synthesizes (cdk.tf.json in cdktf.out/stacks/<name>).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const PROVIDERS = {
  terraform: {
    required_providers: {
      aws: { source: 'aws', version: '6.25.0' },
      random: { source: 'hashicorp/random', version: '3.7.2' },
    },
  },
  provider: { aws: [{ region: 'eu-west-2' }] },
};

function stack(resource: object, extra: object = {}): object {
  return { ...PROVIDERS, resource, ...extra };
}

const KEY = { aws_kms_key: { Key: { description: 'fixture key', enable_key_rotation: true } } };

/** name -> [configuration, a line of Terraform's own message it must fail with]. */
export const BROKEN_STACKS: Record<string, [object, string]> = {
  'unknown-attribute': [stack({ aws_sns_topic: { Topic: { name: 'fixture', nonexistent_setting: true } } }), 'No argument or block type is named "nonexistent_setting"'],
  'missing-required-argument': [stack({ aws_kms_alias: { Alias: { name: 'alias/fixture' } } }), 'The argument "target_key_id" is required, but no definition was found.'],
  'required-argument-null': [stack({ aws_kms_alias: { Alias: { name: 'alias/fixture', target_key_id: null } } }), 'The argument "target_key_id" is required, but no definition was found.'],
  'undeclared-resource': [
    stack({ aws_kms_alias: { Alias: { name: 'alias/fixture', target_key_id: '${aws_kms_key.Missing.key_id}' } } }),
    'A managed resource "aws_kms_key" "Missing" has not been declared in the root',
  ],
  'wrong-type': [stack({ aws_sns_topic: { Topic: { name: 'fixture', tags: 'team=data' } } }), 'Inappropriate value for attribute "tags": map of string required.'],
  // The stand-in serves only the types a configuration names: one the provider lacks is still refused.
  'unknown-resource-type': [stack({ ...KEY, aws_not_a_service: { Thing: { name: 'fixture' } } }), 'The provider hashicorp/aws does not support resource type "aws_not_a_service".'],
  'unknown-data-source': [stack(KEY, { data: { aws_not_a_lookup: { Thing: { name: 'fixture' } } } }), 'The provider hashicorp/aws does not support data source "aws_not_a_lookup".'],
  'read-only-attribute': [stack({ aws_kms_key: { Key: { description: 'fixture key', arn: 'arn:aws:kms:eu-west-2:123456789012:key/x' } } }), 'Invalid Configuration for Read-Only Attribute'],
};

/** Valid, but its output shows a sensitive value without `sensitive = true`: plan must refuse it. */
export const SENSITIVE_OUTPUT_STACK = stack(
  {
    ...KEY,
    aws_rds_cluster: { Cluster: { cluster_identifier: 'fixture', engine: 'aurora-postgresql', master_username: 'admin', master_password: 'not-a-real-password-1' } },
  },
  { output: { master_password: { value: '${aws_rds_cluster.Cluster.master_password}' } } },
);

export const VALID_STACK = stack(KEY);

/** A synthesized-output directory (manifest.json + stacks/<name>/cdk.tf.json) holding `stacks`. */
export function fixtureOutdir(stacks: Record<string, object>): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-broken-'));
  const manifest: Record<string, object> = {};
  for (const [name, json] of Object.entries(stacks)) {
    fs.mkdirSync(path.join(outdir, 'stacks', name), { recursive: true });
    fs.writeFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), JSON.stringify(json, null, 2));
    manifest[name] = { name, workingDirectory: `stacks/${name}`, synthesizedStackPath: `stacks/${name}/cdk.tf.json` };
  }
  fs.writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify({ stacks: manifest }));
  return outdir;
}
