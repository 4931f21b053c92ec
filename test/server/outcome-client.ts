import { randomUUID } from 'node:crypto';
import { type Outcome, OutcomesResponse, UndoResponse } from '../../lib/schemas/index.ts';
import { type Harness, USERS } from './fixtures.ts';

type Who = keyof typeof USERS;

/** An outcome by `who` on k1 and a1 (east's account, linked through its tier), with a fresh id. */
export function outcome(who: Who, overrides: Partial<Outcome> = {}): Outcome {
  return {
    id: randomUUID(),
    keyResultId: 'k1',
    accountId: 'a1',
    delta: 1,
    loggedBy: USERS[who].id,
    occurredAt: '2026-11-16T10:00:00.000Z',
    ...overrides,
  };
}

async function call(h: Harness, who: Who, method: string, path: string, body?: unknown): Promise<Response> {
  return h.app.request(path, {
    method,
    headers: { Authorization: `Bearer ${h.tokens[who]}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

/** POST /v1/outcomes as raw HTTP, for the error paths. */
export function postRaw(h: Harness, who: Who, body: unknown): Promise<Response> {
  return call(h, who, 'POST', '/v1/outcomes', body);
}

/** POST /v1/outcomes, expecting 200 and a body that matches the wire schema. */
export async function post(h: Harness, who: Who, outcomes: Outcome[]): Promise<OutcomesResponse> {
  const response = await postRaw(h, who, { outcomes });
  if (response.status !== 200) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
  return OutcomesResponse.parse(await response.json());
}

export function deleteRaw(h: Harness, who: Who, id: string): Promise<Response> {
  return call(h, who, 'DELETE', `/v1/outcomes/${encodeURIComponent(id)}`);
}

/** DELETE /v1/outcomes/:id, expecting 200 and a body that matches the wire schema. */
export async function undo(h: Harness, who: Who, id: string): Promise<UndoResponse> {
  const response = await deleteRaw(h, who, id);
  if (response.status !== 200)
    throw new Error(`DELETE answered ${response.status}: ${await response.text()}`);
  return UndoResponse.parse(await response.json());
}

/** The KR's stored `current`, read straight from the database. */
export async function currentOf(h: Harness, keyResultId: string): Promise<number> {
  const [row] = await h.db.query<{ current: number }>(
    `SELECT (data->>'current')::float8 AS current FROM key_results WHERE id = $1`,
    [keyResultId],
  );
  if (row === undefined) throw new Error(`no key result ${keyResultId}`);
  return Number(row.current);
}
