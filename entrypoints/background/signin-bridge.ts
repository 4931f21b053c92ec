import { browser } from 'wxt/browser';
import type { Settings } from '@/lib/settings/settings.ts';
import { backendAccessPattern, signInPagesPattern } from '@/lib/signin/backend-access.ts';

const SCRIPT_ID = 'goal-lens-signin-bridge';
// The file WXT builds from entrypoints/signin-bridge.content.ts.
const CONTENT_SCRIPT_FILE = 'content-scripts/signin-bridge.js';

let queue: Promise<void> = Promise.resolve();

async function apply(backendUrl: string | null): Promise<void> {
  const granted =
    backendUrl !== null &&
    (await browser.permissions.contains({ origins: [backendAccessPattern(backendUrl)] }).catch(() => false));
  const wanted = granted && backendUrl ? [signInPagesPattern(backendUrl)] : [];
  const [registered] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  const same =
    (registered?.matches ?? []).length === wanted.length &&
    wanted.every((pattern) => registered?.matches?.includes(pattern));
  if (same && (registered !== undefined) === wanted.length > 0) return;
  if (registered) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (wanted.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: wanted,
      js: [CONTENT_SCRIPT_FILE],
      runAt: 'document_end',
      persistAcrossSessions: true,
    },
  ]);
}

/**
 * Runs the sign-in content script on the configured backend's sign-in pages, and nowhere else: only
 * once the person allowed Goal Lens on that backend, and moved when the backend changes. One at a time.
 */
export function reconcileSignInBridge(settings: Settings): Promise<void> {
  const run = queue.then(() => apply(settings.backendUrl));
  queue = run.catch(() => undefined);
  return run;
}
