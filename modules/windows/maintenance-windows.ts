// Backup and maintenance windows, in the formats RDS takes: a daily `hh24:mi-hh24:mi` backup window
// and a weekly `ddd:hh24:mi-ddd:hh24:mi` maintenance window, both UTC and at least 30 minutes long.

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** A half-open interval of minutes, [start, end), in a cycle of `period` minutes. */
interface CyclicInterval {
  readonly start: number;
  readonly end: number;
  readonly period: number;
}

function clock(text: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

function length(interval: CyclicInterval): number {
  return (interval.end - interval.start + interval.period) % interval.period || interval.period;
}

/** The daily backup window, or undefined when it is not `hh24:mi-hh24:mi`. */
export function parseBackupWindow(window: string): CyclicInterval | undefined {
  const parts = window.split('-');
  if (parts.length !== 2) return undefined;
  const [start, end] = parts.map(clock);
  if (start === undefined || end === undefined || start === end) return undefined;
  return { start, end, period: MINUTES_PER_DAY };
}

/** The weekly maintenance window, or undefined when it is not `ddd:hh24:mi-ddd:hh24:mi`. */
export function parseMaintenanceWindow(window: string): CyclicInterval | undefined {
  const match = /^([a-z]{3}):(\d\d:\d\d)-([a-z]{3}):(\d\d:\d\d)$/.exec(window.toLowerCase());
  if (!match) return undefined;
  const [startDay, endDay] = [DAYS.indexOf(match[1] as (typeof DAYS)[number]), DAYS.indexOf(match[3] as (typeof DAYS)[number])];
  const [startClock, endClock] = [clock(match[2]), clock(match[4])];
  if (startDay < 0 || endDay < 0 || startClock === undefined || endClock === undefined) return undefined;
  const start = startDay * MINUTES_PER_DAY + startClock;
  const end = endDay * MINUTES_PER_DAY + endClock;
  if (start === end) return undefined;
  return { start, end, period: MINUTES_PER_WEEK };
}

/** Minutes a window lasts. */
export function windowMinutes(interval: CyclicInterval): number {
  return length(interval);
}

/** Whether two arcs of one cycle share a minute: one starts inside the other. */
function arcsOverlap(aStart: number, aLength: number, bStart: number, bLength: number, period: number): boolean {
  const mod = (value: number) => ((value % period) + period) % period;
  return mod(bStart - aStart) < aLength || mod(aStart - bStart) < bLength;
}

/** Whether a daily backup window and a weekly maintenance window share any minute, on any day. */
export function windowsOverlap(backup: CyclicInterval, maintenance: CyclicInterval): boolean {
  const days = MINUTES_PER_WEEK / backup.period;
  return Array.from({ length: days }, (_unused, day) => day * backup.period + backup.start).some((start) =>
    arcsOverlap(start, length(backup), maintenance.start, length(maintenance), MINUTES_PER_WEEK),
  );
}
