import type { MisalignedAccount } from '@/lib/book/types.ts';

interface MisalignedDetailsProps {
  account: MisalignedAccount;
  onClose: () => void;
}

/** The reasons behind every flag of one account, outside the windowed list so they can be any length. */
export function MisalignedDetails({ account, onClose }: MisalignedDetailsProps) {
  return (
    <section
      className="lv-details"
      aria-label={`Why ${account.name} is flagged`}
      data-testid="misaligned-details"
    >
      <div className="lv-details__head">
        <h3>{account.name}</h3>
        <button type="button" className="lv-button" onClick={onClose}>
          Close
        </button>
      </div>
      {account.misalignments.map((m) => (
        <div key={m.kind} className="lv-details__kind">
          <p className="lv-details__title">{m.title}</p>
          <ul>
            {m.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
