import { Hono } from 'hono';
import { z } from 'zod';
import { OutcomesRequest } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import type { AuthEnv } from '../http/auth.ts';
import { ApiHttpError } from '../http/errors.ts';
import { applyOutcomes } from '../store/apply-outcomes.ts';
import { undoOutcome } from '../store/undo-outcome.ts';

const OutcomeId = z.uuid();

export function outcomesRoutes(db: Db) {
  return new Hono<AuthEnv>()
    .post('/outcomes', async (c) => {
      // The body limit has already buffered the whole body, so a failure here can only be bad JSON.
      const json: unknown = await c.req.json().catch(() => {
        throw new ApiHttpError(400, 'invalid_json', 'The request body is not valid JSON.');
      });
      const { outcomes } = OutcomesRequest.parse(json);
      return c.json(await applyOutcomes(db, c.get('user'), outcomes));
    })
    .delete('/outcomes/:id', async (c) => {
      const id = OutcomeId.parse(c.req.param('id'));
      const result = await undoOutcome(db, c.get('user'), id);
      // 404, not 403: nothing about another team's outcome (its account, its KR) is disclosed.
      if (result === null) throw new ApiHttpError(404, 'not_found', 'No such outcome.');
      return c.json(result);
    });
}
