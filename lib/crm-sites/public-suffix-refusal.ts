import type { CrmName } from '../schemas/entities.ts';
import { listedPublicSuffix, sharedSuffixUnder } from '../settings/public-suffix.ts';
import { normaliseCustomDomain, refuse } from './custom-domain-input.ts';
import type { CustomDomain } from './sites.ts';

const OWNERS = {
  icann: 'domains there belong to many unrelated organisations',
  private: 'many unrelated customers of one hosting company have their sites there',
};

/**
 * A public suffix (Public Suffix List, its private section included) is shared by unrelated sites:
 * Goal Lens must not be granted, nor run, on all of them. Checked in the options page, before the
 * browser is asked for the host permission without which no custom domain is ever used.
 */
export function refusePublicSuffix(host: string): void {
  if (host.startsWith('*.')) {
    const shared = sharedSuffixUnder(host.slice(2));
    if (shared) {
      refuse(
        `${host} would cover every site under ${shared.suffix}, a public suffix: ${OWNERS[shared.kind]}. ` +
          `Name your organisation’s own domain, e.g. *.contoso.${shared.suffix} or crm.contoso.com.`,
      );
    }
    return;
  }
  const listed = listedPublicSuffix(host);
  if (listed) {
    refuse(
      `${host} is a public suffix, not one CRM’s host: ${OWNERS[listed.kind]}. Enter your CRM’s own host.`,
    );
  }
}

/** A typed custom domain as the options page accepts it: normalised, and not a public suffix. */
export function checkTypedCustomDomain(
  input: string,
  crm: CrmName,
  existing: readonly CustomDomain[],
): CustomDomain {
  const domain = normaliseCustomDomain(input, crm, existing);
  refusePublicSuffix(domain.host);
  return domain;
}
