import { useCallback, useEffect, useRef, useState } from 'react';
import type { BookFilters, BookPage, MisalignedAccount } from '@/lib/book/types.ts';
import type { MessageClient } from '@/lib/messages/client.ts';

/** Rows per request: a few screens, so scrolling rarely waits and a message stays small. */
const PAGE_SIZE = 100;

export type BookSummary = Omit<BookPage, 'offset' | 'accounts'>;

interface Loaded {
  key: string;
  summary: BookSummary | null;
  pages: ReadonlyMap<number, MisalignedAccount[]>;
  error: string | null;
}

/**
 * The filtered book, fetched from the background one page at a time as rows come into view, so
 * 50 000 accounts cost a few small messages. Answers for other filters than the current ones are
 * dropped. `generation` asks again from scratch (Refresh). While the background is still counting,
 * the first page comes early and the same page is asked again to wait for the counts.
 */
export function useBookPages(request: MessageClient, filters: BookFilters, generation: number) {
  const { kind, owner, tier, sort } = filters;
  const key = JSON.stringify([kind, owner, tier, sort, generation]);
  const [loaded, setLoaded] = useState<Loaded>({ key, summary: null, pages: new Map(), error: null });
  const requested = useRef<{ key: string; pages: Set<number> }>({ key, pages: new Set() });

  const load = useCallback(
    (index: number, complete = false) => {
      if (requested.current.key !== key) requested.current = { key, pages: new Set() };
      if (requested.current.pages.has(index) && !complete) return;
      requested.current.pages.add(index);
      const query = { kind, owner, tier, sort, offset: index * PAGE_SIZE, limit: PAGE_SIZE, complete };
      request('book/misaligned', query).then(
        ({ offset: _offset, accounts, ...summary }) => {
          setLoaded((current) => {
            const base = current.key === key ? current : { key, summary, pages: new Map(), error: null };
            // An early answer must not undo the counts a complete one already brought.
            const latest =
              summary.counting && base.summary && !base.summary.counting ? base.summary : summary;
            return { ...base, summary: latest, pages: new Map(base.pages).set(index, accounts) };
          });
          if (summary.counting && index === 0) load(0, true);
        },
        (error: Error) => setLoaded({ key, summary: null, pages: new Map(), error: error.message }),
      );
    },
    [request, key, kind, owner, tier, sort],
  );

  useEffect(() => load(0), [load]);

  const current = loaded.key === key;
  return {
    /** The latest summary, kept while other filters load so the controls do not jump. */
    summary: loaded.summary,
    ready: current && loaded.pages.has(0),
    error: current ? loaded.error : null,
    rowAt: (index: number) =>
      current ? loaded.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE] : undefined,
    /** Fetches the pages that hold rows `start` to `end` (exclusive). */
    ensure: useCallback(
      (start: number, end: number) => {
        for (let page = Math.floor(start / PAGE_SIZE); page * PAGE_SIZE < end; page++) load(page);
      },
      [load],
    ),
  };
}
