import type { SenderKind } from './protocol.ts';

export interface SenderFacts {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Decided from what the browser vouches for, before the payload is read. Anything not clearly ours
 * is null: other extensions, web pages via externally_connectable, or senders without a frame.
 */
export function classifySender(
  sender: SenderFacts,
  extensionId: string,
  extensionOrigin: string,
): SenderKind | null {
  if (sender.id !== extensionId || !sender.url) return null;
  if (sender.url.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab && typeof sender.frameId === 'number' && servedSafely(sender.url)) return 'content-script';
  return null;
}

// Plain http only from this machine: a backend in development (the sign-in pages' content script).
const LOOPBACK_HTTP = /^http:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?\//;

function servedSafely(url: string): boolean {
  return url.startsWith('https://') || LOOPBACK_HTTP.test(url);
}
