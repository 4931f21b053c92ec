import { EXTENSION_DIR } from '../../test/e2e/browser.ts';
import { CONTENT_SCRIPT_BUDGET_KB, measureContentScript } from '../content-script-size.ts';
import { type Figure, single } from './figures.ts';

const METHOD =
  "The JavaScript a CRM account page loads of the extension: the files the built manifest's " +
  'content_scripts inject into every CRM page, plus the panel script the background injects into ' +
  "account pages only, each gzipped with zlib's default level (what `gzip` does), summed; KB = 1024 " +
  'bytes. details.initialKb is what every other CRM page loads.';

/** The gzipped size of the content script with its lazily injected panel (the same number `npm test` holds to the budget). */
export async function measureContentScriptSize(): Promise<Figure> {
  const size = await measureContentScript(EXTENSION_DIR);
  return single('contentScriptGzip', size.totalKb, METHOD, {
    initialKb: size.initialKb,
    budgetKb: CONTENT_SCRIPT_BUDGET_KB,
    files: size.files,
  });
}
