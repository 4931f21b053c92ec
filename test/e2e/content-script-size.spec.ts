import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  ACCOUNT_PAGE_BUDGET_KB,
  CONTENT_SCRIPT_BUDGET_KB,
  contentScriptFiles,
  measureContentScript,
} from '../../scripts/content-script-size.ts';
import { EXTENSION_DIR } from './browser.ts';

// Sizes of the built files are stable, so they are tested; timings are only benchmarked (npm run bench).

test('the content script every CRM page runs stays within the gzipped budget', async () => {
  const size = await measureContentScript(EXTENSION_DIR);
  const listing = JSON.stringify(size, null, 2);
  expect(size.initialKb, `over ${CONTENT_SCRIPT_BUDGET_KB} KB:\n${listing}`).toBeLessThanOrEqual(
    CONTENT_SCRIPT_BUDGET_KB,
  );
});

test('what an account page loads, content script and panel, stays within its gzipped budget', async () => {
  const size = await measureContentScript(EXTENSION_DIR);
  const listing = JSON.stringify(size, null, 2);
  expect(size.totalKb, `over ${ACCOUNT_PAGE_BUDGET_KB} KB:\n${listing}`).toBeLessThanOrEqual(
    ACCOUNT_PAGE_BUDGET_KB,
  );
});

test('zod and Dexie stay out of it, and it loads no further chunks the budget would miss', async () => {
  const { initial, lazy } = await contentScriptFiles(EXTENSION_DIR);
  for (const file of [...initial, ...lazy]) {
    const source = await readFile(join(EXTENSION_DIR, file), 'utf8');
    for (const marker of ['ZodError', 'DatabaseClosedError']) {
      expect(source.includes(marker), `${file} contains "${marker}"`).toBe(false);
    }
    expect(/\bimport\(|\bimportScripts\(/.test(source), `${file} loads code the budget does not count`).toBe(
      false,
    );
  }
});

test('the service worker starts without the Public Suffix List, which only the options page needs', async () => {
  const source = await readFile(join(EXTENSION_DIR, 'background.js'), 'utf8');
  // A label from the list's private section: whatever library carries the list carries this.
  expect(source.includes('is-a-hard-worker'), 'background.js contains the Public Suffix List').toBe(false);
});
