import type { KeyResult } from '../schemas/entities.ts';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
// One formatter for every date: toLocaleDateString builds a new one per call, a millisecond or more
// each, and a panel shows a date on every key result.
const day = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

export function formatKeyResultValue(unit: KeyResult['unit'], value: number): string {
  switch (unit) {
    case 'boolean':
      return value ? 'Done' : 'Not yet';
    case 'percent':
      return `${plain.format(value)}%`;
    case 'currency':
      return `$${compact.format(value)}`;
    default:
      return compact.format(value);
  }
}

export function formatMetricValue(unit: string, value: number): string {
  if (unit === '%') return `${plain.format(value)}%`;
  if (unit === '$' || unit === 'USD') return `$${compact.format(value)}`;
  return unit ? `${plain.format(value)} ${unit}` : plain.format(value);
}

export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return day.format(date);
}
