/** A plain-text table: the first column left-aligned, the others right-aligned, a rule under the header. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    widths
      .map((width, column) => (column === 0 ? (cells[column] ?? '').padEnd(width) : (cells[column] ?? '').padStart(width)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** Milliseconds as seconds with two decimals (`1.23 s`); `-` when not measured. */
export function seconds(milliseconds: number): string {
  return Number.isFinite(milliseconds) ? `${(milliseconds / 1000).toFixed(2)} s` : '-';
}

/** Kilobytes as whole megabytes (`123 MB`); `-` when not measured. */
export function megabytes(kilobytes: number): string {
  return Number.isFinite(kilobytes) ? `${Math.round(kilobytes / 1024)} MB` : '-';
}

/** How many times faster `fast` is than `slow` (`5.2x`); `-` when either is missing. */
export function ratio(slow: number, fast: number): string {
  return Number.isFinite(slow) && Number.isFinite(fast) && fast > 0 ? `${(slow / fast).toFixed(1)}x` : '-';
}
