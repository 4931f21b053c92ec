import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { BrowserContext } from '@playwright/test';
import type { Dexie } from 'dexie';
import { crmRefKey } from '../../lib/cache/rows.ts';
import type { Account } from '../../lib/schemas/index.ts';
import { createPrng } from '../../server/seed/prng.ts';
import { withBaseline } from './baseline.ts';
import { extensionWorker } from './extension.ts';
import { type Figure, fromSamples } from './figures.ts';
import { KEEP_NAMES_SHIM } from './in-page.ts';
import { summarize } from './stats.ts';

const ACCOUNTS_LOOKED_UP = 1_000;
const WARMUP = 50;
const LOOKUP_METHOD =
  "In the extension's service worker (Playwright serviceWorker.evaluate), with the same Dexie build the " +
  "extension bundles loaded into it: `accountBlocks.where('refKeys').equals(key).first()` on the 'goal-lens' " +
  "database, then the account in that block whose refKeys hold the key: the panel's own account lookup, " +
  `timed one by one with performance.now() for the Salesforce and ` +
  `HubSpot keys of ${ACCOUNTS_LOOKED_UP} random accounts after ${WARMUP} warm-up lookups. The same keys ` +
  'through the bare IndexedDB index (`index.get`), interleaved with them, are its baseline (also in details.native).';

interface LookupTimes {
  dexie: number[];
  native: number[];
  missing: number;
}

/** Runs inside the service worker: both ways of looking each key up, interleaved so they share conditions. */
async function timeLookups(args: { keys: string[]; warmup: number }): Promise<LookupTimes> {
  const DexieClass = (self as unknown as { Dexie: new (name: string) => Dexie }).Dexie;
  const db = new DexieClass('goal-lens');
  await db.open();
  const native = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('goal-lens');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const nativeGet = (key: string) =>
    new Promise<unknown>((resolve, reject) => {
      const request = native
        .transaction('accountBlocks', 'readonly')
        .objectStore('accountBlocks')
        .index('refKeys')
        .get(key);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const times: LookupTimes = { dexie: [], native: [], missing: 0 };
  for (const [i, key] of args.keys.entries()) {
    const t0 = performance.now();
    const block = await db.table('accountBlocks').where('refKeys').equals(key).first();
    const found = block?.entries.find((entry: { account?: { refKeys: string[] } }) =>
      entry.account?.refKeys.includes(key),
    );
    const t1 = performance.now();
    await nativeGet(key);
    const t2 = performance.now();
    if (i < args.warmup) continue;
    if (!found) times.missing++;
    times.dexie.push(t1 - t0);
    times.native.push(t2 - t1);
  }
  db.close();
  native.close();
  return times;
}

export async function measureLookup(
  context: BrowserContext,
  extensionId: string,
  accounts: readonly Account[],
): Promise<Figure> {
  const prng = createPrng(42);
  const keys = Array.from({ length: ACCOUNTS_LOOKED_UP }, () =>
    (accounts[prng.int(0, accounts.length - 1)]?.crmRefs ?? []).map((ref) => crmRefKey(ref.crm, ref.id)),
  ).flat();
  const worker = await extensionWorker(context, extensionId);
  // A script evaluated through DevTools is not subject to the extension's CSP, so Dexie's UMD build loads.
  const dexieSource = await readFile(createRequire(import.meta.url).resolve('dexie/dist/dexie.js'), 'utf8');
  await worker.evaluate(`${KEEP_NAMES_SHIM}\n${dexieSource}\n;undefined`);
  const times = await worker.evaluate(timeLookups, {
    keys: keys.slice(0, WARMUP).concat(keys),
    warmup: WARMUP,
  });
  if (times.missing > 0) throw new Error(`${times.missing} of the looked-up accounts were not in the cache`);
  const native = summarize(times.native);
  return withBaseline(fromSamples('accountLookup', times.dexie, LOOKUP_METHOD, { native }), {
    label: 'bare IndexedDB get',
    value: native.p95,
    summary: native,
    method: "The same keys through the bare 'refKeys' index (`index.get`), each right after its lookup.",
  });
}
