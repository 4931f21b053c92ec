import { CrmName } from '../schemas/entities.ts';
import type { PolicyState } from './policy.ts';
import type { LockedSetting, Settings, SettingsView } from './settings.ts';

/** The settings in force: each value the policy sets wins over the user's, and is locked. */
export interface EffectiveSettings {
  settings: Settings;
  locked: LockedSetting[];
  policy: PolicyState;
}

export function applyPolicy(user: Settings, state: PolicyState): EffectiveSettings {
  const { policy } = state;
  const settings: Settings = { ...user };
  const locked: LockedSetting[] = [];
  if (policy.backendUrl !== undefined) {
    settings.backendUrl = policy.backendUrl;
    locked.push('backendUrl');
  }
  if (policy.token !== undefined) {
    settings.token = policy.token;
    locked.push('token');
  }
  if (policy.syncIntervalMinutes !== undefined) {
    settings.syncIntervalMinutes = policy.syncIntervalMinutes;
    locked.push('syncIntervalMinutes');
  }
  if (policy.enabledCrms !== undefined) {
    const enabled = policy.enabledCrms;
    settings.disabledCrms = CrmName.options.filter((crm) => !enabled.includes(crm));
    locked.push('enabledCrms');
  }
  if (policy.customDomains !== undefined) {
    settings.customDomains = policy.customDomains;
    locked.push('customDomains');
  }
  return { settings, locked, policy: state };
}

export function toSettingsView({ settings, locked, policy }: EffectiveSettings): SettingsView {
  return {
    backendUrl: settings.backendUrl,
    hasToken: Boolean(settings.token),
    signedInAs:
      settings.session && settings.token ? `${settings.session.userName} (${settings.session.email})` : null,
    syncIntervalMinutes: settings.syncIntervalMinutes,
    crmTierLabel: settings.crmTierLabel,
    locked,
    ssoHint: policy.policy.ssoHint ?? null,
    policyDiagnostics: policy.diagnostics,
  };
}
