import { normaliseDomain } from './account-identity.ts';
import { ACCOUNT_PROBES, type AccountField, describeProbe, type Probe } from './page-account-fields.ts';
import { cleanFieldValue, FIELD_LAYOUTS, pickField } from './page-fields.ts';
import { fieldPairs, shown, shownText } from './read-page-field.ts';
import type { CrmName } from './types.ts';

/** One probe's outcome; `error` when the probe itself is broken (an invalid selector), never thrown. */
export interface ProbeResult {
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
  /** The account's name as the page shows it (spaces collapsed), or null. */
  name: string | null;
  /** The website's normalised domain, or null. */
  domain: string | null;
  reports: FieldReport[];
}

function firstShown(root: ParentNode, selector: string): Element | null {
  for (const element of root.querySelectorAll(selector)) if (shown(element)) return element;
  return null;
}

function probeText(root: ParentNode, crm: CrmName, probe: Probe): string | null {
  if (probe.kind === 'field') return pickField(fieldPairs(root, FIELD_LAYOUTS[crm]), probe.label);
  const element = firstShown(root, probe.selector);
  if (!element) return null;
  return probe.kind === 'href' ? element.getAttribute('href') : cleanFieldValue(shownText(element));
}

const PARSERS: Record<AccountField, (text: string) => string | null> = {
  name: cleanFieldValue,
  website: normaliseDomain,
};

function readField(
  root: ParentNode,
  crm: CrmName,
  field: AccountField,
  probes: readonly Probe[],
): { value: string | null; report: FieldReport } {
  const tried: ProbeResult[] = [];
  for (const probe of probes) {
    try {
      const text = probeText(root, crm, probe);
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
 * The account's name and website domain as the CRM page shows them, with a report of every probe
 * tried. Runs inside the CRM's page, so it never throws: a redesigned page means "not found" and a
 * report that says which probes failed.
 */
export function readPageAccount(
  root: ParentNode,
  crm: CrmName,
  probes: Record<AccountField, readonly Probe[]> = ACCOUNT_PROBES[crm],
): PageAccount {
  const name = readField(root, crm, 'name', probes.name);
  const website = readField(root, crm, 'website', probes.website);
  return { name: name.value, domain: website.value, reports: [name.report, website.report] };
}
