import { NameLimit } from '../validation';

/**
 * Secrets Manager secret names: 1-512 ASCII letters, digits and `/_+=.@-`.
 * @see https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html (Name)
 */
export const SECRET_NAME_LIMIT: NameLimit = {
  what: 'a Secrets Manager secret name',
  pattern: /^[A-Za-z0-9/_+=.@-]{1,512}$/,
  accepted: "1-512 ASCII letters, digits and '/_+=.@-'",
};
