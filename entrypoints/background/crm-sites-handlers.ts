import { browser } from 'wxt/browser';
import type { CacheDb } from '@/lib/cache/db.ts';
import { normaliseCustomDomain } from '@/lib/crm-sites/custom-domain-input.ts';
import { customDomainPattern, SELF_HOSTABLE_CRMS } from '@/lib/crm-sites/sites.ts';
import { AppError } from '@/lib/errors.ts';
import type { Handlers } from '@/lib/messages/router.ts';
import { CrmName } from '@/lib/schemas/entities.ts';
import type { EffectiveSettings } from '@/lib/settings/effective.ts';
import type { CrmSitesView, LockedSetting } from '@/lib/settings/settings.ts';
import { loadEffectiveSettings, loadUserSettings, saveSettings } from '@/lib/settings/store.ts';
import { activeCustomDomains, reconcileCrmSites } from './crm-sites.ts';

type SiteHandlers = Pick<
  Handlers,
  'crm-sites/get' | 'crm-sites/set-crm' | 'crm-sites/add-domain' | 'crm-sites/remove-domain'
>;

const LOCKED_WORDS: Partial<Record<LockedSetting, string>> = {
  enabledCrms: 'Your administrator decides which CRMs Goal Lens runs on.',
  customDomains: 'Your administrator manages the custom domains.',
};

function refuseIfLocked(effective: EffectiveSettings, setting: LockedSetting): void {
  if (effective.locked.includes(setting)) throw new AppError('locked_by_policy', LOCKED_WORDS[setting] ?? '');
}

async function view(effective: EffectiveSettings): Promise<CrmSitesView> {
  const { settings, locked } = effective;
  const active = await activeCustomDomains(settings);
  return {
    crms: CrmName.options.map((crm) => ({ crm, enabled: !settings.disabledCrms.includes(crm) })),
    customDomains: settings.customDomains.map((domain) => ({ ...domain, active: active.has(domain.host) })),
    selfHostableCrms: [...SELF_HOSTABLE_CRMS],
    locked: locked.filter((setting) => setting === 'enabledCrms' || setting === 'customDomains'),
  };
}

/** The options page's CRM section; every change is applied to content scripts before it answers. */
export function createSiteHandlers(db: CacheDb): SiteHandlers {
  async function settle(): Promise<CrmSitesView> {
    const effective = await loadEffectiveSettings(db);
    await reconcileCrmSites(effective.settings);
    return view(effective);
  }

  return {
    'crm-sites/get': async () => view(await loadEffectiveSettings(db)),

    async 'crm-sites/set-crm'({ crm, enabled }) {
      refuseIfLocked(await loadEffectiveSettings(db), 'enabledCrms');
      const user = await loadUserSettings(db);
      const others = user.disabledCrms.filter((disabled) => disabled !== crm);
      await saveSettings(db, { ...user, disabledCrms: enabled ? others : [...others, crm] });
      return settle();
    },

    async 'crm-sites/add-domain'({ host, crm }) {
      refuseIfLocked(await loadEffectiveSettings(db), 'customDomains');
      const user = await loadUserSettings(db);
      const domain = normaliseCustomDomain(host, crm, user.customDomains);
      if (!(await browser.permissions.contains({ origins: [customDomainPattern(domain.host)] }))) {
        throw new AppError(
          'permission_missing',
          `Goal Lens was not allowed to run on ${domain.host}, so it was not added. Add it again and choose Allow.`,
        );
      }
      await saveSettings(db, { ...user, customDomains: [...user.customDomains, domain] });
      return settle();
    },

    async 'crm-sites/remove-domain'({ host }) {
      refuseIfLocked(await loadEffectiveSettings(db), 'customDomains');
      const user = await loadUserSettings(db);
      const domain = user.customDomains.find((candidate) => candidate.host === host);
      if (!domain) throw new AppError('not_found', `${host} is not in the list of custom domains.`);
      await saveSettings(db, { ...user, customDomains: user.customDomains.filter((d) => d !== domain) });
      const answer = await settle();
      // The script is gone first, so no page is left with a script that lost its permission.
      await browser.permissions.remove({ origins: [customDomainPattern(domain.host)] });
      return answer;
    },
  };
}
