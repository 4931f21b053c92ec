import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createToken, UnknownUserError } from '../../server/auth/tokens.ts';
import type { Db } from '../../server/db/types.ts';
import { importSnapshot } from '../../server/import.ts';
import { BACKENDS } from './backends.ts';
import { smallSnapshot, USERS } from './fixtures.ts';

describe.each(BACKENDS)('tokens on $name', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
    await importSnapshot(db, smallSnapshot());
  });
  afterAll(() => db.close());

  it('issues a random token that authenticates its user, storing only its SHA-256', async () => {
    const token = await createToken(db, 'EVE@example.com');
    const other = await createToken(db, USERS.east.email);
    expect(token).toMatch(/^glk_[A-Za-z0-9_-]{43}$/);
    expect(other).not.toBe(token);

    const stored = await db.query<{ hash: string; user_id: string }>('SELECT hash, user_id FROM api_tokens');
    const hash = createHash('sha256').update(token).digest('hex');
    expect(stored).toContainEqual({ hash, user_id: USERS.east.id });
    expect(JSON.stringify(stored)).not.toContain(token);

    const app = createApp(db);
    const response = await app.request('/v1/me', { headers: { Authorization: `Bearer ${token}` } });
    expect((await response.json()).user.id).toBe(USERS.east.id);
  });

  it('refuses an email no user has', async () => {
    await expect(createToken(db, 'nobody@example.com')).rejects.toBeInstanceOf(UnknownUserError);
  });
});
