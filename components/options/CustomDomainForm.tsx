import { type FormEvent, useState } from 'react';
import type { CrmName } from '@/lib/schemas/entities.ts';
import { crmLabel } from '@/lib/settings/crm-label.ts';

interface Props {
  crms: readonly CrmName[];
  busy: boolean;
  /** Called inside the submit event: the browser only shows its permission prompt for a user action. */
  onAdd(host: string, crm: CrmName): void;
}

export function CustomDomainForm({ crms, busy, onAdd }: Props) {
  const [host, setHost] = useState('');
  const [crm, setCrm] = useState<CrmName>(crms[0] ?? 'salesforce');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAdd(host, crm);
  };

  return (
    <form className="custom-domain-form" onSubmit={submit}>
      <label>
        Custom domain
        <input
          type="text"
          value={host}
          onChange={(event) => setHost(event.target.value)}
          placeholder="crm.contoso.com"
          aria-describedby="custom-domain-help"
        />
      </label>
      <label>
        CRM on this domain
        <select value={crm} onChange={(event) => setCrm(event.target.value as CrmName)}>
          {crms.map((option) => (
            <option key={option} value={option}>
              {crmLabel(option)}
            </option>
          ))}
        </select>
      </label>
      <p id="custom-domain-help" className="hint">
        The host your CRM is served from, e.g. a Salesforce vanity domain or an on-premises Dynamics server
        (https only; *.contoso.com covers every subdomain). Your browser will ask you to let Goal Lens read
        and change pages on that domain: it needs that to show the panel there, and nowhere else.
      </p>
      <button type="submit" disabled={busy}>
        Add domain
      </button>
    </form>
  );
}
