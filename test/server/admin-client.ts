import type { Harness, USERS } from './fixtures.ts';

type Who = keyof typeof USERS;
// biome-ignore lint/suspicious/noExplicitAny: tests read response fields directly and assert on them.
type Json = any;

/** Calls the app as `who` with a JSON body. */
export async function adminCall(
  h: Harness,
  who: Who,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return h.app.request(path, {
    method,
    headers: { Authorization: `Bearer ${h.tokens[who]}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** PUT /v1/admin/:collection as the admin; returns status and parsed body. */
export async function putItems(
  h: Harness,
  collection: string,
  items: unknown[],
  query = '',
): Promise<{ status: number; body: Json }> {
  const response = await adminCall(h, 'admin', 'PUT', `/v1/admin/${collection}${query}`, { items });
  return { status: response.status, body: await response.json() };
}

/** POST /v1/admin/:collection/delete as the admin. */
export async function deleteIds(
  h: Harness,
  collection: string,
  ids: string[],
): Promise<{ status: number; body: Json }> {
  const response = await adminCall(h, 'admin', 'POST', `/v1/admin/${collection}/delete`, { ids });
  return { status: response.status, body: await response.json() };
}

export async function countRows(h: Harness, sql: string): Promise<number> {
  const [row] = await h.db.query<{ n: string | number }>(sql);
  return Number(row?.n);
}
