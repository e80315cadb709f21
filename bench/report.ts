/** One measured figure, with the baseline measured in the same run. Times are milliseconds. */
export interface Measurement {
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline: number | null;
  /** value / baseline: for a time, how many times slower than the baseline. */
  readonly ratio: number | null;
  readonly goal?: string;
  readonly met?: boolean;
  readonly note?: string;
}

export function measurement(
  metric: string,
  value: number,
  baseline: number | null,
  extra: { goal?: string; met?: boolean; note?: string; unit?: string } = {},
): Measurement {
  return {
    metric,
    value: round(value),
    unit: extra.unit ?? 'ms',
    baseline: baseline === null ? null : round(baseline),
    ratio: baseline === null ? null : round(value / baseline),
    ...(extra.goal === undefined ? {} : { goal: extra.goal }),
    ...(extra.met === undefined ? {} : { met: extra.met }),
    ...(extra.note === undefined ? {} : { note: extra.note }),
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function table(rows: readonly Measurement[]): string {
  const header = ['metric', 'value', 'baseline', 'ratio', 'goal', 'met', 'baseline is'];
  const cells = rows.map((r) => [
    r.metric,
    `${r.value} ${r.unit}`,
    r.baseline === null ? '-' : `${r.baseline} ${r.unit}`,
    r.ratio === null ? '-' : `${r.ratio}x`,
    r.goal ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
