/**
 * Baselines that run inside the extension's service worker (Playwright serviceWorker.evaluate), so
 * they share its process, its IndexedDB and its network with the figures they stand beside. Each is
 * self-contained: Playwright serialises it.
 */

/** The whole change feed fetched page by page (not timed), then JSON.parse of the same bytes, timed. */
export async function timeFeedParse(args: {
  backendUrl: string;
  token: string;
  pageSize: number;
}): Promise<{ parseMs: number; bytes: number; pages: number }> {
  const texts: string[] = [];
  let cursor: string | null = null;
  for (;;) {
    const query = new URLSearchParams({ limit: String(args.pageSize) });
    if (cursor) query.set('cursor', cursor);
    const response = await fetch(`${args.backendUrl}/v1/changes?${query}`, {
      headers: { Authorization: `Bearer ${args.token}` },
    });
    if (!response.ok) throw new Error(`the feed answered ${response.status}`);
    const text = await response.text();
    texts.push(text);
    const page = JSON.parse(text) as { cursor: string; hasMore: boolean };
    if (!page.hasMore) break;
    cursor = page.cursor;
  }
  const started = performance.now();
  for (const text of texts) JSON.parse(text);
  const parseMs = performance.now() - started;
  return { parseMs, bytes: texts.reduce((sum, text) => sum + text.length, 0), pages: texts.length };
}

/**
 * Every row the extension stored in `source`, written again with bare IndexedDB (one readwrite
 * transaction, a put per row) into a scratch database with the same stores and indexes; only the
 * write is timed. The scratch database is deleted afterwards.
 */
export async function timeBareWrite(args: {
  source: string;
  scratch: string;
}): Promise<{ writeMs: number; rows: number }> {
  const done = (request: IDBRequest | IDBOpenDBRequest) =>
    new Promise<unknown>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const source = (await done(indexedDB.open(args.source))) as IDBDatabase;
  const names = [...source.objectStoreNames];
  const read = source.transaction(names, 'readonly');
  const stores = await Promise.all(
    names.map(async (name) => {
      const store = read.objectStore(name);
      const [values, keys] = await Promise.all([done(store.getAll()), done(store.getAllKeys())]);
      return {
        name,
        keyPath: store.keyPath,
        autoIncrement: store.autoIncrement,
        indexes: [...store.indexNames].map((i) => store.index(i)),
        values: values as unknown[],
        keys: keys as IDBValidKey[],
      };
    }),
  );
  source.close();
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
  const scratch = (await done(opening)) as IDBDatabase;
  const started = performance.now();
  const write = scratch.transaction(names, 'readwrite');
  for (const s of stores) {
    const store = write.objectStore(s.name);
    s.values.forEach((value, i) => {
      if (s.keyPath === null) store.put(value, s.keys[i]);
      else store.put(value);
    });
  }
  await new Promise<void>((resolve, reject) => {
    write.oncomplete = () => resolve();
    write.onerror = () => reject(write.error);
    write.onabort = () => reject(write.error ?? new Error('the bare write was aborted'));
  });
  const writeMs = performance.now() - started;
  scratch.close();
  await done(indexedDB.deleteDatabase(args.scratch));
  return { writeMs, rows: stores.reduce((sum, s) => sum + s.values.length, 0) };
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
