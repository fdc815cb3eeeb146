import { CacheUserGroup } from '../../modules/cache';
import { OutputDeclaration } from '../composition/outputs';

/** The users DataStack created: the name each connects with, and where each password user's secret is. */
export function cacheUserOutputs(prefix: string, group: CacheUserGroup | undefined): OutputDeclaration[] {
  const users = group?.users;
  if (users === undefined) return [];
  const withSecret = users.filter((user) => user.secretArn !== undefined);
  return [
    { name: `${prefix}_user_names`, description: 'The user name each cache user connects with (IAM users: also the name their token is signed for)', value: Object.fromEntries(users.map((user) => [user.name, user.userName])) },
    ...(withSecret.length === 0
      ? []
      : [
          {
            name: `${prefix}_user_secret_arns`,
            description: 'ARNs of the Secrets Manager secrets of the password users (JSON: username, password, endpoint, port), by user',
            value: Object.fromEntries(withSecret.map((user) => [user.name, user.secretArn!])),
            sensitive: true,
          },
        ]),
  ];
}
