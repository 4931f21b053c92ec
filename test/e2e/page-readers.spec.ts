import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, expect, type Page, test } from '@playwright/test';
import { build } from 'esbuild';
import type { PageAccount } from '../../lib/crm/read-page-account.ts';
import type { CrmName } from '../../lib/crm/types.ts';
import { CHROMIUM_PATH } from './browser.ts';

/*
 * The page readers as the content script runs them, in real Chromium: shadow roots, slots and
 * visibility exist only in a browser. The pages are the evidence-built fixtures of test/fixtures/crm
 * (each names its sources). A wrong name is worse than none: every expectation is exact, and pages
 * that show another record besides their own must yield their own or nothing.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SLDS_CSS = createRequire(import.meta.url).resolve(
  '@salesforce-ux/design-system/assets/styles/salesforce-lightning-design-system.min.css',
);

interface Readers {
  readPageAccount(root: ParentNode, crm: CrmName): PageAccount;
  readPageField(root: ParentNode, crm: CrmName, label: string): string | null;
}
type ReaderWindow = Window & { goalLensReaders: Readers };

let browser: Browser;
let readers: string;

test.beforeAll(async () => {
  const bundle = await build({
    stdin: {
      contents:
        "export { readPageAccount } from './lib/crm/read-page-account.ts';\n" +
        "export { readPageField } from './lib/crm/read-page-field.ts';\n",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'goalLensReaders',
    target: 'chrome120',
    write: false,
  });
  readers = bundle.outputFiles[0]?.text ?? '';
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
});

test.afterAll(async () => {
  await browser?.close();
});

async function openFixture(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(new URL(`../fixtures/crm/${path}`, import.meta.url).href);
  await page.addScriptTag({ content: readers });
  return page;
}

function readAccount(page: Page, crm: CrmName): Promise<{ name: string | null; domain: string | null }> {
  return page.evaluate((crm) => {
    const { name, domain } = (window as unknown as ReaderWindow).goalLensReaders.readPageAccount(
      document,
      crm,
    );
    return { name, domain };
  }, crm);
}

function readField(page: Page, crm: CrmName, label: string): Promise<string | null> {
  return page.evaluate(
    ([crm, label]) => (window as unknown as ReaderWindow).goalLensReaders.readPageField(document, crm, label),
    [crm, label] as const,
  );
}

interface PageCase {
  fixture: string;
  crm: CrmName;
  /** What the page shows; null where no public evidence lets the reader find it. */
  name: string | null;
  domain: string | null;
  fields: Record<string, string | null>;
}

const CASES: PageCase[] = [
  {
    fixture: 'salesforce/account.html',
    crm: 'salesforce',
    name: 'Acme Corporation',
    domain: 'acme-corp.example.com',
    fields: {
      'Customer Tier': 'Tier 1 Strategic',
      'Account Site': null,
      'Parent Account': 'Globex Industries',
    },
  },
  {
    // native shadow roots, and the page of Globex visited before kept hidden ahead of Acme's
    fixture: 'salesforce/account-native-shadow.html',
    crm: 'salesforce',
    name: 'Acme Corporation',
    domain: 'acme-corp.example.com',
    fields: {
      'Customer Tier': 'Tier 1 Strategic',
      'Account Site': null,
      Website: 'www.acme-corp.example.com',
    },
  },
  {
    fixture: 'salesforce/account-hidden-cached.html',
    crm: 'salesforce',
    name: 'Acme Corporation',
    domain: 'acme-corp.example.com',
    fields: { 'Customer Tier': 'Tier 1 Strategic' },
  },
  {
    fixture: 'salesforce/person-account.html',
    crm: 'salesforce',
    name: 'Dr. Maya Lindqvist',
    domain: null,
    fields: { 'Customer Tier': 'Tier 3 Scale' },
  },
  {
    // hooks some third-party code reads, but no citable source confirms: nothing is read
    fixture: 'hubspot/account.html',
    crm: 'hubspot',
    name: null,
    domain: null,
    fields: { 'Customer tier': null, City: null },
  },
  {
    // the header title's text ends in " - Saved"; the tier is a choice field
    fixture: 'dynamics/account.html',
    crm: 'dynamics',
    name: 'Contoso Pharmaceuticals',
    domain: 'contoso-pharma.example.com',
    fields: {
      'Customer Tier': 'Tier 2 Growth',
      'Status Reason': 'Active',
      'Account Name': 'Contoso Pharmaceuticals',
    },
  },
  {
    fixture: 'pipedrive/account.html',
    crm: 'pipedrive',
    name: null,
    domain: null,
    fields: { 'Customer Tier': null, Address: null },
  },
  {
    fixture: 'zoho/account.html',
    crm: 'zoho',
    name: null,
    domain: null,
    fields: { 'Account Name': null },
  },
];

for (const { fixture, crm, name, domain, fields } of CASES) {
  test(`${crm}: ${fixture}`, async () => {
    const page = await openFixture(fixture);
    expect(await readAccount(page, crm)).toEqual({ name, domain });
    for (const [label, value] of Object.entries(fields)) {
      expect(await readField(page, crm, label), label).toBe(value);
    }
    await page.close();
  });
}

test('a choice field shows the option the user picked, not the one the page loaded with', async () => {
  const page = await openFixture('dynamics/account.html');
  await page.getByLabel('Customer Tier').selectOption({ label: 'Tier 1 Strategic' });
  expect(await readField(page, 'dynamics', 'Customer Tier')).toBe('Tier 1 Strategic');
  await page.close();
});

test('a record the page hides with its stylesheet is not read, not even through shadow roots', async () => {
  const page = await openFixture('salesforce/account-native-shadow.html');
  await page.addStyleTag({ content: '.fixture-page.active { display: none; }' });
  expect(await readAccount(page, 'salesforce')).toEqual({ name: null, domain: null });
  expect(await readField(page, 'salesforce', 'Customer Tier')).toBeNull();
  await page.close();
});

test('CRMs no public source documents read nothing, whatever their page shows', async () => {
  const page = await browser.newPage();
  // Hooks such pages were once assumed to have: none is documented anywhere, so none is read.
  await page.setContent(
    '<h1 data-testid="record-header-name">Umbrella Corp</h1><h1 data-testid="lead-name">Umbrella Corp</h1>' +
      '<h1 data-testid="entity-title">Umbrella Corp</h1><h1 data-test-id="entity-name">Umbrella Corp</h1>' +
      '<a href="https://umbrella.example.com">umbrella.example.com</a>' +
      '<div class="field-row"><span class="field-row__label">Customer Tier</span><span class="field-row__value">Tier 1</span></div>',
  );
  await page.addScriptTag({ content: readers });
  for (const crm of ['attio', 'close', 'copper', 'freshsales'] as const) {
    expect(await readAccount(page, crm)).toEqual({ name: null, domain: null });
    expect(await readField(page, crm, 'Customer Tier')).toBeNull();
  }
  await page.close();
});

test('on a real-size Lightning page, reading stays within a few milliseconds', async () => {
  const page = await openFixture('salesforce/account-native-shadow.html');
  await page.addStyleTag({ path: SLDS_CSS });
  // Twenty records visited before, kept hidden, and the record on screen, each with 120 fields.
  await page.evaluate(() => {
    type Fixture = {
      recordPage(record: { active: boolean; name: string; fields: [string, Element][] }): Element;
      formatted(tag: string, value: string): Element;
    };
    const fixture = (window as unknown as { lightningFixture: Fixture }).lightningFixture;
    const stage = document.getElementById('stage') as HTMLElement;
    const fields = (n: number): [string, Element][] =>
      Array.from({ length: 120 }, (_, i) => [
        `Field ${i}`,
        fixture.formatted('lightning-formatted-text', `Value ${n}.${i}`),
      ]);
    const cached = Array.from({ length: 20 }, (_, n) =>
      fixture.recordPage({ active: false, name: `Cached ${n}`, fields: fields(n) }),
    );
    for (const host of stage.querySelectorAll('.fixture-page.active')) host.classList.remove('active');
    for (const host of stage.querySelectorAll('.fixture-page')) (host as HTMLElement).style.display = 'none';
    stage.prepend(...cached);
    stage.append(fixture.recordPage({ active: true, name: 'Wide Account', fields: fields(99) }));
  });
  const timing = await page.evaluate(() => {
    const { readPageAccount, readPageField } = (window as unknown as ReaderWindow).goalLensReaders;
    const runs: number[] = [];
    let result = { name: '' as string | null, tier: '' as string | null, elements: 0 };
    for (let run = 0; run < 15; run++) {
      const start = performance.now();
      const account = readPageAccount(document, 'salesforce');
      const tier = readPageField(document, 'salesforce', 'Field 119');
      runs.push(performance.now() - start);
      result = { name: account.name, tier, elements: document.querySelectorAll('*').length };
    }
    runs.sort((a, b) => a - b);
    return {
      ...result,
      fastest: runs[0] ?? Number.NaN,
      median: runs[Math.floor(runs.length / 2)] ?? Number.NaN,
    };
  });
  expect(timing.name).toBe('Wide Account');
  expect(timing.tier).toBe('Value 99.119');
  test.info().annotations.push({
    type: 'reading time',
    description: `${timing.fastest.toFixed(2)} ms fastest, ${timing.median.toFixed(2)} ms median of 15 readings of name, website and one field on ${timing.elements} elements`,
  });
  // The fastest of 15 readings is what the page costs when nothing else competes for the CPU; the
  // ceiling is loose against a shared machine and catches a reader that walks every hidden record.
  expect(timing.fastest).toBeLessThan(25);
  await page.close();
});
