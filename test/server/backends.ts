import { randomBytes } from 'node:crypto';
import { openDb } from '../../server/db/open.ts';
import type { Db } from '../../server/db/types.ts';

export interface Backend {
  name: string;
  /** A fresh, migrated, empty database; closing it throws its data away. */
  open(): Promise<Db>;
}

const pglite: Backend = { name: 'pglite', open: () => openDb({ kind: 'memory' }) };

/** Each suite gets its own schema, so runs (and parallel files) never see each other's rows. */
function postgres(url: string): Backend {
  return {
    name: 'postgres',
    async open() {
      const schema = `gl_test_${randomBytes(6).toString('hex')}`;
      const db = await openDb({ kind: 'postgres', url, schema });
      return {
        ...db,
        async close() {
          await db.query(`DROP SCHEMA ${schema} CASCADE`);
          await db.close();
        },
      };
    },
  };
}

/** PGlite always; a real Postgres server too when DATABASE_URL is set. */
export const BACKENDS: Backend[] = process.env.DATABASE_URL
  ? [pglite, postgres(process.env.DATABASE_URL)]
  : [pglite];
