import { z } from 'zod';
import { AppError, toErrorInfo } from '../errors.ts';
import type { MessageType, Reply, RequestOf, ResponseOf, SenderKind } from './protocol.ts';
import { MESSAGES } from './registry.ts';
import { classifySender, type SenderFacts } from './sender.ts';

export type Handlers = {
  [K in MessageType]: (payload: RequestOf<K>, sender: SenderFacts) => Promise<ResponseOf<K>>;
};

const Envelope = z.object({ type: z.string().max(100), payload: z.unknown() });

function isMessageType(type: string): type is MessageType {
  return Object.hasOwn(MESSAGES, type);
}

/**
 * Order matters: the sender is classified first, then the message type is checked against what that
 * kind of sender may ask, and only then is the payload parsed.
 */
export function createMessageRouter(handlers: Handlers, extensionId: string, extensionOrigin: string) {
  return async (message: unknown, sender: SenderFacts): Promise<Reply<unknown>> => {
    try {
      const kind: SenderKind | null = classifySender(sender, extensionId, extensionOrigin);
      if (!kind) throw new AppError('forbidden_sender', 'Messages are accepted only from Goal Lens itself.');
      const envelope = Envelope.safeParse(message);
      if (!envelope.success) throw new AppError('bad_message', 'The message is not a Goal Lens request.');
      const { type } = envelope.data;
      if (!isMessageType(type)) throw new AppError('unknown_message', `Unknown request "${type}".`);
      const entry = MESSAGES[type];
      if (entry.from !== kind) {
        throw new AppError('forbidden_message', `"${type}" may not be requested from a ${kind}.`);
      }
      const payload = entry.schema.safeParse(envelope.data.payload);
      if (!payload.success) {
        throw new AppError('invalid_payload', `The "${type}" request is malformed.`, payload.error.issues);
      }
      const handler = handlers[type] as (p: unknown, s: SenderFacts) => Promise<unknown>;
      return { ok: true, value: await handler(payload.data, sender) };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  };
}
