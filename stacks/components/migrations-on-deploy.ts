import { MigrationFunction, MigrationFunctionSettings, migrationFunctionSettingsRules, seedDataRule } from '../../modules/migrations';
import { ValidationRule } from '../../modules/validation';
import { listSystems, MIGRATIONS_ROOT } from '../../migrations/runner/systems';
import { Component, ComponentCheck, StackContext } from '../composition/component';
import { declareOutputs, OutputNames } from '../composition/outputs';
import { outputNamesRules } from './output-names';
import { PostgresDatabaseComponent } from './postgres-database';

/** Migrations on deploy: whether they run, and the function's settings. */
export interface MigrationsConfig extends MigrationFunctionSettings {
  /**
   * Run migrations/<system> on the database's writer at every deploy that changes them.
   * @default true
   */
  readonly onDeploy?: boolean;
}

export interface MigrationsOnDeployOptions {
  /** The database the migrations apply to (listed before this component). */
  readonly database: PostgresDatabaseComponent;
  /** @default { onDeploy: true } */
  readonly config?: MigrationsConfig;
  /** @default 'migrations' */
  readonly setting?: string;
  /** @default - the default output names */
  readonly outputs?: OutputNames;
  /**
   * The folder holding `<system>/*.sql`.
   * @default - this repository's migrations/
   */
  readonly migrationsRoot?: string;
}

const OUTPUTS = ['migrations_function_name', 'migrations_checksum'];

/**
 * The system's PostgreSQL migrations, applied on deploy by a Lambda function in the database's Region (in
 * the private subnets with egress, with the application security groups unless it has its own) whenever the
 * files change. Its construct id names no Region, so a Global Database switchover changes no address.
 */
export function migrationsOnDeploy(options: MigrationsOnDeployOptions): Component {
  const { onDeploy, ...settings } = options.config ?? {};
  const enabled = onDeploy ?? true;
  return {
    setting: options.setting ?? 'migrations',
    rules({ system, setting, policy }: ComponentCheck): ValidationRule[] {
      const systems = listSystems(options.migrationsRoot ?? MIGRATIONS_ROOT);
      return [
        {
          // Seed data is made-up rows for development: it never reaches a production database.
          condition: !(settings.seedData === true && policy.production),
          message: `${setting}.seedData must be false in a production environment (policy.production), got true`,
        },
        {
          condition: !enabled || systems.includes(system),
          message: `${setting}.onDeploy needs migrations/${system} with SQL files (systems with migrations: ${systems.join(', ')}), got true`,
        },
        ...migrationFunctionSettingsRules(setting, settings),
        seedDataRule(setting, system, options.migrationsRoot, settings.seedData),
        ...outputNamesRules(setting, options.outputs, OUTPUTS),
      ];
    },
    build(stack: StackContext) {
      if (!enabled) return;
      const database = options.database.endpoint();
      const migrations = new MigrationFunction(stack.scope, 'Migrations', {
        ...settings,
        context: stack.region(database.region),
        system: stack.system,
        database,
        migrationsRoot: options.migrationsRoot,
      });
      declareOutputs(
        stack.scope,
        [
          {
            name: 'migrations_function_name',
            description: 'The Lambda function that applies the PostgreSQL migrations on deploy (its logs: /aws/lambda/<name>)',
            value: migrations.function.functionName,
          },
          {
            name: 'migrations_checksum',
            description: `SHA-256 over migrations/${stack.system} as deployed; compare with \`npm run migrate -- status\``,
            value: migrations.migrationsChecksum,
          },
        ],
        options.outputs,
      );
    },
  };
}
