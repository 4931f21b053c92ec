import { formatDate } from '@/lib/format/values.ts';
import type { PanelView } from '@/lib/panel/view-types.ts';
import { MisalignmentFlag } from './MisalignmentFlag.tsx';
import { TierBadge } from './TierBadge.tsx';

/** `tierIsNew`: the tier just changed under the user's eyes. */
export function AccountHeader({ view, tierIsNew = false }: { view: PanelView; tierIsNew?: boolean }) {
  const { account } = view;
  return (
    <div className="gl-account">
      <h2 className="gl-account__name">{account.name}</h2>
      <div className="gl-account__meta">
        <TierBadge tier={view.tier} isNew={tierIsNew} />
        {account.ownerName && <span className="gl-muted">Owner: {account.ownerName}</span>}
        {account.renewalDate && <span className="gl-muted">Renews {formatDate(account.renewalDate)}</span>}
      </div>
      <MisalignmentFlag misalignments={view.misalignments} />
    </div>
  );
}
