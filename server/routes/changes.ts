import { Hono } from 'hono';
import { ChangesQuery } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { changesBody, readChanges } from '../feed/read.ts';
import type { AuthEnv } from '../http/auth.ts';

/** `?cursor=&limit=` as a client builds it with empty values means "not given". */
function param(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

export function changesRoutes(db: Db) {
  return new Hono<AuthEnv>().get('/changes', async (c) => {
    const query = ChangesQuery.parse({
      cursor: param(c.req.query('cursor')),
      limit: param(c.req.query('limit')),
    });
    const page = await readChanges(db, c.get('user'), query.cursor, query.limit);
    return c.body(changesBody(page), 200, { 'Content-Type': 'application/json' });
  });
}
