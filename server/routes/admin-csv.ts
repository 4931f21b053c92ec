import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { CsvImportQuery } from '../../lib/schemas/csv.ts';
import { AdminCollection } from '../../lib/schemas/index.ts';
import { exportCsv } from '../admin/csv-export.ts';
import { importCsv } from '../admin/csv-import.ts';
import type { Db } from '../db/types.ts';
import type { AuthEnv } from '../http/auth.ts';
import { ApiHttpError } from '../http/errors.ts';

/**
 * A CSV of 50 000 accounts from a CRM export with a few dozen columns is tens of megabytes, far over
 * the JSON routes' limit; this route alone takes up to this much.
 */
export const MAX_CSV_BYTES = 64 * 1024 * 1024;
export const CSV_IMPORT_PATH = /^\/v1\/admin\/import\//;

const requireAdmin = createMiddleware<AuthEnv>(async (c, next) => {
  if (c.get('user').role !== 'admin') throw new ApiHttpError(403, 'forbidden', 'Only admins may do this.');
  await next();
});

function collectionOf(name: string): AdminCollection {
  const parsed = AdminCollection.safeParse(name);
  if (!parsed.success) {
    throw new ApiHttpError(
      404,
      'not_found',
      `No collection "${name}"; one of ${AdminCollection.options.join(', ')}.`,
    );
  }
  return parsed.data;
}

/** CSV import (dry run or applied, all or nothing) and export per collection (SPEC section 9). */
export function adminCsvRoutes(db: Db) {
  return new Hono<AuthEnv>()
    .use('/admin/*', requireAdmin)
    .post(
      '/admin/import/:collection',
      bodyLimit({
        maxSize: MAX_CSV_BYTES,
        onError: () => {
          throw new ApiHttpError(
            413,
            'payload_too_large',
            `A CSV file may be at most ${MAX_CSV_BYTES / 1024 / 1024} MB.`,
          );
        },
      }),
      async (c) => {
        const collection = collectionOf(c.req.param('collection'));
        const query = CsvImportQuery.parse(c.req.query());
        const user = c.get('user');
        const report = await importCsv(db, collection, await c.req.text(), {
          actor: { id: user.id, name: user.name },
          source: 'csv',
          dryRun: query.dryRun === 'true',
          ...(query.map === undefined ? {} : { map: query.map }),
        });
        return c.json(report, report.problems.length > 0 ? 422 : 200);
      },
    )
    .get('/admin/export/:file', async (c) => {
      const file = c.req.param('file');
      if (!file.endsWith('.csv'))
        throw new ApiHttpError(404, 'not_found', 'Exports are named <collection>.csv.');
      const collection = collectionOf(file.slice(0, -'.csv'.length));
      const csv = await exportCsv(db, collection);
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${collection}.csv"`,
      });
    });
}
