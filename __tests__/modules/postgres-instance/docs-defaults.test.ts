import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_POSTGRES_INSTANCE_ALARM_THRESHOLDS, POSTGRES_INSTANCE_DEFAULTS } from '../../../modules/postgres-instance';

const DOC = fs.readFileSync(path.resolve(__dirname, '../../../docs/postgres-instance.md'), 'utf8');

/** The default column of the options table's row for an option. */
function documentedDefault(option: string): string {
  // The option's cell may carry a note after the name: `credentials.version` (write-only).
  const row = DOC.split('\n').find((line) => line.startsWith(`| \`${option}\` |`) || line.startsWith(`| \`${option}\` (`));
  if (row === undefined) throw new Error(`docs/postgres-instance.md has no row for ${option}`);
  return row.split('|')[2].trim();
}

/** A value as the docs write it: TypeScript literal syntax. */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'string') return `'${value}'`;
  if (value !== null && typeof value === 'object') return `{ ${Object.entries(value).map(([key, each]) => `${key}: ${literal(each)}`).join(', ')} }`;
  return String(value);
}

describe('docs/postgres-instance.md quotes the defaults the module applies', () => {
  test.each([
    ['engineVersion', `\`PostgresEngineVersion.V${POSTGRES_INSTANCE_DEFAULTS.engineVersion.fullVersion.replace('.', '_')}\``],
    ['masterUsername', `\`${POSTGRES_INSTANCE_DEFAULTS.masterUsername}\``],
    ['port', `\`${POSTGRES_INSTANCE_DEFAULTS.port}\``],
    ['backups.retentionDays', `\`${POSTGRES_INSTANCE_DEFAULTS.backupRetentionDays}\``],
    ['backups.preferredWindow', `\`${POSTGRES_INSTANCE_DEFAULTS.preferredBackupWindow}\``],
    ['preferredMaintenanceWindow', `\`${POSTGRES_INSTANCE_DEFAULTS.preferredMaintenanceWindow}\``],
    ['performanceInsights', `\`${literal(POSTGRES_INSTANCE_DEFAULTS.performanceInsights)}\``],
    ['monitoringIntervalSeconds', `\`${POSTGRES_INSTANCE_DEFAULTS.monitoringIntervalSeconds}\``],
    ['logExports', `\`${literal(POSTGRES_INSTANCE_DEFAULTS.logExports)}\``],
    ['iamDatabaseAuthentication', `\`${POSTGRES_INSTANCE_DEFAULTS.iamDatabaseAuthentication}\``],
    ['credentials', `\`${literal(POSTGRES_INSTANCE_DEFAULTS.credentials)}\``],
    ['credentials.version', `\`${POSTGRES_INSTANCE_DEFAULTS.passwordVersion}\``],
    ['readReplicas.count', `\`${POSTGRES_INSTANCE_DEFAULTS.readReplicaCount}\``],
  ])('GIVEN the option %s WHEN its row is read THEN the default column starts with %s', (option, expected) => {
    expect(documentedDefault(option).startsWith(expected)).toBe(true);
  });

  test('GIVEN the alarm defaults WHEN the alarms table is read THEN every threshold is the module\'s', () => {
    const t = DEFAULT_POSTGRES_INSTANCE_ALARM_THRESHOLDS;
    for (const row of [
      `| \`<instance>-cpu\` | CPUUtilization (Average) | > ${t.cpuPercent} % | 3 |`,
      `| \`<instance>-free-storage\` | FreeStorageSpace (Average) | < ${t.freeStoragePercent} % of \`allocatedGib\` | 1 |`,
      `| \`<instance>-connections\` | DatabaseConnections (Maximum) | > ${t.connectionsPercentOfMax} % of max_connections | 2 |`,
      `| \`<instance>-freeable-memory\` | FreeableMemory (Average) | < ${t.freeableMemoryMiB} MiB | 2 |`,
      `| \`<instance>-read-latency\` | ReadLatency (Average) | > ${t.readLatencyMs} ms | 3 |`,
      `| \`<instance>-write-latency\` | WriteLatency (Average) | > ${t.writeLatencyMs} ms | 3 |`,
      `| \`<replica>-replica-lag\` (replicas) | ReplicaLag (Average) | > ${t.replicaLagSeconds} s | 3 |`,
    ]) {
      expect(DOC).toContain(row);
    }
  });
});
