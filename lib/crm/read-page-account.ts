import { normaliseDomain } from './account-identity.ts';
import { ACCOUNT_PROBES, type AccountField, describeProbe, type Probe } from './page-account-fields.ts';
import { cleanFieldValue } from './page-fields.ts';
import { recordScopes, showsThisRecord } from './page-records.ts';
import { queryScopes, queryWithin, type Scopes, shownValue } from './page-tree.ts';
import { readFieldIn } from './read-page-field.ts';
import type { CrmName } from './types.ts';

/** One probe's outcome; `error` when the probe itself is broken (an invalid selector), never thrown. */
interface ProbeResult {
  probe: string;
  found: boolean;
  error?: string;
}

/** What reading one field tried, in order, and whether any probe found a usable value. */
export interface FieldReport {
  field: AccountField;
  found: boolean;
  tried: ProbeResult[];
}

export interface PageAccount {
  /** The account's name as the page shows it (spaces collapsed, UI decorations removed), or null. */
  name: string | null;
  /** The website's normalised domain, or null. */
  domain: string | null;
  reports: FieldReport[];
}

function firstOfThisRecord(scopes: Scopes, selector: string): Element | null {
  for (const element of queryScopes(scopes, selector)) if (showsThisRecord(element)) return element;
  return null;
}

function probeText(scopes: Scopes, crm: CrmName, probe: Probe): string | null {
  if (probe.kind === 'field') return readFieldIn(scopes, crm, probe.label);
  const element = firstOfThisRecord(scopes, probe.selector);
  if (!element) return null;
  if (probe.kind === 'href') {
    // A formatted-URL component renders its link inside its own shadow root.
    const link = element.hasAttribute('href') ? element : queryWithin(element, 'a[href]');
    return link?.getAttribute('href') ?? null;
  }
  // A clean attribute beats text that carries the page's decorations.
  const clean = probe.attribute ? element.getAttribute(probe.attribute)?.trim() : undefined;
  if (clean) return clean;
  const text = shownValue(element).replace(/\s+/gu, ' ').trim();
  return probe.suffix ? text.replace(probe.suffix, '') : text;
}

const PARSERS: Record<AccountField, (text: string) => string | null> = {
  name: cleanFieldValue,
  website: normaliseDomain,
};

function readField(
  scopes: Scopes,
  crm: CrmName,
  field: AccountField,
  probes: readonly Probe[],
): { value: string | null; report: FieldReport } {
  const tried: ProbeResult[] = [];
  for (const probe of probes) {
    try {
      const text = probeText(scopes, crm, probe);
      const value = text === null ? null : PARSERS[field](text);
      tried.push({ probe: describeProbe(probe), found: value !== null });
      if (value !== null) return { value, report: { field, found: true, tried } };
    } catch (error) {
      tried.push({
        probe: describeProbe(probe),
        found: false,
        error: String(error)
          .replace(/\p{Cc}+/gu, ' ')
          .slice(0, 200),
      });
    }
  }
  return { value: null, report: { field, found: false, tried } };
}

/**
 * The account's name and website domain as the CRM page shows them for the record on screen, with a
 * report of every probe tried. Runs inside the CRM's page, so it never throws: a redesigned page means
 * "not found" and a report that says which probes failed. A CRM without evidenced probes reads nothing.
 */
export function readPageAccount(
  root: ParentNode,
  crm: CrmName,
  probes: Record<AccountField, readonly Probe[]> = ACCOUNT_PROBES[crm],
): PageAccount {
  let scopes: Scopes = [root];
  try {
    scopes = recordScopes(root);
  } catch {
    // A root that cannot be walked is still searched as it is.
  }
  const name = readField(scopes, crm, 'name', probes.name);
  const website = readField(scopes, crm, 'website', probes.website);
  return { name: name.value, domain: website.value, reports: [name.report, website.report] };
}
