import { attio } from './attio.ts';
import { close } from './close.ts';
import { copper } from './copper.ts';
import { dynamics } from './dynamics.ts';
import { freshsales } from './freshsales.ts';
import { parseHttpsUrl } from './https-url.ts';
import { hubspot } from './hubspot.ts';
import { pipedrive } from './pipedrive.ts';
import { salesforce } from './salesforce.ts';
import type { AccountPage, CrmDetector } from './types.ts';
import { zoho } from './zoho.ts';

// One line per CRM; hosts do not overlap, so the first detector that owns the host decides.
export const DETECTORS: readonly CrmDetector[] = [
  salesforce,
  hubspot,
  dynamics,
  pipedrive,
  zoho,
  attio,
  close,
  copper,
  freshsales,
];

/** Hosts the content script must run on; the manifest reads this so it cannot drift from detection. */
export const CRM_HOST_PATTERNS: readonly string[] = DETECTORS.flatMap((detector) => detector.hostPatterns);

/** The CRM account/company record shown at `url`, or null for any other page (lists, contacts, setup...). */
export function detectAccountPage(url: string): AccountPage | null {
  const parsed = parseHttpsUrl(url);
  if (!parsed) return null;
  const detector = DETECTORS.find((candidate) => candidate.hostMatches(parsed.hostname));
  const recordId = detector?.detect(parsed) ?? null;
  return detector && recordId !== null ? { crm: detector.crm, recordId } : null;
}
