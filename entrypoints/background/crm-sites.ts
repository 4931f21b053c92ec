import { browser } from 'wxt/browser';
import { customDomainPattern } from '@/lib/crm-sites/sites.ts';
import { PAGE_SETTINGS_KEY, type PageSettings } from '@/lib/settings/page-settings.ts';
import type { Settings } from '@/lib/settings/settings.ts';

const SCRIPT_ID = 'goal-lens-custom-domains';
// The file WXT builds from entrypoints/crm.content/: the same script the manifest runs on the CRMs' own hosts.
const CONTENT_SCRIPT_FILE = 'content-scripts/crm.js';

async function granted(pattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [pattern] }).catch(() => false);
}

/** Patterns of the custom domains whose host permission is granted, in the settings' order. */
export async function activeCustomDomains(settings: Settings): Promise<Set<string>> {
  const hosts = await Promise.all(
    settings.customDomains.map(async (domain) =>
      (await granted(customDomainPattern(domain.host))) ? domain.host : null,
    ),
  );
  return new Set(hosts.filter((host) => host !== null));
}

function sameMatches(registered: readonly string[] | undefined, wanted: readonly string[]): boolean {
  if (registered === undefined) return wanted.length === 0;
  return registered.length === wanted.length && wanted.every((pattern) => registered.includes(pattern));
}

async function apply(settings: Settings): Promise<void> {
  const active = await activeCustomDomains(settings);
  const wanted = [...active].map(customDomainPattern);
  const [registered] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (!sameMatches(registered?.matches, wanted)) {
    if (registered) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    if (wanted.length > 0) {
      await browser.scripting.registerContentScripts([
        {
          id: SCRIPT_ID,
          matches: wanted,
          js: [CONTENT_SCRIPT_FILE],
          runAt: 'document_start',
          persistAcrossSessions: true,
        },
      ]);
    }
  }
  const mirrored: PageSettings = {
    disabledCrms: settings.disabledCrms,
    customDomains: settings.customDomains,
    crmTierLabel: settings.crmTierLabel,
  };
  await browser.storage.local.set({ [PAGE_SETTINGS_KEY]: mirrored });
}

let queue: Promise<void> = Promise.resolve();

/**
 * Brings the registered content script and the page settings content scripts read in line with the
 * settings in force and the permissions actually granted: a permission revoked in the browser's extension page
 * drops its domain, a registration the browser lost comes back. Runs one at a time, in order.
 */
export function reconcileCrmSites(settings: Settings): Promise<void> {
  const run = queue.then(() => apply(settings));
  queue = run.catch(() => undefined);
  return run;
}
