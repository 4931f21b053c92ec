/**
 * Embedded Postgres on a thread of its own. PGlite is WebAssembly and runs each query synchronously on
 * the thread that owns it; on the HTTP thread one large page blocks every other request, and a queue of
 * them blocks it for seconds. Plain JavaScript so that it loads in any runner without a TypeScript hook.
 *
 * Protocol, one message per request, each answered with `{ id, ok: true, value }` or
 * `{ id, ok: false, error }`:
 *   { id, kind: 'query', sql, params, tx? }  rows, inside transaction `tx` when given
 *   { id, kind: 'begin' }                    a new transaction's id, once BEGIN has run
 *   { id, kind: 'end', tx, commit }          COMMIT or ROLLBACK of `tx`
 *   { id, kind: 'listen', channel }         a listener id; each NOTIFY then posts `{ notify: id, payload }`
 *   { id, kind: 'unlisten', listener }
 *   { id, kind: 'close' }
 * On start it posts `{ ready: true }`, or `{ ready: false, error }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const ROLLBACK = Symbol('rollback');
/** Open transactions: the PGlite handle and how to end the callback PGlite is waiting on. */
const transactions = new Map();
let nextTx = 1;
/** LISTEN subscriptions: listener id → the function that stops it. */
const unlisteners = new Map();
let nextListener = 1;

/** An error as plain data: structured clone keeps only message and stack of an Error's own fields. */
function plain(error) {
  const fields = {};
  for (const [key, value] of Object.entries(error ?? {})) {
    if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  return { ...fields, name: error?.name ?? 'Error', message: error?.message ?? String(error) };
}

function begin(pg) {
  const id = nextTx++;
  const open = {};
  return new Promise((begun, failed) => {
    open.done = pg.transaction(
      (tx) =>
        new Promise((finish, abort) => {
          Object.assign(open, { tx, finish, abort });
          transactions.set(id, open);
          begun(id);
        }),
    );
    // Before the callback ran, the failure is BEGIN's; after it, end() reports it.
    open.done.catch((error) => {
      if (!open.tx) failed(error);
    });
  });
}

async function end(id, commit) {
  const open = transactions.get(id);
  if (!open) throw new Error(`no open transaction ${id}`);
  transactions.delete(id);
  if (commit) open.finish();
  else open.abort(ROLLBACK);
  try {
    await open.done;
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return null;
}

async function handle(pg, message) {
  switch (message.kind) {
    case 'query': {
      const target = message.tx === undefined ? pg : transactions.get(message.tx)?.tx;
      if (!target) throw new Error(`no open transaction ${message.tx}`);
      return (await target.query(message.sql, message.params)).rows;
    }
    case 'begin':
      return begin(pg);
    case 'end':
      return end(message.tx, message.commit);
    case 'listen': {
      const listener = nextListener++;
      const stop = await pg.listen(message.channel, (payload) =>
        parentPort.postMessage({ notify: listener, payload }),
      );
      unlisteners.set(listener, stop);
      return listener;
    }
    case 'unlisten': {
      const stop = unlisteners.get(message.listener);
      unlisteners.delete(message.listener);
      await stop?.();
      return null;
    }
    case 'close':
      return pg.close();
    default:
      throw new Error(`unknown request ${message.kind}`);
  }
}

async function main() {
  const pg = workerData.dir === undefined ? new PGlite() : new PGlite(workerData.dir);
  try {
    await pg.waitReady;
  } catch (error) {
    parentPort.postMessage({ ready: false, error: plain(error) });
    return;
  }
  parentPort.on('message', (message) => {
    handle(pg, message).then(
      (value) => parentPort.postMessage({ id: message.id, ok: true, value }),
      (error) => parentPort.postMessage({ id: message.id, ok: false, error: plain(error) }),
    );
  });
  parentPort.postMessage({ ready: true });
}

main();
