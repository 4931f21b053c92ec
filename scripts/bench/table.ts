import { verdict } from './baseline.ts';
import type { Figure } from './figures.ts';

const DASH = '—';

function amount(value: number | null, unit: string, statistic: string): string {
  if (value === null) return DASH;
  return statistic === 'value' ? `${value} ${unit}` : `${statistic} ${value} ${unit}`;
}

function result(figure: Figure): string {
  const said = verdict(figure.value, figure.budget.max);
  if (said === 'n/a' || figure.value === null) return `n/a: ${figure.reason ?? ''}`;
  if (figure.budget.max <= 0) return said;
  return `${said} (${Math.round((figure.value / figure.budget.max) * 100)} %)`;
}

/** One figure as the printed table shows it: the figure, its same-run baseline, their ratio, the budget. */
export function tableRow(figure: Figure): Record<string, string> {
  const { statistic, max } = figure.budget;
  const base = figure.baseline;
  return {
    figure: figure.label,
    measured: amount(figure.value, figure.unit, statistic),
    baseline:
      base && base.value !== null ? `${amount(base.value, figure.unit, statistic)} ${base.label}` : DASH,
    ratio: figure.ratio === null ? DASH : `${figure.ratio}×`,
    budget: `≤ ${max} ${figure.unit}`,
    result: result(figure),
  };
}

/** Rows as plain text, each column padded to its widest cell: readable in any terminal or log. */
export function formatTable(rows: readonly Record<string, string>[]): string {
  const [first] = rows;
  if (!first) return '';
  const columns = Object.keys(first);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ');
  return [
    line(columns),
    widths.map((w, i) => '-'.repeat(w + (i === 0 || i === widths.length - 1 ? 1 : 2))).join('|'),
    ...rows.map((row) => line(columns.map((c) => row[c] ?? ''))),
  ].join('\n');
}
