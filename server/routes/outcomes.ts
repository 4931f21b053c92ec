import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { OutcomesRequest, OutcomesResponse, UndoResponse } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import type { AuthEnv } from '../http/auth.ts';
import { ApiHttpError } from '../http/errors.ts';
import { errorResponses, jsonContent } from '../http/openapi.ts';
import { applyOutcomes } from '../store/apply-outcomes.ts';
import { undoOutcome } from '../store/undo-outcome.ts';

const OutcomeId = z.uuid();

export function outcomesRoutes(db: Db) {
  return new Hono<AuthEnv>()
    .post(
      '/outcomes',
      describeRoute({
        summary: 'Log outcomes against key results (at most 100 per call)',
        requestBody: { required: true, content: jsonContent(OutcomesRequest) },
        responses: {
          200: {
            description: 'Each outcome applied, a duplicate, or rejected',
            content: jsonContent(OutcomesResponse),
          },
          ...errorResponses(400, 401, 413, 429),
        },
      }),
      async (c) => {
        // The body limit has already buffered the whole body, so a failure here can only be bad JSON.
        const json: unknown = await c.req.json().catch(() => {
          throw new ApiHttpError(400, 'invalid_json', 'The request body is not valid JSON.');
        });
        const { outcomes } = OutcomesRequest.parse(json);
        return c.json(await applyOutcomes(db, c.get('user'), outcomes));
      },
    )
    .delete(
      '/outcomes/:id',
      describeRoute({
        summary: 'Undo an outcome once',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        responses: {
          200: {
            description: 'The outcome undone (or already undone, or revoked)',
            content: jsonContent(UndoResponse),
          },
          ...errorResponses(400, 401, 404, 422, 429),
        },
      }),
      async (c) => {
        const id = OutcomeId.parse(c.req.param('id'));
        const result = await undoOutcome(db, c.get('user'), id);
        // 404, not 403: nothing about another team's outcome (its account, its KR) is disclosed.
        if (result === null) throw new ApiHttpError(404, 'not_found', 'No such outcome.');
        return c.json(result);
      },
    );
}
