/**
 * The DynamoDB actions a DAX cluster calls on behalf of its clients: reads it caches, writes it
 * passes through (write-through), and DescribeTable for key schemas.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.access-control.html
 */
export const DAX_DYNAMODB_ACTIONS = [
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
] as const;

/** A table DAX may reach: its ARN and the ARNs of its indexes. */
export interface DaxTableAccess {
  /** The table's ARN in the cluster's Region. */
  readonly tableArn: string;
  /** `<table arn>/index/<name>` for each index clients query through DAX. */
  readonly indexArns: readonly string[];
}

/** Exactly the ARNs the DAX role may act on: each table, then its indexes. Never "*". */
export function daxResourceArns(tables: readonly DaxTableAccess[]): string[] {
  return tables.flatMap((table) => [table.tableArn, ...table.indexArns]);
}
