import { EXTENSION_DIR } from '../../test/e2e/browser.ts';
import { measureContentScript } from '../content-script-size.ts';
import { type Figure, single } from './figures.ts';

const CONTENT_SCRIPT_METHOD =
  "The files the built manifest's content_scripts inject into every CRM page, each gzipped with " +
  "zlib's default level (what `gzip` does), summed; KB = 1024 bytes.";
const ACCOUNT_PAGE_METHOD =
  'The content script plus the panel script the background injects into account pages only, ' +
  'gzipped and summed the same way: all the extension code an account page runs.';

/** The gzipped sizes `npm test` holds to their budgets: the content script, and all an account page loads. */
export async function measureContentScriptSize(): Promise<Figure[]> {
  const size = await measureContentScript(EXTENSION_DIR);
  return [
    single('contentScriptGzip', size.initialKb, CONTENT_SCRIPT_METHOD, { files: size.files }),
    single('accountPageScriptsGzip', size.totalKb, ACCOUNT_PAGE_METHOD, { files: size.files }),
  ];
}
