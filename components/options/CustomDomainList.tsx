import type { CustomDomain } from '@/lib/crm-sites/sites.ts';
import { crmLabel } from '@/lib/settings/crm-label.ts';

interface Props {
  domains: readonly (CustomDomain & { active: boolean })[];
  locked: boolean;
  busy: boolean;
  onAllow(domain: CustomDomain): void;
  onRemove(domain: CustomDomain): void;
}

/** Each custom domain with whether Goal Lens may run there; a missing permission is one click away. */
export function CustomDomainList({ domains, locked, busy, onAllow, onRemove }: Props) {
  if (domains.length === 0) return <p className="hint">No custom domains.</p>;
  return (
    <ul className="custom-domains" aria-label="Custom domains">
      {domains.map((domain) => (
        <li key={domain.host} data-testid="custom-domain">
          <span className="domain-host">{domain.host}</span> <span>({crmLabel(domain.crm)})</span>{' '}
          {domain.active ? (
            <span className="ok">Active</span>
          ) : (
            <>
              <span className="warning">Not allowed: Goal Lens does not have permission to run there.</span>{' '}
              <button
                type="button"
                disabled={busy}
                aria-label={`Allow on ${domain.host}`}
                onClick={() => onAllow(domain)}
              >
                Allow
              </button>
            </>
          )}{' '}
          {!locked && (
            <button
              type="button"
              disabled={busy}
              aria-label={`Remove ${domain.host}`}
              onClick={() => onRemove(domain)}
            >
              Remove
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
