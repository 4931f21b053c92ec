import { useCallback, useEffect, useId, useState } from 'react';
import {
  ADMIN_COLLECTION_NAMES,
  type AdminRow,
  type AuditEntry,
  type AuditFilter,
  AuditResponse,
  Source,
} from '@/lib/schemas/index.ts';
import { type Column, DataTable } from '../../table/DataTable.tsx';
import { Refusal } from '../Refusal.tsx';
import type { ScreenProps } from '../screen-props.ts';

const PAGE = 100;

type Page = { entries: AuditEntry[]; cursor: string | null; hasMore: boolean };

const COLUMNS: Column<AuditEntry>[] = [
  { header: 'When', cell: (entry) => <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time> },
  { header: 'Who', cell: (entry) => (entry.actor ? (entry.actor.name ?? entry.actor.id) : 'the server') },
  { header: 'Path', cell: (entry) => entry.source },
  { header: 'Collection', cell: (entry) => entry.collection },
  { header: 'Change', cell: (entry) => (entry.op === 'upsert' ? 'created or updated' : 'deleted') },
  {
    header: 'Ids',
    cell: (entry) =>
      entry.ids.length > 5
        ? `${entry.ids.slice(0, 5).join(', ')} and ${entry.ids.length - 5} more`
        : entry.ids.join(', '),
  },
];

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Who changed what, when and through which path, narrowed on the server by person, path and collection. */
export function AuditScreen({ client }: ScreenProps) {
  const ids = { actor: useId(), source: useId(), collection: useId() };
  const [people, setPeople] = useState<AdminRow<'users'>[]>([]);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState<Page>({ entries: [], cursor: null, hasMore: false });
  const [loading, setLoading] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    client.list('users').then(setPeople, () => setPeople([]));
  }, [client]);

  const load = useCallback(
    async (from: Page) => {
      setLoading(true);
      setRefusal(null);
      try {
        const query: Record<string, string> = { limit: String(PAGE) };
        for (const [key, value] of Object.entries(filter)) if (value) query[key] = value;
        if (from.cursor) query.cursor = from.cursor;
        const answer = await client.call({ method: 'GET', path: '/v1/admin/audit', query });
        if (answer.status >= 300) {
          const error = (answer.body as { error?: { message?: string } } | null)?.error;
          throw new Error(error?.message ?? `The backend answered ${answer.status}.`);
        }
        const next = AuditResponse.parse(answer.body);
        setPage({ entries: [...from.entries, ...next.entries], cursor: next.cursor, hasMore: next.hasMore });
      } catch (error) {
        setRefusal(reasonOf(error));
      } finally {
        setLoading(false);
      }
    },
    [client, filter],
  );

  useEffect(() => {
    void load({ entries: [], cursor: null, hasMore: false });
  }, [load]);

  const set = (key: keyof AuditFilter, value: string) =>
    setFilter((current) => ({ ...current, [key]: value || undefined }));

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <form className="filters" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={ids.actor}>Person</label>{' '}
        <select id={ids.actor} value={filter.actor ?? ''} onChange={(e) => set('actor', e.target.value)}>
          <option value="">Everyone</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>{' '}
        <label htmlFor={ids.source}>Path</label>{' '}
        <select id={ids.source} value={filter.source ?? ''} onChange={(e) => set('source', e.target.value)}>
          <option value="">Any path</option>
          {Source.options.map((source) => (
            <option key={source} value={source}>
              {source}
            </option>
          ))}
        </select>{' '}
        <label htmlFor={ids.collection}>Collection</label>{' '}
        <select
          id={ids.collection}
          value={filter.collection ?? ''}
          onChange={(e) => set('collection', e.target.value)}
        >
          <option value="">Any collection</option>
          {ADMIN_COLLECTION_NAMES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </form>
      <Refusal error={refusal} />
      <DataTable
        caption="Changes, oldest first"
        hideCaption
        busy={loading}
        columns={COLUMNS}
        rows={page.entries}
        // Entries have no id of their own and never move: their place in the log is stable.
        rowKey={(_, index) => String(index)}
      />
      {!loading && page.entries.length === 0 && !refusal && <p>No changes match.</p>}
      <p>
        {page.hasMore && (
          <button type="button" disabled={loading} onClick={() => void load(page)}>
            Load more
          </button>
        )}{' '}
        {loading && <span role="status">Loading…</span>}
      </p>
    </section>
  );
}
