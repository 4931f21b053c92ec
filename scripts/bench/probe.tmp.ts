import { userForToken } from '../../server/auth/tokens.ts';
import { readChanges } from '../../server/feed/read.ts';
import { createToken } from '../../server/index.ts';
import { startBenchBackend } from './backend.ts';
import { benchSnapshot } from './generate.ts';

const snap = benchSnapshot();
const b = await startBenchBackend((process.argv[2] as 'postgres') ?? 'postgres', snap);
console.log('imported', b.importSeconds);
const db = b.server.db;
for (const role of ['csm', 'lead']) {
  const u = snap.users.find((u) => u.role === role)!;
  const token = await createToken(db, u.email);
  let t = performance.now();
  const user = await userForToken(db, token);
  console.log(role, 'auth', Math.round(performance.now() - t));
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    const p = await readChanges(db, user!, undefined, 1000);
    console.log(role, 'page', Math.round(performance.now() - t), p.changesJson.length);
  }
}
await b.close();
