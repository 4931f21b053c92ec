import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import type { CacheDb } from '../../../lib/cache/db.ts';
import type { FieldReport } from '../../../lib/crm/read-page-account.ts';
import { readSelectorDiagnostics, recordSelectorReport } from '../../../lib/diagnostics/selector-store.ts';
import { freshCacheEachTest } from '../../fixtures/fresh-cache.ts';

const found = (field: FieldReport['field'], probe: string): FieldReport => ({
  field,
  found: true,
  tried: [{ probe, found: true }],
});
const missed = (field: FieldReport['field'], ...probes: string[]): FieldReport => ({
  field,
  found: false,
  tried: probes.map((probe) => ({ probe, found: false })),
});

let db: CacheDb;
freshCacheEachTest('selectors', (fresh) => {
  db = fresh;
});

test('keeps the latest result per CRM and field, failures first', async () => {
  const shape = '/main.aspx?etn=account&id&pagetype=entityrecord';
  await recordSelectorReport(
    db,
    {
      crm: 'salesforce',
      urlShape: '/lightning/r/Account/:id/view',
      fields: [found('name', 'h1'), found('website', 'a')],
    },
    new Date('2026-11-20T10:00:00Z'),
  );
  await recordSelectorReport(
    db,
    { crm: 'dynamics', urlShape: shape, fields: [found('name', 'h1'), found('website', 'input')] },
    new Date('2026-11-20T10:01:00Z'),
  );
  // Hundreds of page readings later, Dynamics' website field stopped matching.
  for (let i = 0; i < 200; i++) {
    await recordSelectorReport(
      db,
      {
        crm: 'dynamics',
        urlShape: shape,
        fields: [found('name', 'h1'), missed('website', 'input', 'field "Website"')],
      },
      new Date(Date.UTC(2026, 10, 21, 9, 0, i)),
    );
  }
  const { entries } = await readSelectorDiagnostics(db);
  expect(entries.map((e) => [e.crm, e.field, e.found, e.at])).toEqual([
    ['dynamics', 'website', false, '2026-11-21T09:03:19.000Z'],
    ['salesforce', 'name', true, '2026-11-20T10:00:00.000Z'],
    ['salesforce', 'website', true, '2026-11-20T10:00:00.000Z'],
    ['dynamics', 'name', true, '2026-11-21T09:03:19.000Z'],
  ]);
  expect(entries[0]).toMatchObject({
    urlShape: shape,
    tried: [
      { probe: 'input', found: false },
      { probe: 'field "Website"', found: false },
    ],
  });
});
