import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { signInOnInstall } from '../../entrypoints/background/signin-on-install.ts';
import { CacheDb } from '../../lib/cache/db.ts';
import { setPolicySource } from '../../lib/settings/policy-source.ts';
import { saveSettings } from '../../lib/settings/store.ts';

/**
 * Managed storage cannot be filled in a test browser profile, so the policy path is tested one level
 * down: the policy as the background reads it, and the tab it opens on install.
 */
const create = vi.hoisted(() => vi.fn(async () => ({})));
vi.mock('wxt/browser', () => ({
  browser: { tabs: { create }, runtime: { getURL: (path: string) => `chrome-extension://goal-lens${path}` } },
}));

describe('sign-in on install from a managed policy', () => {
  afterEach(() => create.mockClear());

  test.each([
    [
      'opens the options page and its sign-in',
      { backendUrl: 'https://goals.example.com', signInOnInstall: true },
      null,
      true,
    ],
    ['not without the policy asking', { backendUrl: 'https://goals.example.com' }, null, false],
    ['not without a backend to sign in to', { signInOnInstall: true }, null, false],
    [
      'not when already signed in',
      { backendUrl: 'https://goals.example.com', signInOnInstall: true },
      'gls_x',
      false,
    ],
  ])('%s', async (_case, policy, token, opens) => {
    const db = new CacheDb(`install-${Math.random()}`);
    try {
      setPolicySource(async () => policy);
      await saveSettings(db, { backendUrl: null, token, syncIntervalMinutes: 15 });
      await signInOnInstall(db);
      if (opens) {
        expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/options\.html#signin$/) });
      } else expect(create).not.toHaveBeenCalled();
    } finally {
      await db.delete();
    }
  });
});
