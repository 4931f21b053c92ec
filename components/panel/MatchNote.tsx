import type { AccountMatch } from '@/lib/panel/view-types.ts';

/** Says how an account not linked to this CRM record was found; nothing when the record id linked it. */
export function MatchNote({ match }: { match: AccountMatch }) {
  if (match.by === 'record') return null;
  return (
    <p
      className="gl-muted gl-match"
      data-testid="account-match"
      title="This CRM record is not linked to a Goal Lens account; the panel found the account by what the page shows."
    >
      {match.by === 'website' ? `Matched by website ${match.value}` : `Matched by name ${match.value}`}
    </p>
  );
}

/** Several accounts fit what the page shows: none is shown, and the user learns why. */
export function AmbiguousNote({
  by,
  value,
  count,
}: {
  by: 'website' | 'name';
  value: string;
  count: number;
}) {
  return (
    <p className="gl-muted" data-testid="ambiguous-match">
      {`${count} Goal Lens accounts match the ${by} ${value}, so none is shown. Link this record to its account in Goal Lens to see it here.`}
    </p>
  );
}
