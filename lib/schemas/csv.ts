import { z } from 'zod';

/** One problem with a CSV file: its 1-based line, the column's header (null for the whole line), what is wrong. */
export const CsvProblem = z.object({
  line: z.number().int().min(0),
  column: z.string().nullable(),
  message: z.string(),
});

/** The answer to `POST /v1/admin/import/:collection` (200, or 422 with problems and nothing applied). */
export const CsvImportReport = z.object({
  dryRun: z.boolean(),
  counts: z.object({
    created: z.number().int().min(0),
    updated: z.number().int().min(0),
    unchanged: z.number().int().min(0),
  }),
  problems: z.array(CsvProblem),
  ignoredColumns: z.array(z.string()),
});
export type CsvImportReport = z.infer<typeof CsvImportReport>;

/** The import's query: `dryRun=true|false` (default false), `map` a JSON object of CSV header → field. */
export const CsvImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false'),
  map: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      try {
        return z.record(z.string(), z.string().nullable()).parse(JSON.parse(text));
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: 'map must be a JSON object of CSV header → field name (or null)',
        });
        return z.NEVER;
      }
    }),
});
