import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../server/db/migrate.ts';
import { MIGRATIONS } from '../../server/db/migrations.ts';
import { openPglite } from '../../server/db/pglite.ts';
import { openPostgres } from '../../server/db/postgres.ts';
import type { Db } from '../../server/db/types.ts';

/** An unmigrated database, and how to throw it away. */
const RAW: { name: string; open(): Promise<{ db: Db; drop(): Promise<void> }> }[] = [
  {
    name: 'pglite',
    async open() {
      const db = await openPglite();
      return { db, drop: () => db.close() };
    },
  },
  ...(process.env.DATABASE_URL
    ? [
        {
          name: 'postgres',
          async open() {
            const schema = `gl_test_${randomBytes(6).toString('hex')}`;
            const db = await openPostgres(process.env.DATABASE_URL as string, schema);
            return {
              db,
              drop: async () => {
                await db.query(`DROP SCHEMA ${schema} CASCADE`);
                await db.close();
              },
            };
          },
        },
      ]
    : []),
];

describe.each(RAW)('SCIM groups made before teams, upgraded on $name', (backend) => {
  let raw: Awaited<ReturnType<(typeof RAW)[number]['open']>>;
  beforeAll(async () => {
    raw = await backend.open();
  });
  afterAll(() => raw.drop());

  it('become teams with their names and external ids, in the feed', async () => {
    const { db } = raw;
    await migrate(
      db,
      MIGRATIONS.filter((migration) => migration.version <= 5),
    );
    await db.query(
      `INSERT INTO scim_groups (id, display_name, external_id) VALUES ('g1', 'Support', 'ext-1')`,
    );
    await db.query(
      `INSERT INTO users (id, email, role, team_id, data) VALUES ('u1', 'u1@example.com', 'csm', 'g1',
       '{"id":"u1","name":"U One","email":"u1@example.com","role":"csm","teamId":"g1"}')`,
    );
    await migrate(db);

    const teams = await db.query<{ data: unknown; scim_external_id: string }>(
      'SELECT data, scim_external_id FROM teams',
    );
    expect(teams).toEqual([
      { data: { id: 'g1', name: 'Support', source: 'scim' }, scim_external_id: 'ext-1' },
    ]);
    const feed = await db.query("SELECT entity_id, audience, op, data FROM changes WHERE type = 'team'");
    expect(feed).toEqual([
      {
        entity_id: 'g1',
        audience: 'everyone',
        op: 'put',
        data: { id: 'g1', name: 'Support', source: 'scim' },
      },
    ]);
    const [left] = await db.query<{ name: string | null }>("SELECT to_regclass('scim_groups') AS name");
    expect(left?.name).toBeNull();
  });
});
