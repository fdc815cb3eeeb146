import { eachResource, PolicyRule } from '../rule';
import { hasConditionOn, resolvePolicy, servicePrincipals } from '../terraform/iam-policies';
import { keyPolicyValue } from './ds-kms-002-key-policy';

// Condition keys that tie a service's use of the key to this account or to one resource.
const SCOPING_KEYS = ['aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID', 'kms:EncryptionContext', 'kms:ViaService', 'kms:CallerAccount'];
// AWS documents that EventBridge's requests to KMS carry none of the keys above.
const UNSCOPABLE_SERVICES = ['events.amazonaws.com'];

export const rule: PolicyRule = {
  id: 'DS-KMS-003',
  title: 'Key grants to AWS services scoped to this account',
  severity: 'warning',
  resourceTypes: ['aws_kms_key'],
  rationale: 'A key policy that lets a service principal in without aws:SourceAccount/aws:SourceArn (or an encryption context) lets that service use the key on behalf of any account: the confused deputy.',
  controls: [],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      const policy = resolvePolicy(stack, keyPolicyValue(stack, block));
      if (policy.kind !== 'resolved') return undefined; // DS-KMS-002 reports a policy it cannot read
      return policy.statements
        .filter((statement) => statement.effect === 'Allow')
        .flatMap((statement) =>
          servicePrincipals(statement)
            .filter((service) => !UNSCOPABLE_SERVICES.includes(service) && !hasConditionOn(statement, ...SCOPING_KEYS))
            .map((service) => `statement ${statement.sid ?? '(no sid)'} lets ${service} use the key with no aws:SourceAccount, aws:SourceArn or encryption-context condition`),
        );
    }),
};
