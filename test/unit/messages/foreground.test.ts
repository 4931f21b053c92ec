import { describe, expect, test } from 'vitest';
import { createForegroundGate, type ForegroundGate } from '../../../lib/background/foreground-gate.ts';
import { inForeground } from '../../../lib/messages/foreground.ts';
import type { MessageType } from '../../../lib/messages/protocol.ts';
import { MESSAGES } from '../../../lib/messages/registry.ts';
import type { Handlers } from '../../../lib/messages/router.ts';
import type { SenderFacts } from '../../../lib/messages/sender.ts';

/** What a CRM page waits on; the book view's own request must not be here (it waits for the pass). */
const FOREGROUND: MessageType[] = ['panel/view', 'panel/load', 'outcome/log', 'outcome/undo', 'outcome/note'];
const SENDER: SenderFacts = { id: 'x', url: 'https://acme.lightning.force.com/', tab: { id: 1 }, frameId: 0 };

/** Whether a pass asking now would go on, rather than wait for the foreground. */
function passMayGo(gate: ForegroundGate): Promise<boolean> {
  return Promise.race([
    gate.idle().then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 0)),
  ]);
}

/** Handlers that answer, with what they were given, whether a pass could have gone on meanwhile. */
function probing(gate: ForegroundGate): Handlers {
  const entries = Object.keys(MESSAGES).map((type) => [
    type,
    async (payload: unknown, sender: SenderFacts) => ({ payload, sender, passWent: await passMayGo(gate) }),
  ]);
  return Object.fromEntries(entries) as Handlers;
}

describe('inForeground', () => {
  test.each(Object.keys(MESSAGES) as MessageType[])('%s', async (type) => {
    const gate = createForegroundGate({ quietMs: 1, maxWaitMs: 1_000 });
    const handler = inForeground(probing(gate), gate)[type] as (
      p: unknown,
      s: SenderFacts,
    ) => Promise<unknown>;
    await expect(handler({ asked: type }, SENDER)).resolves.toEqual({
      payload: { asked: type },
      sender: SENDER,
      passWent: !FOREGROUND.includes(type),
    });
  });

  test('a foreground request that fails fails the same way', async () => {
    const gate = createForegroundGate({ quietMs: 1, maxWaitMs: 1_000 });
    const error = new Error('no such key result');
    const handlers = inForeground({ ...probing(gate), 'outcome/log': () => Promise.reject(error) }, gate);
    await expect(handlers['outcome/log']({ keyResultId: 'kr', accountId: 'a' }, SENDER)).rejects.toBe(error);
  });
});
