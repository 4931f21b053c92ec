import { z } from 'zod';
import {
  CustomDomainSchema,
  MAX_CUSTOM_DOMAINS,
  normaliseCustomDomain,
} from '../crm-sites/custom-domain-input.ts';
import type { CustomDomain } from '../crm-sites/sites.ts';
import { toErrorInfo } from '../errors.ts';
import { CrmName } from '../schemas/entities.ts';
import { normaliseBackendUrl } from './settings.ts';

/**
 * What an administrator may push through `storage.managed`. public/managed_schema.json describes the
 * same properties to Chrome (a test keeps the two in step); every property is optional.
 */
export const ManagedPolicySchema = z.object({
  backendUrl: z.string().max(2000),
  /** With backendUrl: open the sign-in as soon as the extension is installed (SPEC §10). */
  signInOnInstall: z.boolean(),
  token: z.string().min(1).max(4000),
  /** Shown beside the token field: where and how to get a token (an https link or a sentence). */
  ssoHint: z.string().min(1).max(500),
  enabledCrms: z.array(CrmName),
  customDomains: z.array(CustomDomainSchema).max(MAX_CUSTOM_DOMAINS),
  syncIntervalMinutes: z.number().int().min(1).max(1440),
});

type PolicyShape = z.infer<typeof ManagedPolicySchema>;

/** The policy as applied: every value checked, normalised, and left out when it was unusable. */
export type Policy = Partial<PolicyShape>;

export interface PolicyState {
  policy: Policy;
  /** One sentence per value that was ignored, for the options page. */
  diagnostics: string[];
}

export const NO_POLICY: PolicyState = { policy: {}, diagnostics: [] };

const KEYS = Object.keys(ManagedPolicySchema.shape) as (keyof PolicyShape)[];

function isKey(key: string): key is keyof PolicyShape {
  return (KEYS as string[]).includes(key);
}

/** Each entry on its own, so one mistyped domain does not cost the administrator the others. */
function customDomains(values: readonly unknown[], diagnostics: string[]): CustomDomain[] {
  const kept: CustomDomain[] = [];
  values.forEach((value, index) => {
    const entry = CustomDomainSchema.safeParse(value);
    try {
      if (!entry.success)
        throw new Error('expected { "host": "<domain>", "crm": "salesforce" | "dynamics" }');
      kept.push(normaliseCustomDomain(entry.data.host, entry.data.crm, kept));
    } catch (error) {
      diagnostics.push(`Policy customDomains[${index}] was ignored: ${toErrorInfo(error).message}`);
    }
  });
  return kept;
}

function enabledCrms(values: readonly unknown[], diagnostics: string[]): CrmName[] {
  const kept: CrmName[] = [];
  for (const value of values) {
    const crm = CrmName.safeParse(value);
    if (crm.success) kept.push(crm.data);
    else
      diagnostics.push(`Policy enabledCrms: ${JSON.stringify(value)} is not a CRM Goal Lens knows; ignored.`);
  }
  return kept;
}

/**
 * Reads whatever the browser holds as managed storage. Never throws: a bad value is dropped with a
 * sentence saying why, and the rest of the policy still applies.
 */
export function parsePolicy(raw: unknown): PolicyState {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return NO_POLICY;
  const policy: Policy = {};
  const diagnostics: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!isKey(key)) {
      diagnostics.push(`Policy setting "${key}" is not one Goal Lens knows; ignored.`);
      continue;
    }
    const isList = key === 'enabledCrms' || key === 'customDomains';
    const parsed = isList
      ? z.array(z.unknown()).safeParse(value)
      : ManagedPolicySchema.shape[key].safeParse(value);
    if (!parsed.success) {
      const reason = parsed.error.issues[0]?.message ?? 'invalid value';
      diagnostics.push(`Policy setting "${key}" was ignored: ${reason}.`);
      continue;
    }
    try {
      if (key === 'backendUrl') policy.backendUrl = normaliseBackendUrl(String(parsed.data));
      else if (key === 'enabledCrms') policy.enabledCrms = enabledCrms(parsed.data as unknown[], diagnostics);
      else if (key === 'customDomains')
        policy.customDomains = customDomains(parsed.data as unknown[], diagnostics);
      else Object.assign(policy, { [key]: parsed.data });
    } catch (error) {
      diagnostics.push(`Policy setting "${key}" was ignored: ${toErrorInfo(error).message}`);
    }
  }
  return { policy, diagnostics };
}
