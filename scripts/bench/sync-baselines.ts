import type { Worker } from '@playwright/test';
import type { Baseline } from './baseline.ts';
import { KEEP_NAMES_SHIM } from './in-page.ts';
import { timeBareWrite, timeFeedParse, timeFetchAndWrite } from './in-worker.ts';
import { summarize } from './stats.ts';

/** The page size the extension's sync asks the feed for. */
const FEED_PAGE_SIZE = 5_000;
const RUNS = 20;
/** Rows per bare write transaction: a bulk write that never holds the whole cache in memory. */
const WRITE_CHUNK = 500;
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

interface Backend {
  backendUrl: string;
  token: string;
}

/**
 * Beside the first sync: JSON.parse of the whole feed's bytes plus a bare IndexedDB write of every row
 * the sync stored, both in the extension's service worker right after the sync. In seconds.
 */
export async function firstSyncBaseline(worker: Worker, backend: Backend): Promise<Baseline> {
  await worker.evaluate(KEEP_NAMES_SHIM);
  const parse = await worker.evaluate(timeFeedParse, { ...backend, pageSize: FEED_PAGE_SIZE });
  const write = await worker.evaluate(timeBareWrite, {
    source: 'goal-lens',
    scratch: 'goal-lens-bench-bare',
    chunk: WRITE_CHUNK,
  });
  const parseSeconds = round(parse.parseMs / 1000, 2);
  const writeSeconds = round(write.writeMs / 1000, 2);
  return {
    label: 'JSON.parse + bare IndexedDB write',
    value: round(parseSeconds + writeSeconds, 2),
    parts: {
      parseSeconds,
      writeSeconds,
      fetchSeconds: round(parse.fetchMs / 1000, 2),
      feedMegabytes: round(parse.bytes / 1e6, 1),
      rows: write.rows,
    },
    method:
      `In the extension's service worker, after the sync: the whole feed fetched in pages of ${FEED_PAGE_SIZE} ` +
      '(not in the baseline: parts.fetchSeconds is the time from each request to its last byte, one page ' +
      "after another, the backend's share of the sync) and JSON.parse of each page (timed), then every row the sync stored in each object " +
      `store read back ${WRITE_CHUNK} at a time (not timed) and put again with bare IndexedDB, one ` +
      'transaction per chunk, into a scratch database with the same stores and indexes (timed). Neither ' +
      'holds more than a page or a chunk, so the baseline adds nothing to the sync peak heap.',
  };
}

/** Beside the delta sync: a bare fetch of a 100-change feed page, its parse and a put of its rows. In ms. */
export async function deltaSyncBaseline(
  worker: Worker,
  backend: Backend,
  changes: number,
): Promise<Baseline> {
  const times = await worker.evaluate(timeFetchAndWrite, {
    ...backend,
    changes,
    runs: RUNS + 2,
    scratch: 'goal-lens-bench-delta',
  });
  const summary = summarize(times.slice(2));
  return {
    label: 'bare fetch + write',
    value: summary.p95,
    summary,
    method:
      `In the extension's service worker: fetch of a feed page of ${changes} changes, response.json() and a ` +
      `put of each change into a scratch IndexedDB store in one transaction; ${RUNS} runs after 2 warm-ups.`,
  };
}
