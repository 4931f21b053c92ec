import type { BrowserContext, Page } from '@playwright/test';

export interface HeapSampler {
  /** Stops sampling; the largest used JS heap of the extension's service worker seen, in bytes. */
  stop(): Promise<number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Samples the service worker's used JS heap (`Runtime.getHeapUsage`) every `everyMs` while a
 * measurement runs. Playwright opens DevTools sessions on pages only, so the worker's target is
 * reached through a page's session and spoken to with `Target.sendMessageToTarget`.
 */
export async function sampleWorkerHeap(
  context: BrowserContext,
  page: Page,
  extensionId: string,
  everyMs = 100,
): Promise<HeapSampler> {
  const cdp = await context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
  );
  if (!worker) throw new Error('the extension has no running service worker to sample');
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: worker.targetId,
    flatten: false,
  });
  const waiting = new Map<number, (usedSize: number) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: { usedSize?: number } };
    if (reply.id === undefined) return;
    waiting.get(reply.id)?.(reply.result?.usedSize ?? 0);
    waiting.delete(reply.id);
  });
  let nextId = 1;
  const usedHeap = () =>
    new Promise<number>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      const message = JSON.stringify({ id, method: 'Runtime.getHeapUsage', params: {} });
      cdp.send('Target.sendMessageToTarget', { sessionId, message }).catch(() => resolve(0));
    });
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await usedHeap());
      await sleep(everyMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach();
      return peak;
    },
  };
}
