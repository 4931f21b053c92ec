import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { ADMIN_COLLECTION_NAMES, ADMIN_COLLECTIONS, adminListResponse } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import type { AuthEnv } from '../http/auth.ts';
import { errorResponses, jsonContent } from '../http/openapi.ts';
import { requireAdmin } from '../http/require-admin.ts';
import { TABLES } from '../store/tables.ts';

/**
 * Every row of a collection as stored, provenance included: what the admin workspace edits, and the
 * `updatedAt` it sends back so a save never silently overwrites another admin's change.
 */
export function adminReadRoutes(db: Db) {
  const routes = new Hono<AuthEnv>();
  routes.use('/admin/*', requireAdmin());
  for (const collection of ADMIN_COLLECTION_NAMES) {
    routes.get(
      `/admin/${collection}`,
      describeRoute({
        summary: `Every row of ${collection}, in id order`,
        responses: {
          200: { description: `The ${collection}`, content: jsonContent(adminListResponse(collection)) },
          ...errorResponses(401, 403, 429),
        },
      }),
      async (c) => {
        const table = TABLES[ADMIN_COLLECTIONS[collection].type].table;
        const rows = await db.query<{ data: unknown }>(`SELECT data FROM ${table} ORDER BY id`);
        return c.json({ items: rows.map((row) => row.data) });
      },
    );
  }
  return routes;
}
