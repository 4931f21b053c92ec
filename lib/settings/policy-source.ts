import { NO_POLICY, type PolicyState, parsePolicy } from './policy.ts';

/** Reads the raw managed storage; the background passes the browser's, tests their own. */
type PolicyReader = () => Promise<unknown>;

let reader: PolicyReader = async () => ({});
let current: Promise<PolicyState> | undefined;

/** Where the policy comes from; read lazily, once, until it changes. */
export function setPolicySource(read: PolicyReader): void {
  reader = read;
  current = undefined;
}

/** The browser said the managed storage changed: the next read fetches it again. */
export function forgetPolicy(): void {
  current = undefined;
}

/**
 * The policy in force. Browsers without managed storage for the extension (no policy, no schema, a
 * Firefox without its native manifest) reject the read: that is simply no policy.
 */
export function currentPolicy(): Promise<PolicyState> {
  current ??= reader().then(parsePolicy, () => NO_POLICY);
  return current;
}
