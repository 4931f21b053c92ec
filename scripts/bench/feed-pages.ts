/**
 * How long the server takes to hand out a whole first sync, page by page, without a browser:
 * `tsx scripts/bench/feed-pages.ts [pglite] [postgres] [--rounds N] [--as lead|csm] [--accounts N]`.
 * Each round reads every page twice: once through readChanges in this process (the database's part
 * alone), once over HTTP (headers, then the body drained), so encoding and streaming show as the
 * difference. Rounds alternate, so both figures meet the same machine load.
 */
import { readChanges } from '../../server/feed/read.ts';
import { createToken, SHOWCASE } from '../../server/index.ts';
import { type StorageKind, startBenchBackend } from './backend.ts';
import { benchSnapshot, DEFAULT_ACCOUNTS } from './generate.ts';

const PAGE = 5_000;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

const storages = (['pglite', 'postgres'] as const).filter((s) => process.argv.includes(s));
const rounds = Number(option('--rounds') ?? 3);
const who = option('--as') === 'csm' ? SHOWCASE.users.csm : SHOWCASE.users.lead;
const accounts = Number(option('--accounts') ?? DEFAULT_ACCOUNTS);

function ms(from: number): number {
  return performance.now() - from;
}

async function viaSql(db: Parameters<typeof readChanges>[0]): Promise<number[]> {
  const times: number[] = [];
  let cursor: string | undefined;
  for (;;) {
    const started = performance.now();
    const page = await readChanges(db, who, cursor, PAGE);
    times.push(ms(started));
    cursor = page.cursor;
    if (!page.hasMore) return times;
  }
}

async function viaHttp(
  url: string,
  token: string,
): Promise<{ head: number[]; total: number[]; changes: number }> {
  const head: number[] = [];
  const total: number[] = [];
  let changes = 0;
  let cursor = '';
  for (;;) {
    const started = performance.now();
    const response = await fetch(`${url}/v1/changes?limit=${PAGE}&cursor=${cursor}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    head.push(ms(started));
    const text = await response.text();
    total.push(ms(started));
    if (!response.ok) throw new Error(`${response.status}: ${text.slice(0, 200)}`);
    const body = JSON.parse(text) as { changes: unknown[]; cursor: string; hasMore: boolean };
    changes += body.changes.length;
    cursor = body.cursor;
    if (!body.hasMore) return { head, total, changes };
  }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `total ${(sum(values) / 1000).toFixed(2)} s, per page median ${median.toFixed(0)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`;
}

const snapshot = benchSnapshot(accounts);
for (const storage of storages as StorageKind[]) {
  const backend = await startBenchBackend(storage, snapshot);
  try {
    console.log(`${storage}: imported in ${backend.importSeconds.toFixed(1)} s, reading as ${who.role}`);
    const token = await createToken(backend.server.db, who.email);
    for (let round = 1; round <= rounds; round++) {
      const sql = await viaSql(backend.server.db);
      const http = await viaHttp(backend.server.url, token);
      console.log(`  round ${round}: ${sql.length} pages, ${http.changes} changes`);
      console.log(`    readChanges   ${summary(sql)}`);
      console.log(`    HTTP headers  ${summary(http.head)}`);
      console.log(`    HTTP body     ${summary(http.total)}`);
    }
  } finally {
    await backend.close();
  }
}
