import { parseArgs } from 'node:util';
import type { Db } from '../db/types.ts';
import { deactivateUserByEmail } from '../sessions/deactivate.ts';
import { type StorageFlags, UsageError } from './storage.ts';

/** `deactivate --email <email>`: the person can no longer get in; what they logged stays. */
export async function runDeactivate(
  args: string[],
  withDb: <T>(flags: StorageFlags, fn: (db: Db) => Promise<T>) => Promise<T>,
): Promise<void> {
  let parsed: { values: { data?: string; email?: string }; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { data: { type: 'string' }, email: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  const email = values.email;
  if (!email) throw new UsageError('deactivate needs --email <email>');
  const { sessionsRevoked } = await withDb(values, (db) => deactivateUserByEmail(db, email));
  console.log(
    `Deactivated ${email}: ${sessionsRevoked} signed-in device(s) signed out, API tokens stopped. Their logged outcomes stay.`,
  );
}
