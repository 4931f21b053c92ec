import type { User } from '../../lib/schemas/index.ts';

/**
 * SQL for a feed row's `data` as one reader may see it, over the feed row's `type`, `entity_id` and
 * `data`. Rows are stored once per audience, so what differs between readers of the same audience is
 * cut here: a key result names only the accounts the reader can read (`$audiences`), and a user's
 * email goes only to their own team (and to themselves). Leads and admins see rows as stored.
 * Returns the expression and the parameters it adds, numbered from `first`.
 */
export function readerDataSql(
  reader: Pick<User, 'id' | 'role' | 'teamId'>,
  audiences: string[] | null,
  first: number,
): { sql: string; params: unknown[] } {
  if (audiences === null) return { sql: 'data', params: [] };
  const [visible, self, team] = [`$${first}`, `$${first + 1}`, `$${first + 2}`];
  // Only the rows that are cut go through jsonb; the rest are sent as the text they were stored as.
  return {
    sql: `CASE
      WHEN type = 'keyResult' AND json_typeof(data->'scope'->'accountIds') = 'array' THEN
        jsonb_set(data::jsonb, '{scope,accountIds}', COALESCE((
          SELECT jsonb_agg(named.id ORDER BY named.n)
          FROM json_array_elements_text(data->'scope'->'accountIds') WITH ORDINALITY AS named(id, n)
          WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.id = named.id AND a.audience = ANY(${visible}))
        ), '[]'::jsonb))::json
      WHEN type = 'user' AND entity_id <> ${self} AND COALESCE(data->>'teamId' <> ${team}, true) THEN
        (data::jsonb - 'email')::json
      ELSE data
    END`,
    params: [audiences, reader.id, reader.teamId ?? null],
  };
}
