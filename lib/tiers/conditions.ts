import type { AttributeValue, Condition } from '../schemas/entities.ts';
import { type Comparison, compare, meets } from './compare.ts';
import { fieldSubject, HEALTH_FIELD } from './format.ts';

/** What a tier's criteria can see of an account. */
export interface ConditionContext {
  /** The account's attributes (arr, seats, segment, plan...), as synced. */
  attributes: Readonly<Record<string, AttributeValue>>;
  /**
   * The account's health score 0–100, for conditions on `health`; null when the account has no
   * metrics. When given it wins over an attribute of the same name, because it is computed from
   * the current metrics. Left out, `health` is read from the attributes like any other field.
   */
  health?: number | null;
}

export interface ConditionResult extends Comparison {
  condition: Condition;
}

function fieldValue(field: string, context: ConditionContext): AttributeValue | null | undefined {
  if (field === HEALTH_FIELD && context.health !== undefined) return context.health;
  // Own keys only: a field named "constructor" or "__proto__" must read as unknown, not as Object's.
  return Object.hasOwn(context.attributes, field) ? context.attributes[field] : undefined;
}

/** Field names are matched exactly: attribute keys are identifiers, not display text. */
export function evaluateCondition(condition: Condition, context: ConditionContext): ConditionResult {
  const subject = fieldSubject(condition.field);
  const comparison = compare(subject, condition.op, fieldValue(condition.field, context), condition.value);
  return { condition, ...comparison };
}

/** Whether the account meets the condition, without the words of `evaluateCondition`. */
export function conditionMet(condition: Condition, context: ConditionContext): boolean {
  return meets(condition.op, fieldValue(condition.field, context), condition.value);
}
