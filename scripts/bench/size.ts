import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../../test/e2e/browser.ts';
import { type Figure, single } from './figures.ts';

const METHOD =
  "The JavaScript files the built manifest's content_scripts inject into CRM pages, each gzipped with " +
  "zlib's default level (what `gzip` does), summed; KB = 1024 bytes.";

/** The gzipped size of what every CRM page loads before the extension knows whether it is needed. */
export async function measureContentScriptSize(): Promise<Figure> {
  const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const files = [...new Set((manifest.content_scripts ?? []).flatMap((script) => script.js ?? []))];
  if (files.length === 0) throw new Error('the manifest declares no content scripts');
  const sizes: Record<string, { bytes: number; gzipBytes: number }> = {};
  for (const file of files) {
    const source = await readFile(join(EXTENSION_DIR, file));
    sizes[file] = { bytes: source.length, gzipBytes: gzipSync(source).length };
  }
  const total = Object.values(sizes).reduce((sum, size) => sum + size.gzipBytes, 0);
  return single('contentScriptGzip', Math.round((total / 1024) * 10) / 10, METHOD, { files: sizes });
}
