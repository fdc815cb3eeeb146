// The pieces the rules share: the reference resolver, key, policy and security group resolution, the
// production test and JSON line numbers.
import { resolvePolicy } from '../../../tools/policy-pack/terraform/iam-policies';
import { resolveKey } from '../../../tools/policy-pack/terraform/kms-keys';
import { interpolations, referencesIn, resolve, wholeReference } from '../../../tools/policy-pack/terraform/references';
import { ingressRules } from '../../../tools/policy-pack/terraform/security-groups';
import { StackDocument } from '../../../tools/policy-pack/terraform/stack-document';
import { addressKeyPath, keyLines } from '../../../tools/policy-pack/report/json-locations';
import { ref, stack } from './fixtures/terraform-fixture';

const document = new StackDocument(
  'app-dev',
  stack({
    resource: {
      aws_kms_key: { key: { enable_key_rotation: true } },
      aws_kms_alias: { alias: { target_key_id: ref('aws_kms_key.key', 'key_id') } },
      aws_security_group: { db: { ingress: [{ from_port: 5432, to_port: 5432, protocol: 'tcp', security_groups: ['sg-1'] }] } },
      aws_security_group_rule: { legacy: { type: 'ingress', security_group_id: ref('aws_security_group.db', 'id'), from_port: 5432, to_port: 5432, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] } },
      aws_vpc_security_group_ingress_rule: { modern: { security_group_id: ref('aws_security_group.db', 'id'), ip_protocol: '-1', cidr_ipv6: '::/0' } },
    },
    data: {
      aws_iam_policy_document: {
        base: { statement: [{ sid: 'Base', actions: ['s3:GetObject'], resources: ['*'] }] },
        merged: { source_policy_documents: [ref('data.aws_iam_policy_document.base', 'json')], statement: [{ sid: 'Own', effect: 'Deny', actions: ['s3:*'], not_resources: ['x'] }] },
        broken: { source_policy_documents: ['${var.extra}'] },
      },
    },
  }),
);

describe('the reference resolver', () => {
  test('GIVEN a whole reference WHEN parsed THEN it yields the address and the attribute', () => {
    expect(wholeReference('${aws_kms_key.Key_1A2B.arn}')).toEqual({ address: 'aws_kms_key.Key_1A2B', attribute: 'arn' });
    expect(wholeReference('${data.aws_iam_policy_document.Policy_3C.json}')).toEqual({ address: 'data.aws_iam_policy_document.Policy_3C', attribute: 'json' });
    expect(wholeReference('arn:${data.aws_partition.p.partition}:iam::aws:policy/x')).toBeUndefined();
  });

  test('GIVEN references inside a jsonencode expression WHEN scanned THEN every one is found, and nothing outside ${}', () => {
    const value = '${jsonencode({"host" = aws_rds_global_cluster.G_1.endpoint, "password" = ephemeral.random_password.pw.result})} aws_not.a_reference';
    expect(interpolations(value)).toHaveLength(1);
    expect(referencesIn(value)).toEqual([
      { address: 'aws_rds_global_cluster.G_1', attribute: 'endpoint' },
      { address: 'ephemeral.random_password.pw', attribute: 'result' },
    ]);
  });

  test.each([
    [undefined, 'absent'],
    ['alias/aws/rds', 'literal'],
    ['${aws_kms_key.key.arn}', 'block'],
    ['${aws_kms_key.missing.arn}', 'unknown'],
    ['${var.key_arn}', 'unknown'],
  ])('GIVEN %j WHEN resolved THEN it is %s', (value, kind) => {
    expect(resolve(document, value).kind).toBe(kind);
  });
});

describe('key resolution', () => {
  test('GIVEN an alias of a key of the stack WHEN resolved THEN it is that customer-managed key', () => {
    const key = resolveKey(document, ref('aws_kms_alias.alias', 'arn'));
    expect(key.kind === 'customer-managed' && key.key.address).toBe('aws_kms_key.key');
  });

  test.each([
    ['arn:aws:kms:eu-west-2:111122223333:alias/aws/dynamodb', 'aws-managed'],
    ['arn:aws:kms:eu-west-2:111122223333:key/1234', 'unknown'],
    [ref('aws_security_group.db', 'id'), 'unknown'],
    ['', 'absent'],
  ])('GIVEN the key value %j WHEN resolved THEN it is %s, never customer-managed', (value, kind) => {
    expect(resolveKey(document, value).kind).toBe(kind);
  });
});

describe('policy resolution', () => {
  test('GIVEN a document with a source document WHEN resolved THEN its statements follow the source statements', () => {
    const policy = resolvePolicy(document, ref('data.aws_iam_policy_document.merged', 'json'));
    expect(policy.kind === 'resolved' && policy.statements.map((statement) => [statement.sid, statement.effect, statement.notResources])).toEqual([
      ['Base', 'Allow', []],
      ['Own', 'Deny', ['x']],
    ]);
  });

  test('GIVEN a source document the stack does not define WHEN resolved THEN the policy is unknown, not a partial list', () => {
    expect(resolvePolicy(document, ref('data.aws_iam_policy_document.broken', 'json')).kind).toBe('unknown');
  });

  test('GIVEN a literal JSON policy WHEN resolved THEN actions, principals and conditions are read', () => {
    const policy = resolvePolicy(
      document,
      JSON.stringify({ Statement: { Effect: 'Allow', Principal: { Service: ['rds.amazonaws.com'] }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': '1' } } } }),
    );
    expect(policy).toEqual({
      kind: 'resolved',
      statements: [
        expect.objectContaining({ actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: ['rds.amazonaws.com'] }], conditions: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: ['1'] }] }),
      ],
    });
  });
});

describe('security group rules', () => {
  test('GIVEN inline, aws_security_group_rule and standalone rules WHEN read THEN all three belong to the group, with their sources', () => {
    const rules = ingressRules(document, document.block('aws_security_group.db')!);
    expect(rules.map((rule) => [rule.declaredBy, rule.protocol, rule.fromSecurityGroups, [...rule.ipv4Cidrs, ...rule.ipv6Cidrs]])).toEqual([
      ['aws_security_group.db', 'tcp', true, []],
      ['aws_security_group_rule.legacy', 'tcp', false, ['10.0.0.0/8']],
      ['aws_vpc_security_group_ingress_rule.modern', '-1', false, ['::/0']],
    ]);
  });
});

describe('production stacks', () => {
  test.each([
    ['shop-prod', [], true],
    ['shop-production', [], false],
    ['shop-live', [{ region: 'eu-west-2', default_tags: [{ tags: { Environment: 'Production' } }] }], true],
    ['shop-dev', [{ region: 'eu-west-2', default_tags: [{ tags: { Environment: 'dev' } }] }], false],
  ])('GIVEN stack %s with aws providers %j WHEN asked THEN production is %s', (name, aws, expected) => {
    expect(new StackDocument(name, stack({ provider: { aws } })).isProduction).toBe(expected);
  });
});

describe('JSON line numbers', () => {
  test('GIVEN a pretty-printed cdk.tf.json WHEN located THEN each resource, data source and output maps to its line', () => {
    const text = JSON.stringify(
      { resource: { aws_kms_key: { key: { description: 'a "quoted" {brace}' } }, aws_sns_topic: { t: {} } }, data: { aws_vpc: { v: {} } }, output: { o: { value: 1 } } },
      null,
      2,
    );
    const lines = keyLines(text);
    const lineOf = (address: string) => lines.get(addressKeyPath(address));
    const expected = (needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
    expect(lineOf('aws_kms_key.key')).toBe(expected('"key": {'));
    expect(lineOf('aws_sns_topic.t')).toBe(expected('"t": {}'));
    expect(lineOf('data.aws_vpc.v')).toBe(expected('"v": {}'));
    expect(lineOf('output.o')).toBe(expected('"o": {'));
  });
});
