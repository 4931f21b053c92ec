import type { CDPSession, Page } from '@playwright/test';
import type { Baseline } from './baseline.ts';
import type { WorkerControl } from './extension.ts';
import { type Summary, summarize } from './stats.ts';

/** In the page: `frames` animation-frame intervals in a row, i.e. how long one frame lasts there. */
function timeFrames(frames: number): Promise<number[]> {
  return new Promise((resolve) => {
    const times: number[] = [];
    let last = 0;
    const tick = (now: number) => {
      if (last > 0) times.push(now - last);
      last = now;
      if (times.length < frames) requestAnimationFrame(tick);
      else resolve(times);
    };
    requestAnimationFrame(tick);
  });
}

/** One frame in the page under test: the floor of anything that must be painted. */
export async function frameBaseline(page: Page, statistic: 'p50' | 'p95'): Promise<Baseline> {
  const summary = summarize(await page.evaluate(timeFrames, 60));
  return {
    label: 'one frame',
    value: summary[statistic],
    summary,
    method: 'In the same page: 60 requestAnimationFrame intervals in a row.',
  };
}

/**
 * Sent from the content script's own isolated world, so it takes the panel's path to the background,
 * then one frame. With the default message, a request type the background does not know, which its
 * router refuses at once.
 */
const roundTripAndFrame = (message: unknown) => `(async () => {
  const started = performance.now();
  await chrome.runtime.sendMessage(${JSON.stringify(message)});
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return performance.now() - started;
})()`;
const UNKNOWN_REQUEST = { type: 'bench/round-trip', payload: {} };

/** The content script's isolated world in the page's main frame, found through the DevTools protocol. */
async function contentScriptWorld(cdp: CDPSession, extensionId: string): Promise<number> {
  const worlds: { id: number; frameId: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string; frameId?: string } | undefined;
    if (aux?.type === 'isolated' && context.origin.includes(extensionId)) {
      worlds.push({ id: context.id, frameId: aux.frameId ?? '' });
    }
  });
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const world = worlds.filter((w) => w.frameId === frameTree.frame.id).at(-1);
  if (!world) throw new Error("the content script's isolated world was not found in the page");
  return world.id;
}

interface RoundTripOptions {
  runs: number;
  warmup: number;
  worker?: WorkerControl;
  /** The request to send; by default one the background refuses at once. */
  message?: unknown;
}

/** `message` from the content script's world plus one frame, timed in the page, `runs` times. */
export async function timeRoundTrips(
  page: Page,
  extensionId: string,
  options: RoundTripOptions,
): Promise<Summary> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contextId = await contentScriptWorld(cdp, extensionId);
    const expression = roundTripAndFrame(options.message ?? UNKNOWN_REQUEST);
    const times: number[] = [];
    for (let run = 0; run < options.warmup + options.runs; run++) {
      await options.worker?.stop();
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression,
        contextId,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(`the round trip failed: ${exceptionDetails.text}`);
      if (run >= options.warmup) times.push(result.value as number);
    }
    return summarize(times);
  } finally {
    await cdp.detach();
  }
}

/**
 * A bare message round trip from the content script to the background plus one frame, `runs` times
 * after `warmup`; with `worker`, the worker is stopped before each, so its start is included.
 */
export async function roundTripBaseline(
  page: Page,
  extensionId: string,
  options: Omit<RoundTripOptions, 'message'>,
): Promise<Baseline> {
  const summary = await timeRoundTrips(page, extensionId, options);
  return {
    label: options.worker ? 'worker start + round trip + frame' : 'round trip + frame',
    value: summary.p95,
    summary,
    method:
      "From the content script's isolated world on the same page (DevTools protocol Runtime.evaluate in " +
      'that world): chrome.runtime.sendMessage of a request type the background refuses at once, then ' +
      `one requestAnimationFrame; ${options.runs} runs after ${options.warmup} warm-ups` +
      (options.worker ? ', the service worker stopped (and confirmed stopped) before each.' : '.'),
  };
}
