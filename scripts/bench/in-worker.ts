/**
 * Baselines that run inside the extension's service worker (Playwright serviceWorker.evaluate), so
 * they share its process, its IndexedDB and its network with the figures they stand beside. Each is
 * self-contained: Playwright serialises it.
 */

/**
 * The whole change feed fetched page by page, each page's bytes parsed with JSON.parse and then
 * dropped, so the worker never holds more than a page, whatever the book's size. The fetches and the
 * parses are timed apart: the fetches are the backend's share, the baseline's only the parses.
 */
export async function timeFeedParse(args: {
  backendUrl: string;
  token: string;
  pageSize: number;
}): Promise<{ fetchMs: number; parseMs: number; bytes: number; pages: number }> {
  let fetchMs = 0;
  let parseMs = 0;
  let bytes = 0;
  let pages = 0;
  let cursor: string | null = null;
  for (;;) {
    const query = new URLSearchParams({ limit: String(args.pageSize) });
    if (cursor) query.set('cursor', cursor);
    const requested = performance.now();
    const response = await fetch(`${args.backendUrl}/v1/changes?${query}`, {
      headers: { Authorization: `Bearer ${args.token}` },
    });
    if (!response.ok) throw new Error(`the feed answered ${response.status}`);
    const text = await response.text();
    fetchMs += performance.now() - requested;
    const started = performance.now();
    const page = JSON.parse(text) as { cursor: string; hasMore: boolean };
    parseMs += performance.now() - started;
    bytes += text.length;
    pages++;
    if (!page.hasMore) break;
    cursor = page.cursor;
  }
  return { fetchMs, parseMs, bytes, pages };
}

/**
 * Every row the extension stored in `source`, written again with bare IndexedDB (a put per row, one
 * readwrite transaction per `chunk` rows) into a scratch database with the same stores and indexes.
 * Only the writes are timed; rows are read `chunk` at a time, so memory stays bounded. The scratch
 * database is deleted afterwards.
 */
export async function timeBareWrite(args: {
  source: string;
  scratch: string;
  chunk: number;
}): Promise<{ writeMs: number; rows: number }> {
  const done = <T>(request: IDBRequest<T> | IDBOpenDBRequest) =>
    new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result as T);
      request.onerror = () => reject(request.error);
    });
  const committed = (transaction: IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error ?? new Error('the bare write was aborted'));
    });
  const source = await done<IDBDatabase>(indexedDB.open(args.source));
  const names = [...source.objectStoreNames];
  const schema = source.transaction(names, 'readonly');
  const stores = names.map((name) => {
    const store = schema.objectStore(name);
    return {
      name,
      keyPath: store.keyPath,
      autoIncrement: store.autoIncrement,
      indexes: [...store.indexNames].map((i) => store.index(i)),
    };
  });
  await done(indexedDB.deleteDatabase(args.scratch));
  const opening = indexedDB.open(args.scratch, 1);
  opening.onupgradeneeded = () => {
    for (const s of stores) {
      const store = opening.result.createObjectStore(s.name, {
        keyPath: s.keyPath,
        autoIncrement: s.autoIncrement,
      });
      for (const index of s.indexes) {
        store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
      }
    }
  };
  const scratch = await done<IDBDatabase>(opening);
  let writeMs = 0;
  let rows = 0;
  for (const s of stores) {
    let after: IDBValidKey | null = null;
    for (;;) {
      const range: IDBKeyRange | undefined = after === null ? undefined : IDBKeyRange.lowerBound(after, true);
      const read = source.transaction(s.name, 'readonly').objectStore(s.name);
      const [values, keys]: [unknown[], IDBValidKey[]] = await Promise.all([
        done(read.getAll(range, args.chunk)),
        done(read.getAllKeys(range, args.chunk)),
      ]);
      if (values.length === 0) break;
      const started = performance.now();
      const write = scratch.transaction(s.name, 'readwrite');
      const store = write.objectStore(s.name);
      for (const [i, value] of values.entries()) {
        if (s.keyPath === null) store.put(value, keys[i]);
        else store.put(value);
      }
      await committed(write);
      writeMs += performance.now() - started;
      rows += values.length;
      after = keys.at(-1) ?? null;
      if (values.length < args.chunk) break;
    }
  }
  source.close();
  scratch.close();
  await done(indexedDB.deleteDatabase(args.scratch));
  return { writeMs, rows };
}

/**
 * A page of `changes` changes fetched from the feed, parsed, and put into a scratch store in one
 * transaction, `runs` times: the bare fetch + write a delta sync of that size cannot go below.
 */
export async function timeFetchAndWrite(args: {
  backendUrl: string;
  token: string;
  changes: number;
  runs: number;
  scratch: string;
}): Promise<number[]> {
  const opening = indexedDB.open(args.scratch, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore('changes');
  const scratch = await new Promise<IDBDatabase>((resolve, reject) => {
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
  });
  const times: number[] = [];
  for (let run = 0; run < args.runs; run++) {
    const started = performance.now();
    const response = await fetch(`${args.backendUrl}/v1/changes?limit=${args.changes}`, {
      headers: { Authorization: `Bearer ${args.token}` },
    });
    const page = (await response.json()) as { changes: unknown[] };
    const write = scratch.transaction('changes', 'readwrite');
    const store = write.objectStore('changes');
    for (const [i, change] of page.changes.entries()) store.put(change, i);
    await new Promise<void>((resolve, reject) => {
      write.oncomplete = () => resolve();
      write.onerror = () => reject(write.error);
    });
    times.push(performance.now() - started);
  }
  scratch.close();
  await new Promise((resolve) => {
    indexedDB.deleteDatabase(args.scratch).onsuccess = resolve;
  });
  return times;
}
