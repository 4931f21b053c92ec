import type { ForegroundGate } from '../background/foreground-gate.ts';
import type { MessageType } from './protocol.ts';
import { MESSAGES } from './registry.ts';
import type { Handlers } from './router.ts';
import type { SenderFacts } from './sender.ts';

type AnyHandler = (payload: unknown, sender: SenderFacts) => Promise<unknown>;

/** The same handlers; those the registry marks as waited on run as foreground requests of the gate. */
export function inForeground(handlers: Handlers, gate: ForegroundGate): Handlers {
  const entries = Object.entries(handlers as Record<MessageType, AnyHandler>).map(([type, handler]) => [
    type,
    MESSAGES[type as MessageType].waitedOn
      ? (payload: unknown, sender: SenderFacts) => gate.run(() => handler(payload, sender))
      : handler,
  ]);
  return Object.fromEntries(entries) as Handlers;
}
