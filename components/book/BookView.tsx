import { useState } from 'react';
import { ALL_ACCOUNTS } from '@/lib/book/filter.ts';
import type { MisalignedAccount } from '@/lib/book/types.ts';
import type { MessageClient } from '@/lib/messages/client.ts';
import { BookCounts } from './BookCounts.tsx';
import { BookFilterBar } from './BookFilterBar.tsx';
import { MisalignedDetails } from './MisalignedDetails.tsx';
import { MisalignedList } from './MisalignedList.tsx';
import { type BookSummary, useBookPages } from './useBookPages.ts';

const count = (n: number) => n.toLocaleString('en-US');

function summaryText(summary: BookSummary, filtered: boolean): string {
  if (summary.counting) return `Counting… ${count(summary.checked)} accounts checked so far`;
  if (!filtered) return `${count(summary.misaligned)} of ${count(summary.checked)} accounts misaligned`;
  return `Showing ${count(summary.total)} of ${count(summary.misaligned)} misaligned accounts`;
}

/** The lead's book view: every misaligned account, computed and filtered by the background. */
export function BookView({ request, compact = false }: { request: MessageClient; compact?: boolean }) {
  const [filters, setFilters] = useState(ALL_ACCOUNTS);
  const [generation, setGeneration] = useState(0);
  const [selected, setSelected] = useState<MisalignedAccount | null>(null);
  const book = useBookPages(request, filters, generation);
  const { summary } = book;
  const filtered = filters.kind !== 'all' || filters.owner !== null || filters.tier !== null;

  return (
    <section className={`lv${compact ? ' lv--compact' : ''}`} aria-labelledby="lv-heading">
      <h2 id="lv-heading" className="lv-heading">
        Misaligned accounts
      </h2>
      {book.error && (
        <p className="lv-error" role="alert">
          {book.error}
        </p>
      )}
      {!book.error && !summary && <p className="lv-muted">Checking every account of your book…</p>}
      {!book.error && summary && (
        <>
          <div className="lv-summary">
            <p role="status" data-testid="book-summary">
              {summaryText(summary, filtered)}
            </p>
            <button type="button" className="lv-button" onClick={() => setGeneration(generation + 1)}>
              Refresh
            </button>
          </div>
          <BookCounts
            counts={summary.counting ? null : summary.counts}
            kind={filters.kind}
            onKind={(kind) => setFilters({ ...filters, kind })}
          />
          <BookFilterBar
            filters={filters}
            owners={summary.owners}
            tiers={summary.tiers}
            onChange={setFilters}
          />
          {book.ready && summary.total === 0 ? (
            <div className="lv-empty">
              {summary.misaligned === 0 ? (
                <p>Every account in your book sits in the right tier and meets its benchmarks.</p>
              ) : (
                <>
                  <p>No misaligned account matches these filters.</p>
                  <button type="button" className="lv-button" onClick={() => setFilters(ALL_ACCOUNTS)}>
                    Clear filters
                  </button>
                </>
              )}
            </div>
          ) : (
            <MisalignedList
              // Other filters show another list, which starts at its top.
              key={`${filters.kind}|${filters.owner}|${filters.tier}|${filters.sort}|${generation}`}
              total={book.ready ? summary.total : 0}
              rowAt={book.rowAt}
              onRange={book.ensure}
              selectedId={selected?.id ?? null}
              onSelect={(account) => setSelected(account.id === selected?.id ? null : account)}
            />
          )}
          {selected && <MisalignedDetails account={selected} onClose={() => setSelected(null)} />}
        </>
      )}
    </section>
  );
}
