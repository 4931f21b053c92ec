import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { describeRoute } from 'hono-openapi';
import { CsvImportQuery, CsvImportReport } from '../../lib/schemas/csv.ts';
import { ADMIN_COLLECTION_NAMES } from '../../lib/schemas/index.ts';
import { exportCsv } from '../admin/csv-export.ts';
import { importCsv } from '../admin/csv-import.ts';
import type { Db } from '../db/types.ts';
import type { AuthEnv } from '../http/auth.ts';
import { ApiHttpError } from '../http/errors.ts';
import { errorResponses, jsonContent } from '../http/openapi.ts';
import { requireAdmin } from '../http/require-admin.ts';
import { adminWriteSource } from '../http/write-source.ts';

/**
 * A CSV of 50 000 accounts from a CRM export with a few dozen columns is tens of megabytes, far over
 * the JSON routes' limit (1 MB); the CSV import alone takes up to this much.
 */
const MAX_CSV_BYTES = 64 * 1024 * 1024;
export const CSV_IMPORT_PATH = /^\/v1\/admin\/import\//;

const csvLimit = bodyLimit({
  maxSize: MAX_CSV_BYTES,
  onError: () => {
    throw new ApiHttpError(
      413,
      'payload_too_large',
      `A CSV file may be at most ${MAX_CSV_BYTES / 1024 / 1024} MB.`,
    );
  },
});

const CSV_ERRORS = [400, 401, 403, 413, 429] as const;

/** CSV import (dry run or applied, all or nothing) and export, per collection (SPEC section 9). */
export function adminCsvRoutes(db: Db) {
  const routes = new Hono<AuthEnv>();
  routes.use('/admin/*', requireAdmin());
  for (const collection of ADMIN_COLLECTION_NAMES) {
    routes.post(
      `/admin/import/${collection}`,
      describeRoute({
        summary: `Import ${collection} from CSV`,
        description:
          'Headers map to fields by name (case, spaces and punctuation ignored, with the usual Salesforce and HubSpot export names); `map` overrides. With any problem nothing is applied (422).',
        parameters: [
          {
            name: 'dryRun',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: ['true', 'false'] },
          },
          {
            name: 'map',
            in: 'query',
            required: false,
            description:
              'JSON object: CSV header → field (e.g. {"Annual Revenue":"attr.arr"}), or null to leave a column out',
            schema: { type: 'string' },
          },
        ],
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
        responses: {
          200: {
            description: 'What the file did (or would do, for a dry run)',
            content: jsonContent(CsvImportReport),
          },
          422: {
            description: 'The file has problems; nothing was applied',
            content: jsonContent(CsvImportReport),
          },
          ...errorResponses(...CSV_ERRORS),
        },
      }),
      csvLimit,
      async (c) => {
        const query = CsvImportQuery.parse(c.req.query());
        const user = c.get('user');
        const report = await importCsv(db, collection, await c.req.text(), {
          actor: { id: user.id, name: user.name },
          source: adminWriteSource(c, 'csv'),
          dryRun: query.dryRun === 'true',
          ...(query.map === undefined ? {} : { map: query.map }),
        });
        return c.json(report, report.problems.length > 0 ? 422 : 200);
      },
    );
    routes.get(
      `/admin/export/${collection}.csv`,
      describeRoute({
        summary: `Export ${collection} as CSV`,
        description: 'Its header row is the import’s template: the file imports back unchanged.',
        responses: {
          200: {
            description: `Every row of ${collection}`,
            content: { 'text/csv': { schema: { type: 'string' } } },
          },
          ...errorResponses(401, 403, 429),
        },
      }),
      async (c) =>
        c.body(await exportCsv(db, collection), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${collection}.csv"`,
        }),
    );
  }
  return routes;
}
