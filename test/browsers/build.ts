import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export type StoreBrowser = 'chrome' | 'edge' | 'firefox';

const WXT = resolve('node_modules/.bin/wxt');

/** The environment of a plain shell: Vitest's NODE_ENV=test would turn the build into a development one. */
function shellEnv(outDir: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')),
  );
  return { ...env, GOAL_LENS_OUT_DIR: outDir };
}

/** Builds the extension for one store's browser, exactly as the npm scripts do, into `outDir`. */
export async function buildFor(browser: StoreBrowser, outDir: string): Promise<string> {
  await promisify(execFile)(WXT, ['build', '-b', browser], {
    env: shellEnv(outDir),
  });
  return join(outDir, `${browser}-mv3`);
}

export async function readManifest(buildDir: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(buildDir, 'manifest.json'), 'utf8'));
}
