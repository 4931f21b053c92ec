import { fieldsOf } from '../../lib/csv/fields.ts';
import { toCsv } from '../../lib/csv/write.ts';
import { ADMIN_COLLECTIONS, type AdminCollection } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { TABLES } from '../store/tables.ts';

type Stored = Record<string, unknown>;

/**
 * A stored entity as a row to edit and import again. Owners are written as their email, which people
 * recognise and the import resolves back to the same user. A key result is written as its last
 * measurement (`current` as of `asOf`): importing that again is no new measurement, and outcomes
 * logged since it keep adding to it.
 */
function asRow(collection: AdminCollection, entity: Stored, emailOf: ReadonlyMap<string, string>): Stored {
  const row = { ...entity };
  if (typeof row.ownerId === 'string') row.ownerId = emailOf.get(row.ownerId) ?? row.ownerId;
  if (collection === 'keyResults') {
    const measurement = row.measurement as { value: number; asOf: string } | undefined;
    if (measurement) {
      row.current = measurement.value;
      row.asOf = measurement.asOf;
    }
  }
  return row;
}

/** The whole collection as CSV, in id order; its header row is the import's template. */
export async function exportCsv(db: Db, collection: AdminCollection): Promise<string> {
  const spec = ADMIN_COLLECTIONS[collection];
  const rows = await db.query<{ data: Stored }>(`SELECT data FROM ${TABLES[spec.type].table} ORDER BY id`);
  const users = await db.query<{ id: string; email: string }>(
    `SELECT id, data->>'email' AS email FROM users`,
  );
  const emailOf = new Map(users.map((user) => [user.id, user.email]));
  return toCsv(
    fieldsOf(spec.schema),
    rows.map((row) => asRow(collection, row.data, emailOf)),
  );
}
