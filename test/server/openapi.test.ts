import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ADMIN_COLLECTION_NAMES } from '../../lib/schemas/index.ts';
import { adminCall } from './admin-client.ts';
import { BACKENDS } from './backends.ts';
import { account, QBRS } from './fixtures.ts';
import { outcome } from './outcome-client.ts';
import { suiteHarness } from './suite-harness.ts';

type Doc = { openapi: string; paths: Record<string, Record<string, OperationDoc>> };
type OperationDoc = {
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
};

// Formats are left to the server's own validation; the shapes and bounds are what is compared here.
const ajv = new Ajv2020({ strict: false, validateFormats: false });

/** The route table as Hono holds it, in OpenAPI's path syntax, without middleware. */
function appRoutes(app: { routes: { method: string; path: string }[] }): string[] {
  return (
    app.routes
      .filter((route) => route.method !== 'ALL')
      // These answer only "no such collection"; the document lists each real collection instead.
      .filter((route) => !route.path.includes(':collection'))
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
  );
}

const { updatedAt: _a, ...accountItem } = account('z1', 'u-east');
const { updatedAt: _k, ...krItem } = QBRS;

/** Bodies a route accepts, and bodies it refuses, with where they go. */
const SAMPLES: { method: string; path: string; body: unknown; ok: boolean }[] = [
  { method: 'put', path: '/v1/admin/accounts', body: { items: [accountItem] }, ok: true },
  { method: 'put', path: '/v1/admin/accounts', body: { items: [{ ...accountItem, tierId: 7 }] }, ok: false },
  {
    method: 'put',
    path: '/v1/admin/keyResults',
    body: { items: [{ ...krItem, current: 4, asOf: '2026-11-20T00:00:00Z' }] },
    ok: true,
  },
  { method: 'put', path: '/v1/admin/keyResults', body: { items: [{ ...krItem, unit: 'pints' }] }, ok: false },
  { method: 'put', path: '/v1/admin/teams', body: { items: [{ id: 'north', name: 'North' }] }, ok: true },
  { method: 'put', path: '/v1/admin/teams', body: { items: [{ id: 'north' }] }, ok: false },
  { method: 'post', path: '/v1/admin/metrics/delete', body: { ids: ['a1:nps'] }, ok: true },
  { method: 'post', path: '/v1/admin/metrics/delete', body: { ids: [] }, ok: false },
  { method: 'post', path: '/v1/outcomes', body: { outcomes: [outcome('lead')] }, ok: true },
  { method: 'post', path: '/v1/outcomes', body: { outcomes: [] }, ok: false },
  { method: 'post', path: '/v1/admin/invitations', body: { email: 'eve@example.com' }, ok: true },
  { method: 'post', path: '/v1/admin/invitations', body: { email: 'ana' }, ok: false },
];

describe.each(BACKENDS)('OpenAPI document on $name', (backend) => {
  const h = suiteHarness(backend);

  async function document(): Promise<Doc> {
    const response = await h.app.request('/openapi.json');
    expect(response.status).toBe(200);
    return (await response.json()) as Doc;
  }

  it('is OpenAPI 3.1 and lists every route of the app, each admin collection included', async () => {
    const doc = await document();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const routes = appRoutes(h.app as never);
    expect(routes.length).toBeGreaterThan(20);
    expect(documented.sort()).toEqual([...new Set(routes)].sort());
    for (const collection of ADMIN_COLLECTION_NAMES)
      expect(doc.paths[`/v1/admin/${collection}`]?.put).toBeDefined();
  });

  it('has request schemas that accept what the routes accept and refuse what they refuse', async () => {
    const doc = await document();
    for (const sample of SAMPLES) {
      const schema =
        doc.paths[sample.path]?.[sample.method]?.requestBody?.content['application/json']?.schema;
      expect(schema, `${sample.method} ${sample.path}`).toBeDefined();
      const valid = ajv.validate(schema as object, sample.body);
      const response = await adminCall(
        h,
        sample.path.startsWith('/v1/outcomes') ? 'lead' : 'admin',
        sample.method.toUpperCase(),
        sample.path,
        sample.body,
      );
      expect({ ...sample, valid, status: response.status }).toEqual({
        ...sample,
        valid: sample.ok,
        status: sample.ok ? 200 : 400,
      });
      if (sample.ok) {
        const answer =
          doc.paths[sample.path]?.[sample.method]?.responses['200']?.content?.['application/json']?.schema;
        expect(ajv.validate(answer as object, await response.json()), JSON.stringify(ajv.errors)).toBe(true);
      }
    }
  });
});
