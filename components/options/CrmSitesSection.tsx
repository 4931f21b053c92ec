import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { checkTypedCustomDomain, refusePublicSuffix } from '@/lib/crm-sites/public-suffix-refusal.ts';
import { type CustomDomain, customDomainPattern } from '@/lib/crm-sites/sites.ts';
import type { MessageClient } from '@/lib/messages/client.ts';
import type { CrmName } from '@/lib/schemas/entities.ts';
import type { CrmSitesView } from '@/lib/settings/settings.ts';
import { CrmToggles } from './CrmToggles.tsx';
import { CustomDomainForm } from './CustomDomainForm.tsx';
import { CustomDomainList } from './CustomDomainList.tsx';
import { PolicyNote } from './PolicyNote.tsx';
import { errorText, useNoticedAction } from './useNoticedAction.ts';

/** The options page's CRMs: which ones Goal Lens runs on, and the custom domains they live on. */
export function CrmSitesSection({ request }: { request: MessageClient }) {
  const [view, setView] = useState<CrmSitesView | null>(null);
  const { notice, setNotice, busy, act } = useNoticedAction();

  const refresh = useCallback(() => request('crm-sites/get', {}).then(setView), [request]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (!view) return null;
  const domainsLocked = view.locked.includes('customDomains');

  const setCrm = (crm: CrmName, enabled: boolean) => {
    // The switch moves at once; the background's answer confirms it, or puts it back with the reason.
    setView({ ...view, crms: view.crms.map((entry) => (entry.crm === crm ? { crm, enabled } : entry)) });
    return act(async () => {
      try {
        setView(await request('crm-sites/set-crm', { crm, enabled }));
      } catch (error) {
        await refresh();
        throw error;
      }
      return 'Saved.';
    });
  };

  const add = (host: string, crm: CrmName) => {
    let domain: CustomDomain;
    try {
      domain = checkTypedCustomDomain(host, crm, view.customDomains);
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error) });
      return;
    }
    void act(async () => {
      const allowed = await browser.permissions.request({ origins: [customDomainPattern(domain.host)] });
      if (!allowed) throw new Error(`Goal Lens was not allowed to run on ${domain.host}; nothing was added.`);
      setView(await request('crm-sites/add-domain', domain));
      return `Added ${domain.host}. Reload its open pages to see the panel.`;
    });
  };

  const allow = (domain: CustomDomain) => {
    // An administrator's domain is checked here too, before the browser is asked for the permission.
    try {
      refusePublicSuffix(domain.host);
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error) });
      return;
    }
    return act(async () => {
      const allowed = await browser.permissions.request({ origins: [customDomainPattern(domain.host)] });
      await refresh();
      if (!allowed) throw new Error(`Goal Lens is still not allowed to run on ${domain.host}.`);
      return `Goal Lens now runs on ${domain.host}.`;
    });
  };

  const remove = (domain: CustomDomain) =>
    act(async () => {
      setView(await request('crm-sites/remove-domain', { host: domain.host }));
      return `Removed ${domain.host}; Goal Lens no longer has access to it.`;
    });

  return (
    <section aria-labelledby="crm-sites-title">
      <h2 id="crm-sites-title">CRMs</h2>
      <CrmToggles
        crms={view.crms}
        locked={view.locked.includes('enabledCrms')}
        busy={busy}
        onChange={(crm, enabled) => void setCrm(crm, enabled)}
      />
      <h3 id="custom-domains-title">Custom domains</h3>
      {domainsLocked && <PolicyNote id="custom-domains-locked" />}
      <CustomDomainList
        domains={view.customDomains}
        locked={domainsLocked}
        busy={busy}
        onAllow={(domain) => void allow(domain)}
        onRemove={(domain) => void remove(domain)}
      />
      {!domainsLocked && <CustomDomainForm crms={view.selfHostableCrms} busy={busy} onAdd={add} />}
      <p className={notice?.kind === 'error' ? 'error' : 'ok'} role="status" data-testid="sites-notice">
        {notice?.text}
      </p>
    </section>
  );
}
