import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import {
  OutcomesEnvelope,
  OutcomesRequest,
  OutcomesResponse,
  UndoResponse,
} from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import type { AuthEnv } from '../http/auth.ts';
import { ApiHttpError } from '../http/errors.ts';
import { errorResponses, jsonContent } from '../http/openapi.ts';
import { applyOutcomes } from '../store/apply-outcomes.ts';
import { undoOutcome } from '../store/undo-outcome.ts';
import { checkItem } from './outcome-items.ts';

/** Lowercased, like the ids of POST, so either spelling of a UUID names the same outcome. */
const OutcomeId = z.uuid().transform((id) => id.toLowerCase());

export function outcomesRoutes(db: Db) {
  return new Hono<AuthEnv>()
    .post(
      '/outcomes',
      describeRoute({
        summary: 'Log outcomes against key results (at most 100 per call)',
        requestBody: { required: true, content: jsonContent(OutcomesRequest) },
        responses: {
          200: {
            description: 'Each outcome applied, a duplicate, or rejected with a reason',
            content: jsonContent(OutcomesResponse),
          },
          ...errorResponses(400, 401, 413, 429, 503),
        },
      }),
      async (c) => {
        // The body limit has already buffered the whole body, so a failure here can only be bad JSON.
        const json: unknown = await c.req.json().catch(() => {
          throw new ApiHttpError(400, 'invalid_json', 'The request body is not valid JSON.');
        });
        const items = OutcomesEnvelope.parse(json).outcomes.map(checkItem);
        const valid = items.flatMap((item) => ('outcome' in item ? [item] : []));
        const applied =
          valid.length === 0
            ? { results: [], keyResults: [] }
            : await applyOutcomes(
                db,
                c.get('user'),
                valid.map((item) => item.outcome),
              );
        let next = 0;
        const results = items.map((item) => {
          if ('result' in item) return item.result;
          const verdict = applied.results[next++];
          if (verdict === undefined) throw new Error('a valid outcome was left without a verdict');
          // The id as the client sent it, so it can match the answer to what it queued.
          return { ...verdict, id: item.sentId };
        });
        return c.json({ results, keyResults: applied.keyResults } satisfies OutcomesResponse);
      },
    )
    .delete(
      '/outcomes/:id',
      describeRoute({
        summary: 'Undo an outcome once (the logger or an admin)',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        responses: {
          200: {
            description: 'The outcome undone (or already undone, or revoked)',
            content: jsonContent(UndoResponse),
          },
          ...errorResponses(400, 401, 403, 422, 429),
        },
      }),
      async (c) => {
        const sentId = c.req.param('id');
        const result = await undoOutcome(db, c.get('user'), OutcomeId.parse(sentId));
        return c.json({ ...result, id: sentId });
      },
    );
}
