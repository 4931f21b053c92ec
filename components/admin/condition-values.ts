import type { AttributeValue, Condition } from '@/lib/schemas/index.ts';

/** A value as typed: numbers and true/false become what they say, anything else stays text. */
function parseScalar(text: string): AttributeValue {
  const trimmed = text.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (trimmed !== '' && /^-?\d+(\.\d+)?$/.test(trimmed.replace(/[_\s]/g, ''))) {
    return Number(trimmed.replace(/[_\s]/g, ''));
  }
  return trimmed;
}

/** "in" takes a comma-separated list; every other operator one value. */
export function parseValue(op: Condition['op'], text: string): Condition['value'] {
  if (op === 'in')
    return text
      .split(',')
      .map(parseScalar)
      .filter((value) => value !== '');
  return parseScalar(text);
}

export function formatValue(value: Condition['value']): string {
  return Array.isArray(value) ? value.map(String).join(', ') : String(value);
}
