import { NameLimit } from '../validation';

/**
 * DynamoDB table names: 3-255 letters, digits, `_`, `-` and `.`.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
 */
export const DYNAMODB_TABLE_NAME_LIMIT: NameLimit = {
  what: 'a DynamoDB table name',
  pattern: /^[a-zA-Z0-9_.-]{3,255}$/,
  accepted: "3-255 letters, digits, '_', '-' and '.'",
};
