import { expect, type Page, test } from '@playwright/test';
import { closeSession, connectSession, type ExtensionSession, openSession } from './session.ts';

const ADMIN_EMAIL = 'sam.okafor@example.com';

/**
 * Gives each test of the file its own demo backend and browser, connected as the admin, and opens
 * workspace screens in it. Call once at the top of a spec file.
 */
export function adminSessionPerTest() {
  // Each test starts a backend and a browser; on a loaded machine that alone can take a minute.
  test.describe.configure({ timeout: 300_000 });
  test.use({ actionTimeout: 60_000 });
  let current: ExtensionSession | undefined;
  test.beforeEach(async () => {
    current = await openSession(ADMIN_EMAIL);
    await connectSession(current);
  });
  test.afterEach(async () => {
    if (current) await closeSession(current);
    current = undefined;
  });
  const session = (): ExtensionSession => {
    if (!current) throw new Error('no session: call this inside a test');
    return current;
  };
  return {
    session,
    /** A workspace screen (`#/imports`), once its heading shows. */
    async open(route: string): Promise<Page> {
      const page = await session().context.newPage();
      await page.goto(`chrome-extension://${session().extensionId}/admin.html#/${route}`);
      await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible({ timeout: 60_000 });
      return page;
    },
  };
}
