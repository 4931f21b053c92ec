import type { Rule } from '../schemas/entities.ts';
import {
  type ConditionContext,
  type ConditionResult,
  conditionMet,
  evaluateCondition,
} from './conditions.ts';

export interface RuleResult {
  met: boolean;
  /**
   * The conditions that decided the verdict. Met: every `all` condition and the `any` conditions
   * that hold. Not met: the failing `all` conditions, plus every `any` condition when none held.
   */
  decisive: ConditionResult[];
}

/**
 * `all`: every condition holds; `any`: at least one does; both: both hold. A rule with neither is
 * met by every account (the catch-all lowest tier). An empty `any` list counts as absent rather than
 * as "one of nothing", which would make the tier silently unreachable. Every condition is evaluated,
 * not short-circuited, so reasons are complete.
 */
export function evaluateRule(rule: Rule, context: ConditionContext): RuleResult {
  const all = (rule.all ?? []).map((condition) => evaluateCondition(condition, context));
  const any = (rule.any ?? []).map((condition) => evaluateCondition(condition, context));
  const allMet = all.every((result) => result.met);
  const anyMet = any.length === 0 || any.some((result) => result.met);
  const met = allMet && anyMet;
  const decisive = met
    ? [...all, ...any.filter((result) => result.met)]
    : [...all.filter((result) => !result.met), ...(anyMet ? [] : any)];
  return { met, decisive };
}

/** `evaluateRule(...).met` without evaluating every condition or writing any reason. */
export function ruleMet(rule: Rule, context: ConditionContext): boolean {
  const allMet = (rule.all ?? []).every((condition) => conditionMet(condition, context));
  const any = rule.any ?? [];
  return allMet && (any.length === 0 || any.some((condition) => conditionMet(condition, context)));
}

/** Whether any condition of the rule reads `field`. */
export function ruleReads(rule: Rule, field: string): boolean {
  return [...(rule.all ?? []), ...(rule.any ?? [])].some((condition) => condition.field === field);
}
