import type { ForegroundGate } from '../background/foreground-gate.ts';
import type { MessageType } from './protocol.ts';
import type { Handlers } from './router.ts';
import type { SenderFacts } from './sender.ts';

/**
 * Whether someone is watching a CRM page for the answer: its panel, and the outcome they just
 * clicked. Every request type says so, so a new one is a choice. Not the page's selector report,
 * which nobody waits for, nor the extension pages' requests (settings, sync, diagnostics), nor the
 * book view's: it may wait for the pass over every account itself, which would then wait for it.
 */
export const WAITED_ON: Readonly<Record<MessageType, boolean>> = {
  'panel/view': true,
  'panel/load': true,
  'outcome/log': true,
  'outcome/undo': true,
  'outcome/note': true,
  'diagnostics/report': false,
  'diagnostics/get': false,
  'settings/get': false,
  'settings/save': false,
  'connection/test': false,
  'signin/start': false,
  'signin/tab-start': false,
  'signin/tab-code': false,
  'signin/tab-invitation': false,
  'signin/out': false,
  'signin/devices': false,
  'signin/device-out': false,
  'crm-sites/get': false,
  'crm-sites/set-crm': false,
  'crm-sites/add-domain': false,
  'crm-sites/remove-domain': false,
  'sync/now': false,
  'sync/status': false,
  'book/misaligned': false,
  'admin/call': false,
};

type AnyHandler = (payload: unknown, sender: SenderFacts) => Promise<unknown>;

/** The same handlers, those someone waits on run as foreground requests of the gate. */
export function inForeground(handlers: Handlers, gate: ForegroundGate): Handlers {
  const entries = Object.entries(handlers as Record<MessageType, AnyHandler>).map(([type, handler]) => [
    type,
    WAITED_ON[type as MessageType]
      ? (payload: unknown, sender: SenderFacts) => gate.run(() => handler(payload, sender))
      : handler,
  ]);
  return Object.fromEntries(entries) as Handlers;
}
