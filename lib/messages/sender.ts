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
  if (sender.tab && typeof sender.frameId === 'number' && sender.url.startsWith('https://'))
    return 'content-script';
  return null;
}
