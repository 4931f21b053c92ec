import { serveCrmFixtures } from '../fixtures/crm/routes.ts';
import { type DemoBackend, startDemoBackend } from './backend.ts';
import { type ExtensionBrowser, launchWithExtension, removeProfile } from './browser.ts';
import { connectAndSync } from './options.ts';

/** The demo backend and a Chromium with the built extension that sees the CRM fixtures. */
export interface ExtensionSession extends ExtensionBrowser {
  backend: DemoBackend;
}

/** Starts the backend (as `email`) and the browser; nothing is left running if the browser fails. */
export async function openSession(email?: string): Promise<ExtensionSession> {
  const backend = await startDemoBackend(email);
  try {
    const browser = await launchWithExtension();
    await serveCrmFixtures(browser.context);
    return { ...browser, backend };
  } catch (error) {
    await backend.server.close().catch(() => undefined);
    throw error;
  }
}

export async function closeSession(session: ExtensionSession): Promise<void> {
  await session.context.close();
  await session.backend.server.close().catch(() => undefined);
  await removeProfile(session.profileDir);
}

/** Connects the extension to the session's backend through the options page; returns that page. */
export function connectSession(session: ExtensionSession) {
  return connectAndSync(
    session.context,
    session.extensionId,
    session.backend.server.url,
    session.backend.token,
  );
}
