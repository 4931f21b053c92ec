import { AppError } from '../errors.ts';
import type { MessageType, Reply, RequestOf, ResponseOf } from './protocol.ts';

type SendMessage = (message: unknown) => Promise<unknown>;

/** Typed requests to the background; a failed request throws the background's error unchanged. */
export function createMessageClient(send: SendMessage) {
  return async function request<K extends MessageType>(
    type: K,
    payload: RequestOf<K>,
  ): Promise<ResponseOf<K>> {
    const reply = (await send({ type, payload })) as Reply<ResponseOf<K>> | undefined;
    if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
      throw new AppError(
        'no_reply',
        'The Goal Lens background did not answer. Reload the page and try again.',
      );
    }
    if (!reply.ok) throw new AppError(reply.error.code, reply.error.message, reply.error.details);
    return reply.value;
  };
}

export type MessageClient = ReturnType<typeof createMessageClient>;
