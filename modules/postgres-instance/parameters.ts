import { DEFAULT_POSTGRES_PARAMETERS } from '../rds';
import { describeValue, ValidationRule } from '../validation';

// Cheap checks of parameter values, so that a wrong unit fails at synthesis instead of leaving an instance
// that does not start. PostgreSQL counts memory parameters in units (8kB pages, kB, MB), while RDS's
// `DBInstanceClassMemory` is in bytes: `shared_buffers = {DBInstanceClassMemory/4}` asks for 2048 times the
// instance's memory. Parameters not in the table pass unchecked.

/** The unit PostgreSQL counts a parameter in (`pg_settings.unit`), with its size in bytes for memory units. */
export const PARAMETER_UNIT_BYTES = { '8kB': 8192, kB: 1024, MB: 1024 * 1024, B: 1 } as const;
export type MemoryUnit = keyof typeof PARAMETER_UNIT_BYTES;

/** A parameter DataStack knows: its kind, unit and PostgreSQL's documented range (`pg_settings.min_val/max_val`). */
export type KnownParameter =
  | {
      readonly kind: 'integer';
      readonly min: number;
      readonly max: number;
      /** A memory unit; the value (or formula) must not exceed the instance's memory. */
      readonly memoryUnit?: MemoryUnit;
      /** A unit that is not memory (`ms`), for the message. */
      readonly unit?: string;
    }
  | { readonly kind: 'real'; readonly min: number; readonly max: number }
  | { readonly kind: 'enum'; readonly values: readonly string[] };

const INT_MAX = 2147483647;

/** The parameters DataStack checks (PostgreSQL 15-17 ranges). */
export const KNOWN_POSTGRES_PARAMETERS: Readonly<Record<string, KnownParameter>> = {
  shared_buffers: { kind: 'integer', min: 16, max: 1073741823, memoryUnit: '8kB' },
  effective_cache_size: { kind: 'integer', min: 1, max: INT_MAX, memoryUnit: '8kB' },
  wal_buffers: { kind: 'integer', min: -1, max: 262143, memoryUnit: '8kB' },
  temp_buffers: { kind: 'integer', min: 100, max: 1073741823, memoryUnit: '8kB' },
  work_mem: { kind: 'integer', min: 64, max: INT_MAX, memoryUnit: 'kB' },
  maintenance_work_mem: { kind: 'integer', min: 1024, max: INT_MAX, memoryUnit: 'kB' },
  autovacuum_work_mem: { kind: 'integer', min: -1, max: INT_MAX, memoryUnit: 'kB' },
  max_wal_size: { kind: 'integer', min: 2, max: INT_MAX, memoryUnit: 'MB' },
  min_wal_size: { kind: 'integer', min: 2, max: INT_MAX, memoryUnit: 'MB' },
  track_activity_query_size: { kind: 'integer', min: 100, max: 1048576, memoryUnit: 'B' },
  max_connections: { kind: 'integer', min: 1, max: 262143 },
  max_worker_processes: { kind: 'integer', min: 0, max: 262143 },
  max_parallel_workers: { kind: 'integer', min: 0, max: 1024 },
  max_parallel_workers_per_gather: { kind: 'integer', min: 0, max: 1024 },
  autovacuum_max_workers: { kind: 'integer', min: 1, max: 262143 },
  max_locks_per_transaction: { kind: 'integer', min: 10, max: INT_MAX },
  effective_io_concurrency: { kind: 'integer', min: 0, max: 1000 },
  default_statistics_target: { kind: 'integer', min: 1, max: 10000 },
  log_min_duration_statement: { kind: 'integer', min: -1, max: INT_MAX, unit: 'ms' },
  statement_timeout: { kind: 'integer', min: 0, max: INT_MAX, unit: 'ms' },
  lock_timeout: { kind: 'integer', min: 0, max: INT_MAX, unit: 'ms' },
  idle_in_transaction_session_timeout: { kind: 'integer', min: 0, max: INT_MAX, unit: 'ms' },
  'rds.force_ssl': { kind: 'integer', min: 0, max: 1 },
  random_page_cost: { kind: 'real', min: 0, max: Number.MAX_VALUE },
  seq_page_cost: { kind: 'real', min: 0, max: Number.MAX_VALUE },
  checkpoint_completion_target: { kind: 'real', min: 0, max: 1 },
  log_statement: { kind: 'enum', values: ['none', 'ddl', 'mod', 'all'] },
};

/** `{DBInstanceClassMemory/N}` or `{DBInstanceClassMemory*M/N}`: the formulas DataStack can evaluate. */
const MEMORY_FORMULA = /^\{DBInstanceClassMemory(?:\*(\d+))?(?:\/(\d+))?\}$/;

/** A value RDS computes at start (a `{...}` formula, or GREATEST/LEAST/SUM over them). */
function isFormula(value: string): boolean {
  return value.includes('{') || /^(GREATEST|LEAST|SUM)\(/i.test(value);
}

/** The fraction of `DBInstanceClassMemory` a simple formula takes, or undefined for formulas DataStack does not evaluate. */
export function memoryFormulaFraction(value: string): number | undefined {
  const match = MEMORY_FORMULA.exec(value.replace(/\s+/g, ''));
  if (!match) return undefined;
  const multiplier = match[1] === undefined ? 1 : Number(match[1]);
  const divisor = match[2] === undefined ? 1 : Number(match[2]);
  return divisor === 0 ? undefined : multiplier / divisor;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(3);
}

/** The instance memory the parameters must fit in: the smallest class sharing the parameter group. */
export interface ParameterMemoryBound {
  readonly memoryGib: number;
  readonly instanceClass: string;
}

const GIB = 1024 ** 3;

function integerParameterRules(setting: string, name: string, value: string, known: Extract<KnownParameter, { kind: 'integer' }>, bound: ParameterMemoryBound): ValidationRule[] {
  const unitText = known.memoryUnit ?? known.unit;
  const accepted = `an integer ${known.min}-${known.max}${unitText ? ` (${unitText})` : ''}${known.memoryUnit ? ' or a {DBInstanceClassMemory...} formula' : ''}`;
  const memoryBytes = bound.memoryGib * GIB;
  const where = `${formatNumber(bound.memoryGib)} GiB on ${bound.instanceClass}`;
  if (isFormula(value)) {
    const fraction = memoryFormulaFraction(value);
    if (known.memoryUnit === undefined || fraction === undefined) return [];
    const unitBytes = PARAMETER_UNIT_BYTES[known.memoryUnit];
    const timesMemory = fraction * unitBytes;
    return [
      {
        condition: timesMemory <= 1,
        message: `${setting}.${name} must ask for at most the instance's memory (${where}); it counts in ${known.memoryUnit} units while DBInstanceClassMemory is in bytes, so ${value} asks for ${formatNumber(timesMemory)} times the memory (divide by ${unitBytes} more, e.g. {DBInstanceClassMemory/${unitBytes * 4}} for 25 %), got ${describeValue(value)}`,
      },
    ];
  }
  const number = /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
  const rules: ValidationRule[] = [
    { condition: Number.isInteger(number) && number >= known.min && number <= known.max, message: `${setting}.${name} must be ${accepted}, got ${describeValue(value)}` },
  ];
  if (known.memoryUnit !== undefined && Number.isInteger(number)) {
    const bytes = number * PARAMETER_UNIT_BYTES[known.memoryUnit];
    rules.push({
      condition: bytes <= memoryBytes,
      message: `${setting}.${name} must ask for at most the instance's memory (${where}); ${value} x ${known.memoryUnit} is ${formatNumber(bytes / GIB)} GiB, got ${describeValue(value)}`,
    });
  }
  return rules;
}

/** The checks of one parameter's value; unknown parameters pass. */
export function postgresParameterRules(setting: string, name: string, value: string, bound: ParameterMemoryBound): ValidationRule[] {
  if (typeof value !== 'string') {
    return [{ condition: false, message: `${setting}.${name} must be a string (RDS takes every parameter value as text), got ${describeValue(value)}` }];
  }
  const known = KNOWN_POSTGRES_PARAMETERS[name];
  if (known === undefined) return [];
  switch (known.kind) {
    case 'integer':
      return integerParameterRules(setting, name, value, known, bound);
    case 'real': {
      const number = /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
      return [{ condition: number >= known.min && number <= known.max, message: `${setting}.${name} must be a number ${known.min}-${known.max === Number.MAX_VALUE ? 'and up' : known.max}, got ${describeValue(value)}` }];
    }
    case 'enum':
      return [{ condition: known.values.includes(value), message: `${setting}.${name} must be one of ${known.values.map((item) => describeValue(item)).join(', ')}, got ${describeValue(value)}` }];
  }
}

/** The checks of an instance's parameters (`<setting>` is the `parameters` setting). */
export function postgresParametersRules(setting: string, parameters: Readonly<Record<string, string>> | undefined, bound: ParameterMemoryBound): ValidationRule[] {
  return Object.entries(parameters ?? {}).flatMap(([name, value]) => postgresParameterRules(setting, name, value, bound));
}

/** DataStack's parameters with the instance's own over them. */
export function mergedPostgresParameters(parameters: Readonly<Record<string, string>> | undefined): Readonly<Record<string, string>> {
  return { ...DEFAULT_POSTGRES_PARAMETERS, ...parameters };
}

/** `max_connections` when the parameters set it to a plain number; undefined for the class default or a formula. */
export function configuredMaxConnections(parameters: Readonly<Record<string, string>> | undefined): number | undefined {
  const value = parameters?.max_connections;
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}
