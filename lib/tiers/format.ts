import type { AttributeValue, Condition } from '../schemas/entities.ts';

/**
 * How a number reads in a reason. `money` is compact ("$420k") because tier thresholds are round
 * figures; `score` is a whole number because that is how the panel shows the health score.
 */
export type ValueFormat = 'money' | 'percent' | 'plain' | 'score';

/** What a reason talks about: "ARR", "seats", "Health", a metric's label. */
export interface Subject {
  label: string;
  format: ValueFormat;
}

export const HEALTH_FIELD = 'health';

// Tokens that mark a field as money, matched per word so `annual_revenue` and `arrUsd` count too.
const MONEY_WORDS = new Set(['arr', 'mrr', 'acv', 'tcv', 'revenue', 'bookings', 'spend', 'amount', 'price']);
const ACRONYMS = new Set(['arr', 'mrr', 'acv', 'tcv', 'nrr', 'grr', 'nps', 'csat', 'ces', 'qbr']);
const MAX_TEXT = 60;
const MAX_LIST_ITEMS = 5;

const upTo2 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const exact = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });
const MONEY_UNITS: [number, string][] = [
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

function words(field: string): string[] {
  return field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

function fieldLabel(field: string): string {
  if (field === HEALTH_FIELD) return 'Health';
  return words(field)
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word))
    .join(' ');
}

export function fieldSubject(field: string): Subject {
  if (field === HEALTH_FIELD) return { label: 'Health', format: 'score' };
  const money = words(field).some((word) => MONEY_WORDS.has(word));
  return { label: fieldLabel(field), format: money ? 'money' : 'plain' };
}

function compactMoney(abs: number): string {
  if (abs < 1000) return upTo2.format(abs);
  for (const [size, suffix] of MONEY_UNITS) {
    // Pick the unit by the rounded figure so 999,999 reads "$1M", not "$1,000k".
    const scaled = Math.round((abs / size) * 100) / 100;
    if (scaled >= 1) return `${upTo2.format(scaled)}${suffix}`;
  }
  return upTo2.format(abs);
}

/** `precise` shows every digit: used when the rounded forms of two different values would read alike. */
function formatNumber(value: number, format: ValueFormat, precise = false): string {
  if (format === 'money') {
    const sign = value < 0 ? '-' : '';
    const abs = Math.abs(value);
    return `${sign}$${precise ? exact.format(abs) : compactMoney(abs)}`;
  }
  if (precise) return `${exact.format(value)}${format === 'percent' ? '%' : ''}`;
  if (format === 'percent') return `${upTo2.format(value)}%`;
  return format === 'score' ? whole.format(value) : upTo2.format(value);
}

/** Formats two numbers that appear side by side, so "ARR $249,999 < $250,000" never reads "$250k < $250k". */
export function formatPair(a: number, b: number, format: ValueFormat): [string, string] {
  const precise = a !== b && formatNumber(a, format) === formatNumber(b, format);
  return [formatNumber(a, format, precise), formatNumber(b, format, precise)];
}

function quote(text: string): string {
  const short = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
  return `'${short}'`;
}

export function formatScalar(value: AttributeValue, format: ValueFormat): string {
  if (typeof value === 'number') return formatNumber(value, format);
  return typeof value === 'string' ? quote(value) : String(value);
}

export function formatList(values: readonly AttributeValue[], format: ValueFormat): string {
  const shown = values.slice(0, MAX_LIST_ITEMS).map((value) => formatScalar(value, format));
  const rest = values.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

export function formatRuleValue(value: Condition['value'], format: ValueFormat): string {
  return Array.isArray(value) ? `[${formatList(value, format)}]` : formatScalar(value, format);
}

/** The kind of value a comparison wanted, in words: "seats is 'many', not a number". */
export function kindName(value: AttributeValue): string {
  if (typeof value === 'number') return 'a number';
  return typeof value === 'string' ? 'text' : 'true or false';
}
