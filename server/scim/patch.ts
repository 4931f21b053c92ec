import { ScimError } from './errors.ts';

export interface PatchOperation {
  op: string;
  path?: string;
  value?: unknown;
}

/** One attribute change, after the provider's dialect is normalised. */
export interface AttributeChange {
  op: 'add' | 'replace' | 'remove';
  /** Lower-case SCIM path without filters, e.g. "active", "name.givenname", "emails", "members". */
  path: string;
  /** For `members[value eq "id"]`: the id in the filter. */
  filterValue?: string;
  value?: unknown;
}

/** Entra ID sends booleans as "True"/"False" strings. */
export function scimBoolean(value: unknown, what: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw new ScimError(400, `${what} must be true or false.`, 'invalidValue');
}

/**
 * Flattens PATCH operations: with a path (Entra ID: `{op: "Replace", path: "active", value: "False"}`)
 * or without one (Okta: `{op: "replace", value: {active: false}}`, one change per key of `value`).
 */
export function flattenPatch(operations: readonly PatchOperation[]): AttributeChange[] {
  const changes: AttributeChange[] = [];
  for (const operation of operations) {
    const op = operation.op?.toLowerCase();
    if (op !== 'add' && op !== 'replace' && op !== 'remove') {
      throw new ScimError(
        400,
        `Unknown PATCH op "${operation.op}"; use add, replace or remove.`,
        'invalidValue',
      );
    }
    if (operation.path) {
      const filtered = /^([A-Za-z.]+)\[\s*value\s+eq\s+"([^"]*)"\s*\](?:\.value)?$/i.exec(operation.path);
      if (filtered?.[1] && filtered[2] !== undefined) {
        changes.push({
          op,
          path: filtered[1].toLowerCase(),
          filterValue: filtered[2],
          value: operation.value,
        });
        continue;
      }
      // `emails[type eq "work"].value` names the one email Goal Lens keeps.
      const path = operation.path.replace(/\[[^\]]*\]/g, '').toLowerCase();
      changes.push({ op, path: path === 'emails.value' ? 'emails' : path, value: operation.value });
      continue;
    }
    if (op === 'remove') throw new ScimError(400, 'A remove operation needs a path.', 'noTarget');
    if (operation.value === null || typeof operation.value !== 'object' || Array.isArray(operation.value)) {
      throw new ScimError(400, 'A PATCH operation without a path needs an object value.', 'invalidValue');
    }
    for (const [key, value] of Object.entries(operation.value)) {
      changes.push({ op, path: key.toLowerCase(), value });
    }
  }
  return changes;
}
