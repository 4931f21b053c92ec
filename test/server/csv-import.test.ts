import { describe, expect, it } from 'vitest';
import { BACKENDS } from './backends.ts';
import { feedSize, importCsvText, readFixture, storedAccounts } from './csv-client.ts';
import { suiteHarness } from './suite-harness.ts';

// Existing accounts a1…n1 carry HubSpot records "1"…; the fixtures' Salesforce ids are 15-char.
const ACME = 'salesforce-001Wj00000tQWvrIAG';

describe.each(BACKENDS)('CSV import on $name', (backend) => {
  const h = suiteHarness(backend);

  it('imports a Salesforce report export with no configuration, after a dry run that writes nothing', async () => {
    const csv = await readFixture('salesforce-accounts.csv');
    const feed = await feedSize(h.db);
    const dry = await importCsvText(h, 'accounts', csv, { dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({
      dryRun: true,
      counts: { created: 4, updated: 0, unchanged: 0 },
      problems: [],
      ignoredColumns: ['Last Modified Date'],
    });
    expect(await feedSize(h.db)).toBe(feed);
    expect((await storedAccounts(h.db)).has(ACME)).toBe(false);

    const applied = await importCsvText(h, 'accounts', csv);
    expect(applied.status).toBe(200);
    expect(applied.body.counts).toEqual({ created: 4, updated: 0, unchanged: 0 });
    const accounts = await storedAccounts(h.db);
    expect(accounts.get(ACME)).toMatchObject({
      name: 'Acme Corporation',
      domain: 'acme-corp.example',
      crmRefs: [{ crm: 'salesforce', id: '001Wj00000tQWvrIAG' }],
      ownerId: 'u-east',
      tierId: 't1',
      attributes: {
        arr: 240_000,
        annualRevenue: 1_250_000,
        employees: 5200,
        type: 'Customer - Direct',
        industry: 'Technology',
        country: 'United States',
      },
      source: 'csv',
      updatedBy: 'u-admin',
    });
    expect(accounts.get('salesforce-001Wj00000uXyZaIAK')?.name).toBe('Umbrella "Health" Group');

    const again = await importCsvText(h, 'accounts', csv);
    expect(again.body.counts).toEqual({ created: 0, updated: 0, unchanged: 4 });
  });

  it('imports a HubSpot companies export, updating the account that already has its record', async () => {
    const { status, body } = await importCsvText(h, 'accounts', await readFixture('hubspot-companies.csv'));
    expect(status).toBe(200);
    expect(body.counts).toEqual({ created: 2, updated: 1, unchanged: 0 });
    expect(body.ignoredColumns).toEqual(['Create Date', 'Phone Number', 'Last Activity Date', 'City']);
    const accounts = await storedAccounts(h.db);
    // a4 carries HubSpot record 4: renamed, its other attributes and tier kept.
    expect(accounts.get('a4')).toMatchObject({
      name: 'Acme Renamed Ltd',
      domain: 'acme-renamed.example',
      tierId: 't1',
      ownerId: 'u-east',
      attributes: {
        arr: 1000,
        segment: 'smb',
        employees: 250,
        annualRevenue: 5_000_000,
        industry: 'COMPUTER_SOFTWARE',
      },
    });
    expect(accounts.get('hubspot-31415926')).toMatchObject({
      name: 'Hooli',
      ownerId: 'u-west',
      tierId: 't1',
    });
    expect(accounts.get('hubspot-27182818')?.ownerId).toBeUndefined();
  });

  it('reads an Excel file from a decimal-comma locale', async () => {
    const { status, body } = await importCsvText(h, 'accounts', await readFixture('excel-semicolon.csv'));
    expect(body.problems).toEqual([]);
    expect(status).toBe(200);
    const accounts = await storedAccounts(h.db);
    expect(accounts.get('x1')).toMatchObject({
      name: "Société Générale d'Exemple",
      renewalDate: '2027-03-31',
      ownerId: 'u-east',
      tierId: 't1',
      attributes: { arr: 1_250_000, seats: 1200, notes: 'first line\r\nsecond line; still the same cell' },
    });
    expect(accounts.get('x2')).toMatchObject({
      renewalDate: '2027-04-01',
      ownerId: 'u-west',
      attributes: { arr: 48_000.5 },
    });
  });

  it('follows a map: a header to another field, or left out', async () => {
    const csv =
      'Account ID,Account Name,Annual Revenue,Type\n001Wj00000zzzzz,Mapped,"$1,250,000.00",Customer\n';
    const { body } = await importCsvText(h, 'accounts', csv, {
      map: { 'Annual Revenue': 'attr.arr', Type: null },
    });
    expect(body.ignoredColumns).toEqual(['Type']);
    expect((await storedAccounts(h.db)).get('salesforce-001Wj00000zzzzzIAA')?.attributes).toEqual({
      arr: 1_250_000,
    });
  });

  it.each([
    ['not-a-number.csv', 'accounts', [{ line: 3, column: 'ARR', message: '"lots" is not a number' }]],
    [
      'unknown-owner.csv',
      'accounts',
      [{ line: 3, column: 'Account Owner', message: 'no user has the email "nobody@example.com"' }],
    ],
    [
      'duplicate-ids.csv',
      'accounts',
      [{ line: 4, column: 'Account ID', message: `"${ACME}" is on line 2 and on line 4` }],
    ],
    [
      'unclosed-quote.csv',
      'accounts',
      [{ line: 3, column: null, message: 'a quoted value is never closed (a " is missing)' }],
    ],
    [
      'not-a-date.csv',
      'accounts',
      [{ line: 3, column: 'Renewal Date', message: '"next spring" is not a date (such as 2026-03-31)' }],
    ],
    [
      'unknown-tier.csv',
      'accounts',
      [{ line: 3, column: 'Tier', message: 'no tier is named "Platinum" (tiers: Tier 1)' }],
    ],
    [
      'no-id.csv',
      'accounts',
      [{ line: 3, column: 'Account ID', message: expect.stringContaining('this row has no id') }],
    ],
    [
      'too-many-values.csv',
      'accounts',
      [{ line: 3, column: null, message: 'this line has 3 values but the header names 2 columns' }],
    ],
    [
      'missing-name.csv',
      'accounts',
      [{ line: 3, column: 'Account Name', message: expect.stringContaining('expected string') }],
    ],
    [
      'key-results.csv',
      'keyResults',
      [
        { line: 3, column: 'target', message: '"ten" is not a number' },
        { line: 4, column: 'objectiveId', message: 'unknown objective "o9"' },
        { line: 5, column: 'unit', message: '"points" is not one of count, percent, currency, boolean' },
      ],
    ],
    [
      'users.csv',
      'users',
      [{ line: 3, column: 'role', message: '"boss" is not one of csm, rep, lead, admin' }],
    ],
  ])('names the line and column of %s and applies nothing', async (file, collection, problems) => {
    const feed = await feedSize(h.db);
    const before = await storedAccounts(h.db);
    const { status, body } = await importCsvText(h, collection, await readFixture(`bad/${file}`));
    expect(status).toBe(422);
    expect(body.problems).toEqual(problems);
    expect(await feedSize(h.db)).toBe(feed);
    expect(await storedAccounts(h.db)).toEqual(before);
  });

  it('is for admins only', async () => {
    for (const who of ['lead', 'east', 'eastRep'] as const) {
      const { status } = await importCsvText(h, 'accounts', 'id,name\nz1,Zed\n', { who });
      expect(status).toBe(403);
      expect((await h.get('/v1/admin/export/accounts.csv', who)).status).toBe(403);
    }
  });

  it('refuses an unknown collection and a map that is not JSON', async () => {
    expect((await importCsvText(h, 'planets', 'id\n1\n')).status).toBe(404);
    const response = await h.app.request('/v1/admin/import/accounts?map=nope', {
      method: 'POST',
      headers: { Authorization: `Bearer ${h.tokens.admin}` },
      body: 'id,name\n',
    });
    expect(response.status).toBe(400);
  });
});
