import { exactAdd } from '../../lib/okr/exact-add.ts';
import type { KeyResult } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';

/** A key result as a writer sends it: `current` and `asOf` optional, no server-set fields. */
export type KeyResultInput = Omit<
  KeyResult,
  'current' | 'measurement' | 'source' | 'updatedBy' | 'updatedAt'
> & {
  current?: number;
  asOf?: string;
};

type ResolvedKeyResult = Omit<KeyResult, 'source' | 'updatedBy' | 'updatedAt'>;

/**
 * Whether an outcome the backend received at `loggedAt` moves its key result: one logged at or before
 * the KR's last measurement is taken to be inside it (SPEC section 9, "A key result's value"). The
 * backend's own receipt time is used, not the client's `occurredAt`: it is on the same clock as a
 * measurement stamped "now", and an outcome that reaches the backend after a measurement was taken
 * cannot be in it.
 */
export function countsTowardCurrent(kr: Pick<KeyResult, 'measurement'>, loggedAt: string): boolean {
  return kr.measurement === undefined || Date.parse(loggedAt) > Date.parse(kr.measurement.asOf);
}

/**
 * The database's clock, read inside the writer's transaction: outcomes are stamped by the same clock
 * when they arrive, so "after the measurement" compares like with like.
 */
export async function databaseNow(tx: Db): Promise<string> {
  const [row] = await tx.query<{ now: Date | string }>('SELECT clock_timestamp() AS now');
  return new Date(row?.now ?? Date.now()).toISOString();
}

/**
 * A measured value plus the outcomes after it, added exactly as outcomes are applied, so a measurement
 * and the outcomes since it come to the same value the outcomes route would have reached.
 */
function valueAfter(measured: number, deltas: readonly number[]): number {
  let value = measured;
  // Deltas within their limits always have an exact sum; the float sum only guards a corrupt row.
  for (const delta of deltas) value = exactAdd(value, delta) ?? value + delta;
  return value;
}

/**
 * The key results to store for these writes. A write that carries `current` is a measurement as of
 * `asOf`; without `asOf` it is as of `now`, unless it repeats the stored measurement's value, which
 * keeps its moment, so sending the same batch again changes nothing. Outcomes the backend received
 * after the measurement still add to it, so a re-import never erases what reps logged since. A write without
 * `current` keeps the stored value (or starts a new KR at `start`).
 */
export async function resolveKeyResults(
  tx: Db,
  writes: readonly KeyResultInput[],
  stored: ReadonlyMap<string, KeyResult>,
  now: string,
): Promise<ResolvedKeyResult[]> {
  const measured = writes.map((write) => {
    if (write.current === undefined) return undefined;
    const previous = stored.get(write.id)?.measurement;
    const asOf = write.asOf ?? (previous?.value === write.current ? previous.asOf : now);
    return { value: write.current, asOf };
  });
  const later = await deltasAfter(
    tx,
    writes.flatMap((write, i) => {
      const measurement = measured[i];
      return measurement === undefined ? [] : [{ id: write.id, asOf: measurement.asOf }];
    }),
  );
  return writes.map((write, i) => {
    const { current: _current, asOf: _asOf, ...rest } = write;
    const measurement = measured[i];
    if (measurement !== undefined) {
      const current = valueAfter(measurement.value, later.get(write.id) ?? []);
      return { ...rest, current, measurement };
    }
    const previous = stored.get(write.id);
    if (previous === undefined) return { ...rest, current: write.start };
    return {
      ...rest,
      current: previous.current,
      ...(previous.measurement === undefined ? {} : { measurement: previous.measurement }),
    };
  });
}

/** Per key result, the deltas of its live outcomes received after `asOf`, in the order applied. */
async function deltasAfter(
  tx: Db,
  measurements: readonly { id: string; asOf: string }[],
): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (measurements.length === 0) return out;
  const rows = await tx.query<{ id: string; delta: number }>(
    `SELECT m.id, (o.data->>'delta')::float8 AS delta
     FROM jsonb_to_recordset($1::jsonb) AS m(id text, as_of timestamptz)
     JOIN outcomes o ON o.key_result_id = m.id AND o.undone_at IS NULL
       AND o.created_at > m.as_of
     ORDER BY o.created_at, o.id`,
    [JSON.stringify(measurements.map((m) => ({ id: m.id, as_of: m.asOf })))],
  );
  for (const row of rows) {
    const list = out.get(row.id) ?? [];
    list.push(Number(row.delta));
    out.set(row.id, list);
  }
  return out;
}
