import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { ManagedPolicySchema } from '../../../lib/settings/policy.ts';

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

const managed = JSON.parse(
  readFileSync(new URL('../../../public/managed_schema.json', import.meta.url), 'utf8'),
) as JsonSchema;
const fromZod = z.toJSONSchema(ManagedPolicySchema) as JsonSchema;

/** Every property's type, as `path: type` lines, down through array items and nested objects. */
function shape(schema: JsonSchema, path = ''): string[] {
  const own = schema.type ? [`${path || '(root)'}: ${schema.type}`] : [];
  const items = schema.items ? shape(schema.items, `${path}[]`) : [];
  const properties = Object.entries(schema.properties ?? {}).flatMap(([key, child]) =>
    shape(child, path ? `${path}.${key}` : key),
  );
  return [...own, ...items, ...properties].sort();
}

describe('public/managed_schema.json', () => {
  test('describes exactly the policy the extension reads, with the same types', () => {
    expect(shape(managed)).toEqual(shape(fromZod));
  });

  test('documents every setting for the administrator', () => {
    for (const [key, property] of Object.entries(managed.properties ?? {})) {
      expect(property, key).toMatchObject({ title: expect.any(String), description: expect.any(String) });
    }
  });
});
