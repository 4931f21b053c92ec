import { useId, useState } from 'react';
import { parseCsv } from '@/lib/csv/parse.ts';
import { CsvImportReport } from '@/lib/schemas/csv.ts';
import { ADMIN_COLLECTION_NAMES, type AdminCollection } from '@/lib/schemas/index.ts';
import { Refusal } from '../Refusal.tsx';
import type { ScreenProps } from '../screen-props.ts';
import { ColumnMapping } from './ColumnMapping.tsx';
import {
  autoMapping,
  type ColumnChoice,
  chooseTarget,
  columnMap,
  mappingProblems,
} from './column-mapping.ts';
import { downloadText } from './download.ts';
import { ExportList } from './ExportList.tsx';
import { ProblemsTable } from './ProblemsTable.tsx';
import { problemsCsv } from './problems-csv.ts';

/** Enough of the file for its header row, however long the file: the rest is read only to send it. */
const HEAD_BYTES = 256 * 1024;

type Outcome = { report: CsvImportReport } | { refusal: string } | null;

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

function refusalOf(status: number, body: unknown): string {
  const error = (body as { error?: { message?: string } } | null)?.error;
  return error?.message ?? `The backend answered ${status}.`;
}

function Summary({ report }: { report: CsvImportReport }) {
  const { created, updated, unchanged } = report.counts;
  const bad = report.problems.length;
  const ignored =
    report.ignoredColumns.length > 0 ? ` Columns left out: ${report.ignoredColumns.join(', ')}.` : '';
  if (bad > 0) {
    return (
      <p role="alert">
        {bad} {bad === 1 ? 'problem' : 'problems'}: nothing was imported. The rows without problems would
        create {created}, update {updated}, leave {unchanged} unchanged.{ignored}
      </p>
    );
  }
  return (
    <p role="status">
      {report.dryRun
        ? `Preview: would create ${created}, update ${updated}, leave ${unchanged} unchanged. Nothing is imported yet.`
        : `Imported: created ${created}, updated ${updated}, ${unchanged} unchanged.`}
      {ignored}
    </p>
  );
}

/** CSV in (mapped, previewed, imported all or nothing) and out, per collection (SPEC section 9). */
export function ImportsScreen({ client }: ScreenProps) {
  const ids = { file: useId(), collection: useId(), fileError: useId() };
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [collection, setCollection] = useState<AdminCollection>('accounts');
  const [headers, setHeaders] = useState<string[]>([]);
  const [choices, setChoices] = useState<ColumnChoice[]>([]);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const pickFile = async (picked: File | null) => {
    setOutcome(null);
    setFile(picked);
    setHeaders([]);
    setChoices([]);
    setFileError(null);
    if (picked === null) return;
    const head = parseCsv(await picked.slice(0, HEAD_BYTES).text());
    if (head.headers.length === 0) {
      setFileError('The file is empty: its first line must name the columns.');
      return;
    }
    setHeaders(head.headers);
    setChoices(autoMapping(head.headers, collection));
  };

  const pickCollection = (next: AdminCollection) => {
    setCollection(next);
    setOutcome(null);
    setChoices(autoMapping(headers, next));
  };

  const send = async (dryRun: boolean) => {
    if (file === null) {
      setFileError('Choose a CSV file first.');
      return;
    }
    if (mappingProblems(choices).size > 0) return;
    setBusy(dryRun ? 'preview' : 'import');
    try {
      const answer = await client.importCsv(collection, await file.text(), {
        dryRun,
        map: columnMap(choices),
      });
      const report = CsvImportReport.safeParse(answer.body);
      setOutcome(
        (answer.status === 200 || answer.status === 422) && report.success
          ? { report: report.data }
          : { refusal: refusalOf(answer.status, answer.body) },
      );
    } catch (error) {
      setOutcome({ refusal: reason(error) });
    } finally {
      setBusy(null);
    }
  };

  const clash = mappingProblems(choices).size > 0;
  const report = outcome && 'report' in outcome ? outcome.report : null;
  return (
    <section aria-labelledby="imports-title">
      <h1 id="imports-title">Imports</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send(true);
        }}
      >
        <p>
          <label htmlFor={ids.file}>CSV file</label>{' '}
          <input
            id={ids.file}
            type="file"
            accept=".csv,text/csv"
            aria-invalid={fileError !== null}
            aria-describedby={fileError ? ids.fileError : undefined}
            onChange={(event) => void pickFile(event.target.files?.[0] ?? null)}
          />
          {fileError && (
            <span id={ids.fileError} className="field-error">
              {' '}
              {fileError}
            </span>
          )}
        </p>
        <p>
          <label htmlFor={ids.collection}>Import into</label>{' '}
          <select
            id={ids.collection}
            value={collection}
            onChange={(event) => pickCollection(event.target.value as AdminCollection)}
          >
            {ADMIN_COLLECTION_NAMES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </p>
        {choices.length > 0 && (
          <ColumnMapping
            collection={collection}
            choices={choices}
            onChoose={(header, target) => {
              setOutcome(null);
              setChoices((current) => chooseTarget(current, header, target));
            }}
          />
        )}
        <p>
          <button type="submit" disabled={busy !== null || clash}>
            Preview
          </button>{' '}
          <button type="button" disabled={busy !== null || clash} onClick={() => void send(false)}>
            Import
          </button>{' '}
          {busy && <span role="status">{busy === 'preview' ? 'Checking the file…' : 'Importing…'}</span>}
        </p>
      </form>
      <Refusal error={outcome && 'refusal' in outcome ? outcome.refusal : null} />
      {report && <Summary report={report} />}
      {report && report.problems.length > 0 && (
        <>
          <ProblemsTable problems={report.problems} />
          <p>
            <button
              type="button"
              onClick={() => downloadText(`${collection}-problems.csv`, problemsCsv(report.problems))}
            >
              Download the problems as CSV
            </button>
          </p>
        </>
      )}
      <ExportList client={client} />
    </section>
  );
}
