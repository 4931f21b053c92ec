import type { z } from 'zod';

/** `['accounts', 3, 'attributes', 'arr']` → `accounts[3].attributes.arr`, the way people read JSON. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? '(root)' : out;
}

/** One line per problem, e.g. `accounts[3].attributes.arr: expected number, received string`. */
export function formatIssue(issue: z.core.$ZodIssue): string {
  return `${formatPath(issue.path)}: ${explain(issue)}`;
}

export function explain(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union') {
    // A union of scalars fails once per branch; name the accepted types together instead.
    const expected = issue.errors.map((branch) =>
      branch.length === 1 && branch[0]?.code === 'invalid_type' ? branch[0].expected : null,
    );
    if (expected.length > 0 && expected.every((type) => type !== null)) {
      const received = /received (\w+)/.exec(issue.errors[0]?.[0]?.message ?? '')?.[1];
      const list = `${expected.slice(0, -1).join(', ')} or ${expected.at(-1)}`;
      return `expected ${expected.length === 1 ? expected[0] : list}${received ? `, received ${received}` : ''}`;
    }
    return 'does not match any accepted shape';
  }
  return issue.message.replace(/^Invalid input: /, '');
}
