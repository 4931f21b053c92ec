import type { CrmName } from '@/lib/schemas/entities.ts';
import { crmLabel } from '@/lib/settings/crm-label.ts';
import { PolicyNote } from './PolicyNote.tsx';

interface Props {
  crms: readonly { crm: CrmName; enabled: boolean }[];
  locked: boolean;
  busy: boolean;
  onChange(crm: CrmName, enabled: boolean): void;
}

/** One switch per CRM; a CRM switched off gets no panel and no trace in its pages. */
export function CrmToggles({ crms, locked, busy, onChange }: Props) {
  return (
    <fieldset className="crm-toggles" aria-describedby={locked ? 'crms-locked' : undefined}>
      <legend>Show Goal Lens on</legend>
      {locked && <PolicyNote id="crms-locked" />}
      {crms.map(({ crm, enabled }) => (
        <label key={crm} className="checkbox">
          <input
            type="checkbox"
            checked={enabled}
            disabled={locked || busy}
            aria-describedby={locked ? 'crms-locked' : undefined}
            onChange={(event) => onChange(crm, event.target.checked)}
          />
          {crmLabel(crm)}
        </label>
      ))}
    </fieldset>
  );
}
