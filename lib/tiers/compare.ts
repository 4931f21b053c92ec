import type { AttributeValue, ComparisonOp, Condition } from '../schemas/entities.ts';
import { formatList, formatPair, formatRuleValue, formatScalar, kindName, type Subject } from './format.ts';

/** One comparison of an account's value with a rule's value, with the words that explain it. */
export interface Comparison {
  met: boolean;
  /** The account has no value: not met, and the reason says "unknown" rather than a false verdict. */
  missing: boolean;
  /** A whole sentence: "ARR $420k ≥ $250k", "seats 40 < 100", "ARR unknown". */
  reason: string;
  /** The subject's label, as used in the reason. */
  label: string;
  /** The account's value as shown in the reason; null when it is unknown or of the wrong kind. */
  actual: string | null;
  /** What the rule asks for: "≥ $250k", "is 'Enterprise'", "one of 'SMB', 'Mid-market'". */
  requirement: string;
}

type OrderOp = '>=' | '>' | '<=' | '<';

const SYMBOL: Record<OrderOp, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };
// A failed "≥" is a true "<": reasons state the relation that actually holds.
const NEGATION: Record<OrderOp, OrderOp> = { '>=': '<', '>': '<=', '<=': '>', '<': '>=' };
const HOLDS: Record<OrderOp, (a: number, b: number) => boolean> = {
  '>=': (a, b) => a >= b,
  '>': (a, b) => a > b,
  '<=': (a, b) => a <= b,
  '<': (a, b) => a < b,
};

/**
 * Text compares case-insensitively, ignoring surrounding spaces and Unicode composition: CRM
 * picklists and hand-typed fields say "Enterprise", "enterprise " or "ENTERPRISE" for the same
 * segment, and a tier must not flip on capitalisation.
 */
function normalizeText(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

function same(a: AttributeValue, b: AttributeValue): boolean {
  if (typeof a === 'string' && typeof b === 'string') return normalizeText(a) === normalizeText(b);
  return a === b;
}

function requirementOf(op: ComparisonOp, expected: Condition['value'], subject: Subject): string {
  if (op === 'in') {
    const list = Array.isArray(expected) ? expected : [expected];
    return list.length ? `one of ${formatList(list, subject.format)}` : 'one of an empty list';
  }
  const shown = formatRuleValue(expected, subject.format);
  if (op === '==') return `is ${shown}`;
  return op === '!=' ? `is not ${shown}` : `${SYMBOL[op]} ${shown}`;
}

function notComparable(subject: Subject, requirement: string, reason: string): Comparison {
  return { met: false, missing: false, reason, label: subject.label, actual: null, requirement };
}

function order(
  subject: Subject,
  op: OrderOp,
  actual: AttributeValue,
  expected: Condition['value'],
): Comparison {
  const requirement = requirementOf(op, expected, subject);
  if (typeof expected !== 'number') {
    const shown = formatRuleValue(expected, subject.format);
    return notComparable(subject, requirement, `rule compares ${subject.label} with ${shown}, not a number`);
  }
  if (typeof actual !== 'number') {
    const shown = formatScalar(actual, subject.format);
    return notComparable(subject, requirement, `${subject.label} is ${shown}, not a number`);
  }
  const met = HOLDS[op](actual, expected);
  const [a, b] = formatPair(actual, expected, subject.format);
  return {
    met,
    missing: false,
    reason: `${subject.label} ${a} ${SYMBOL[met ? op : NEGATION[op]]} ${b}`,
    label: subject.label,
    actual: a,
    requirement: `${SYMBOL[op]} ${b}`,
  };
}

function equality(
  subject: Subject,
  op: '==' | '!=',
  actual: AttributeValue,
  expected: Condition['value'],
): Comparison {
  const requirement = requirementOf(op, expected, subject);
  if (Array.isArray(expected)) {
    return notComparable(subject, requirement, `rule gives ${subject.label} a list for '${op}'; use 'in'`);
  }
  if (typeof actual !== typeof expected) {
    const shown = formatScalar(actual, subject.format);
    return notComparable(subject, requirement, `${subject.label} is ${shown}, not ${kindName(expected)}`);
  }
  const equal = same(actual, expected);
  const [a, b] =
    typeof actual === 'number' && typeof expected === 'number'
      ? formatPair(actual, expected, subject.format)
      : [formatScalar(actual, subject.format), formatScalar(expected, subject.format)];
  let reason = `${subject.label} is ${a}, not ${b}`;
  if (equal)
    reason = op === '==' ? `${subject.label} is ${a}` : `${subject.label} is ${a}, which is excluded`;
  return {
    met: op === '==' ? equal : !equal,
    missing: false,
    reason,
    label: subject.label,
    actual: a,
    requirement: `${op === '==' ? 'is' : 'is not'} ${b}`,
  };
}

function membership(subject: Subject, actual: AttributeValue, expected: Condition['value']): Comparison {
  // A single value is read as a one-item list: forgiving for hand-written tier configs.
  const list = Array.isArray(expected) ? expected : [expected];
  const requirement = requirementOf('in', list, subject);
  const shown = formatScalar(actual, subject.format);
  const sameKind = list.filter((item) => typeof item === typeof actual);
  if (list.length > 0 && sameKind.length === 0) {
    const kinds = [...new Set(list.map(kindName))].join(' or ');
    return notComparable(subject, requirement, `${subject.label} is ${shown}, not ${kinds}`);
  }
  const met = sameKind.some((item) => same(actual, item));
  const reason =
    list.length === 0
      ? `${subject.label} ${shown} is not in the rule's list, which is empty`
      : `${subject.label} ${shown} is ${met ? '' : 'not '}one of ${formatList(list, subject.format)}`;
  return { met, missing: false, reason, label: subject.label, actual: shown, requirement };
}

/**
 * Whether an account's value meets a rule's value, without the words: what `compare` decides, at the
 * cost of a comparison, for checking a whole book before anyone asks why.
 */
export function meets(
  op: ComparisonOp,
  actual: AttributeValue | null | undefined,
  expected: Condition['value'],
): boolean {
  if (actual === undefined || actual === null) return false;
  if (op === 'in') {
    const list = Array.isArray(expected) ? expected : [expected];
    return list.some((item) => typeof item === typeof actual && same(actual, item));
  }
  if (op === '==' || op === '!=') {
    if (Array.isArray(expected) || typeof actual !== typeof expected) return false;
    return same(actual, expected) === (op === '==');
  }
  return typeof expected === 'number' && typeof actual === 'number' && HOLDS[op](actual, expected);
}

/**
 * Compares an account's value (undefined or null when it has none) with a rule's value. Missing values
 * and values of the wrong kind never meet a rule, whatever the operator, `!=` included: a tier must
 * not be granted or refused on data nobody has, and the reason says so.
 */
export function compare(
  subject: Subject,
  op: ComparisonOp,
  actual: AttributeValue | null | undefined,
  expected: Condition['value'],
): Comparison {
  if (actual === undefined || actual === null) {
    const requirement = requirementOf(op, expected, subject);
    return {
      met: false,
      missing: true,
      reason: `${subject.label} unknown`,
      label: subject.label,
      actual: null,
      requirement,
    };
  }
  if (op === 'in') return membership(subject, actual, expected);
  if (op === '==' || op === '!=') return equality(subject, op, actual, expected);
  return order(subject, op, actual, expected);
}
