import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { ChangesQuery, ChangesResponse } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { changesResponseBody } from '../feed/body.ts';
import { readChanges } from '../feed/read.ts';
import type { AdmissionEnv } from '../http/admission.ts';
import type { AuthEnv } from '../http/auth.ts';
import { errorResponses, jsonContent } from '../http/openapi.ts';

/** `?cursor=&limit=` as a client builds it with empty values means "not given". */
function param(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

export function changesRoutes(db: Db) {
  const doc = describeRoute({
    summary: 'The change feed, a page at a time',
    parameters: [
      { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
      { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 5000 } },
    ],
    responses: {
      200: { description: 'A page of changes', content: jsonContent(ChangesResponse) },
      ...errorResponses(400, 401, 410, 429, 503),
    },
  });
  return new Hono<AuthEnv & AdmissionEnv>().get('/changes', doc, async (c) => {
    const query = ChangesQuery.parse({
      cursor: param(c.req.query('cursor')),
      limit: param(c.req.query('limit')),
    });
    const page = await readChanges(db, c.get('user'), query.cursor, query.limit);
    return c.body(changesResponseBody(page, c.get('holdPlace')), 200, { 'Content-Type': 'application/json' });
  });
}
