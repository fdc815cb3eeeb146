/**
 * The services a created VPC may reach through interface endpoints, by the short name AWS gives them in
 * `com.amazonaws.<region>.<name>`. A closed list, so a typo (`secretmanager`) fails at synthesis instead of
 * at apply; add a service here when a system needs it. S3 and DynamoDB are reached through gateway
 * endpoints (free), so they are not offered here.
 * @see https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html
 */
export const INTERFACE_ENDPOINT_SERVICES = [
  'bedrock',
  'bedrock-agent-runtime',
  'bedrock-runtime',
  'cognito-idp',
  'ec2',
  'ec2messages',
  'ecr.api',
  'ecr.dkr',
  'elasticache',
  'email',
  'email-smtp',
  'events',
  'execute-api',
  'firehose',
  'kinesis-streams',
  'kms',
  'lambda',
  'logs',
  'monitoring',
  'rds',
  'rds-data',
  'secretsmanager',
  'sns',
  'sqs',
  'ssm',
  'ssmmessages',
  'states',
  'sts',
  'xray',
] as const;

export type InterfaceEndpointService = (typeof INTERFACE_ENDPOINT_SERVICES)[number];

/**
 * The endpoint service name of an AWS service in a Region, as the commercial and GovCloud partitions name
 * them (the China Regions name some services `cn.com.amazonaws.<region>.<name>`; see docs/network.md).
 */
export function endpointServiceName(region: string, service: string): string {
  return `com.amazonaws.${region}.${service}`;
}
