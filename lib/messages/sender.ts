import type { SenderKind } from './protocol.ts';

export interface SenderFacts {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Decided from what the browser vouches for, before the payload is read; the background's router and
 * the content script both ask it. Anything not clearly ours is null: other extensions, web pages via
 * externally_connectable, or senders without a frame. The background itself, seen from a content
 * script, is an extension page (it may come without a URL, but never from a tab).
 */
export function classifySender(
  sender: SenderFacts,
  extensionId: string,
  extensionOrigin: string,
): SenderKind | null {
  if (sender.id !== extensionId) return null;
  if (!sender.url) return sender.tab || sender.frameId !== undefined ? null : 'extension-page';
  if (sender.url.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab && typeof sender.frameId === 'number' && servedSafely(sender.url)) return 'content-script';
  return null;
}

// Plain http only from this machine: a backend in development (the sign-in pages' content script).
const LOOPBACK_HTTP = /^http:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?\//;

function servedSafely(url: string): boolean {
  return url.startsWith('https://') || LOOPBACK_HTTP.test(url);
}
