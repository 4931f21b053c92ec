import { AdminApiError } from './admin-client.ts';

/** Why the backend refused a save, in its words, with each item it named. */
export function Refusal({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const details = error instanceof AdminApiError && Array.isArray(error.details) ? error.details : [];
  return (
    <div className="refusal" role="alert">
      <p>{message}</p>
      {details.length > 0 && (
        <ul>
          {details.slice(0, 20).map((detail) => (
            <li key={JSON.stringify(detail)}>{describe(detail)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function describe(detail: unknown): string {
  const d = detail as Record<string, unknown>;
  if (typeof d.path === 'string' && typeof d.message === 'string') return `${d.path}: ${d.message}`;
  if (typeof d.id === 'string' && 'deleted' in d) {
    return d.deleted
      ? `${d.id} was deleted`
      : `${d.id} was saved at ${String(d.updatedAt)}${d.updatedBy ? ` by ${String(d.updatedBy)}` : ''}`;
  }
  return JSON.stringify(detail);
}
