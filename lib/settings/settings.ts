import { DEFAULT_CRM_TIER_LABEL, MAX_FIELD_VALUE_LENGTH } from '../crm/page-fields.ts';
import type { CustomDomain } from '../crm-sites/sites.ts';
import { AppError } from '../errors.ts';
import type { CrmName } from '../schemas/entities.ts';

const DEFAULT_SYNC_INTERVAL_MINUTES = 15;

export interface Settings {
  backendUrl: string | null;
  token: string | null;
  syncIntervalMinutes: number;
  /** The label of the tier field on the CRM's account page, read there and compared with the tier. */
  crmTierLabel: string;
  /** Switched off rather than on, so a CRM added in a later release starts enabled. */
  disabledCrms: CrmName[];
  customDomains: CustomDomain[];
  /** Set while `token` is a device session from "Sign in" (not a pasted API token). */
  /** `rotatedAt`: when its token was last issued (sign-in or rotation); absent, it is due. */
  session?: { id: string; userName: string; email: string; rotatedAt?: string };
}

/** Settings an administrator's policy can set; the options page shows them locked. */
export type LockedSetting = 'backendUrl' | 'token' | 'syncIntervalMinutes' | 'enabledCrms' | 'customDomains';

/** What the options page may see: never the token itself. */
export interface SettingsView {
  backendUrl: string | null;
  hasToken: boolean;
  /** "Eve East (eve@example.com)" while signed in with "Sign in"; null with an API token or none. */
  signedInAs: string | null;
  syncIntervalMinutes: number;
  crmTierLabel: string;
  locked: LockedSetting[];
  /** The administrator's word on how to get a token, when the policy gives one. */
  ssoHint: string | null;
  /** Policy values that were ignored, and why. */
  policyDiagnostics: string[];
}

/** The options page's CRM section: each CRM on or off, and the custom domains with their state. */
export interface CrmSitesView {
  crms: { crm: CrmName; enabled: boolean }[];
  /** `active`: the host permission is granted and the content script registered there. */
  customDomains: (CustomDomain & { active: boolean })[];
  selfHostableCrms: CrmName[];
  locked: LockedSetting[];
}

export const EMPTY_SETTINGS: Settings = {
  backendUrl: null,
  token: null,
  syncIntervalMinutes: DEFAULT_SYNC_INTERVAL_MINUTES,
  crmTierLabel: DEFAULT_CRM_TIER_LABEL,
  disabledCrms: [],
  customDomains: [],
};

/** A blank label means "the usual one", not "a field with no label". */
export function normaliseCrmTierLabel(input: string): string {
  const label = input.replace(/\s+/g, ' ').trim().slice(0, MAX_FIELD_VALUE_LENGTH);
  return label || DEFAULT_CRM_TIER_LABEL;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The token travels in every request, so plain http is allowed only to this machine. */
export function normaliseBackendUrl(input: string): string {
  const text = input.trim();
  if (!text)
    throw new AppError('invalid_backend_url', 'Enter the backend URL, e.g. https://goals.example.com.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError('invalid_backend_url', `"${text}" is not a URL. Use e.g. https://goals.example.com.`);
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new AppError(
      'invalid_backend_url',
      'The backend URL must start with https:// (http:// only for localhost).',
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new AppError(
      'invalid_backend_url',
      'The backend URL must not contain credentials, a query or a fragment.',
    );
  }
  return url.href.replace(/\/+$/, '');
}
