import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, test } from 'vitest';
import { BLOCK_SIZE } from '../../../lib/cache/account-blocks.ts';
import { findAccounts } from '../../../lib/cache/block-reader.ts';
import { CacheDb } from '../../../lib/cache/db.ts';
import { findAccount, type PageIdentity } from '../../../lib/panel/find-account.ts';
import type { Account, CrmName, Metric } from '../../../lib/schemas/entities.ts';
import { cacheAccounts } from '../../fixtures/cache-accounts.ts';
import { createFrozen, frozenVersion } from '../../fixtures/db/frozen.ts';
import { freshCacheEachTest } from '../../fixtures/fresh-cache.ts';

const account = (
  id: string,
  name: string,
  domain: string | undefined,
  crmRefs: Account['crmRefs'] = [],
): Account => ({
  id,
  name,
  ...(domain === undefined ? {} : { domain }),
  crmRefs,
  tierId: 'tier-1',
  attributes: {},
  updatedAt: '2026-11-01T00:00:00Z',
});

const ACCOUNTS: Account[] = [
  account('acc-acme', 'Acme Corporation', 'https://www.acme.example.com/', [
    { crm: 'salesforce', id: '001Dn00000Acme1IAB' },
  ]),
  account('acc-globex', 'Globex Industries', 'globex.example.com', [{ crm: 'hubspot', id: '10002' }]),
  // Two accounts share a website (two subsidiaries, one site) and two share a name.
  account('acc-umbrella-eu', 'Umbrella Europe', 'umbrella.example.com'),
  account('acc-umbrella-us', 'Umbrella Americas', 'umbrella.example.com'),
  account('acc-initech-1', 'Initech', undefined),
  account('acc-initech-2', '  INITECH ', 'initech-two.example.com'),
  account('acc-bucher', 'Bücher Verlag', 'bücher.example'),
  account('acc-pipedrive-linked', 'Linked Elsewhere', 'linked.example.com', [{ crm: 'pipedrive', id: '7' }]),
];

/** Metrics of accounts not synced yet, enough to fill the rest of a block. */
function unsynced(owner: string, count: number): Metric[] {
  return Array.from({ length: count }, (_, i) => ({
    accountId: `unsynced-${owner}-${i}`,
    key: 'nps',
    value: 0,
    asOf: '2026-11-01T00:00:00Z',
  }));
}

/** The same accounts cached side by side in one block, or each in a block of its own. */
const LAYOUTS: [string, (db: CacheDb) => Promise<void>][] = [
  ['one block', async (db) => void (await cacheAccounts(db, ACCOUNTS))],
  [
    'a block each',
    async (db) => {
      for (const a of ACCOUNTS) await cacheAccounts(db, [a], unsynced(a.id, BLOCK_SIZE - 1));
    },
  ],
];

describe.each(LAYOUTS)('findAccount, accounts in %s', (_layout, fill) => {
  let db: CacheDb;
  freshCacheEachTest('find-account', async (fresh) => {
    db = fresh;
    await fill(db);
  });

  test.each<[string, CrmName, string, PageIdentity, unknown]>([
    [
      'the record id wins over whatever the page shows',
      'salesforce',
      '001Dn00000Acme1',
      { domain: 'globex.example.com', name: 'Globex Industries' },
      { kind: 'found', id: 'acc-acme', match: { by: 'record' } },
    ],
    [
      'an unlinked record matches by website',
      'dynamics',
      'guid-1',
      { domain: 'acme.example.com', name: 'Someone Else' },
      { kind: 'found', id: 'acc-acme', match: { by: 'website', value: 'acme.example.com' } },
    ],
    [
      'the website is compared normalised on both sides',
      'pipedrive',
      '1',
      { domain: 'xn--bcher-kva.example' },
      { kind: 'found', id: 'acc-bucher', match: { by: 'website', value: 'xn--bcher-kva.example' } },
    ],
    [
      'without a website match, by exact name (case and spacing aside)',
      'zoho',
      '1',
      { domain: 'nowhere.example.com', name: 'globex   INDUSTRIES' },
      { kind: 'found', id: 'acc-globex', match: { by: 'name', value: 'globex   INDUSTRIES' } },
    ],
    ['a near-miss name is no match', 'zoho', '1', { name: 'Globex Industries, Inc.' }, { kind: 'none' }],
    [
      'two accounts with the website: none is picked',
      'close',
      'lead_1',
      { domain: 'umbrella.example.com', name: 'Umbrella Europe' },
      { kind: 'ambiguous', by: 'website', value: 'umbrella.example.com', count: 2 },
    ],
    [
      'two accounts with the name: none is picked',
      'copper',
      '1',
      { name: 'Initech' },
      { kind: 'ambiguous', by: 'name', value: 'Initech', count: 2 },
    ],
    [
      'an account linked to another record of the same CRM is not this record',
      'pipedrive',
      '8',
      { domain: 'linked.example.com', name: 'Linked Elsewhere' },
      { kind: 'none' },
    ],
    [
      'the same account is found from another CRM',
      'attio',
      'x',
      { domain: 'linked.example.com' },
      { kind: 'found', id: 'acc-pipedrive-linked', match: { by: 'website', value: 'linked.example.com' } },
    ],
    ['nothing read from the page, nothing linked', 'freshsales', '1', {}, { kind: 'none' }],
    [
      'a domain the background cannot normalise is ignored',
      'freshsales',
      '1',
      { domain: 'not a domain', name: 'Acme Corporation' },
      { kind: 'found', id: 'acc-acme', match: { by: 'name', value: 'Acme Corporation' } },
    ],
  ])('%s', async (_name, crm, recordId, page, expected) => {
    const found = await findAccount(db, crm, recordId, page);
    expect(
      found.kind === 'found' ? { kind: 'found', id: found.account.id, match: found.match } : found,
    ).toEqual(expected);
  });
});

describe('cache version 3', () => {
  test('accounts cached by version 2 get their website and name keys on upgrade', async () => {
    const name = `upgrade-${Math.random()}`;
    await createFrozen(name, {
      ...frozenVersion(2),
      rows: {
        accounts: ACCOUNTS.slice(0, 2).map((a) => ({
          ...a,
          refKeys: a.crmRefs.map((r) => `${r.crm}:${r.id}`),
        })),
      },
    });

    const upgraded = new CacheDb(name);
    try {
      const ids = (accounts: { id: string }[]) => accounts.map((a) => a.id);
      expect(ids(await findAccounts(upgraded, 'domainKeys', 'acme.example.com'))).toEqual(['acc-acme']);
      expect(ids(await findAccounts(upgraded, 'nameKeys', 'globex industries'))).toEqual(['acc-globex']);
      expect(await findAccount(upgraded, 'dynamics', 'g', { domain: 'globex.example.com' })).toMatchObject({
        kind: 'found',
        match: { by: 'website' },
      });
    } finally {
      upgraded.close();
      await Dexie.delete(name);
    }
  });
});
