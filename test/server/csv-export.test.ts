import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../lib/csv/parse.ts';
import { ADMIN_COLLECTION_NAMES } from '../../lib/schemas/index.ts';
import { BACKENDS } from './backends.ts';
import { exportCsvText, feedSize, importCsvText, readFixture } from './csv-client.ts';
import { suiteHarness } from './suite-harness.ts';

describe.each(BACKENDS)('CSV export on $name', (backend) => {
  const h = suiteHarness(backend);

  it('writes accounts with one column per field, attribute and CRM, owners by email', async () => {
    const csv = await exportCsvText(h, 'accounts');
    const [header, first] = csv.split('\r\n');
    expect(header).toBe(
      'id,name,domain,crm.hubspot,tierId,crmTier,ownerId,attr.arr,attr.segment,renewalDate',
    );
    expect(first).toBe('a1,Account a1,,1,t1,,eve@example.com,1000,smb,');
  });

  it('is the template: every collection exported imports back unchanged', async () => {
    // Data that came in through CSV too, with its quotes, newlines and Salesforce records.
    await importCsvText(h, 'accounts', await readFixture('salesforce-accounts.csv'));
    await importCsvText(h, 'accounts', await readFixture('excel-semicolon.csv'));
    for (const collection of ADMIN_COLLECTION_NAMES) {
      const csv = await exportCsvText(h, collection);
      const rows = parseCsv(csv).records.length;
      const feed = await feedSize(h.db);
      const { status, body } = await importCsvText(h, collection, csv);
      expect({ collection, status, problems: body.problems, ignored: body.ignoredColumns }).toEqual({
        collection,
        status: 200,
        problems: [],
        ignored: [],
      });
      expect({ collection, counts: body.counts }).toEqual({
        collection,
        counts: { created: 0, updated: 0, unchanged: rows },
      });
      expect(await feedSize(h.db)).toBe(feed);
    }
  });

  it('keeps a spreadsheet from running text as a formula, and reads it back', async () => {
    await importCsvText(h, 'accounts', 'id,name,attr.note\nf1,=HYPERLINK("x"),-12\n');
    const csv = await exportCsvText(h, 'accounts');
    expect(csv).toContain(`f1,"'=HYPERLINK(""x"")"`);
    const again = await importCsvText(h, 'accounts', csv);
    expect(again.body.counts.updated).toBe(0);
  });
});
