import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { DEFAULT_CRM_TIER_LABEL } from '@/lib/crm/page-fields.ts';
import type { MessageClient } from '@/lib/messages/client.ts';
import type { LockedSetting, SettingsView } from '@/lib/settings/settings.ts';
import type { SyncStatus } from '@/lib/sync/status.ts';
import { AdminLink } from '../admin/AdminLink.tsx';
import { SyncStatusView } from '../sync-status/SyncStatusView.tsx';
import { CrmSitesSection } from './CrmSitesSection.tsx';
import { PolicyDiagnostics, PolicyField, SsoHint } from './PolicyNote.tsx';
import { SelectorDiagnostics } from './SelectorDiagnostics.tsx';
import { SignInSection } from './SignInSection.tsx';
import { useNoticedAction } from './useNoticedAction.ts';

const STATUS_REFRESH_MS = 3000;

export function OptionsPage({ request }: { request: MessageClient }) {
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [backendUrl, setBackendUrl] = useState('');
  const [token, setToken] = useState('');
  const [interval, setInterval_] = useState(15);
  const [crmTierLabel, setCrmTierLabel] = useState(DEFAULT_CRM_TIER_LABEL);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const { notice, busy, act: run } = useNoticedAction();

  const refreshStatus = useCallback(() => request('sync/status', {}).then(setStatus), [request]);

  useEffect(() => {
    request('settings/get', {}).then((loaded) => {
      setSettings(loaded);
      // Whatever the user typed before the saved settings arrived wins over them, unless the policy sets it.
      const locked = loaded.locked.includes('backendUrl');
      setBackendUrl((typed) => (!locked && typed) || (loaded.backendUrl ?? ''));
      setInterval_(loaded.syncIntervalMinutes);
      setCrmTierLabel(loaded.crmTierLabel);
    });
    void refreshStatus();
    const timer = setInterval(() => void refreshStatus(), STATUS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [request, refreshStatus]);

  // Whatever an action did, the sync status may have moved with it.
  const act = (work: () => Promise<string>) => run(work).finally(() => void refreshStatus());

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    return act(async () => {
      const saved = await request('settings/save', {
        backendUrl,
        token,
        syncIntervalMinutes: interval,
        crmTierLabel,
      });
      setSettings(saved);
      setCrmTierLabel(saved.crmTierLabel);
      setToken('');
      return 'Settings saved.';
    });
  };

  const testConnection = () =>
    act(async () => {
      const { user } = await request('connection/test', { backendUrl, token });
      return `Connected as ${user.name} (${user.role}).`;
    });

  const syncNow = () =>
    act(async () => {
      const result = await request('sync/now', {});
      setStatus(result);
      if (result.state === 'error' && result.lastError) throw new Error(result.lastError.message);
      return `Synced ${result.counts.accounts} accounts.`;
    });

  const locked = (setting: LockedSetting) => settings?.locked.includes(setting) ?? false;

  return (
    <main>
      <h1>Goal Lens</h1>
      <AdminLink request={request} />
      <PolicyDiagnostics messages={settings?.policyDiagnostics ?? []} />
      <form onSubmit={save}>
        <PolicyField
          setting="backendUrl"
          label="Backend URL"
          locked={locked('backendUrl')}
          field={({ id, disabled, noteId }) => (
            <input
              id={id}
              type="url"
              value={backendUrl}
              onChange={(e) => setBackendUrl(e.target.value)}
              placeholder="https://goals.example.com"
              required
              disabled={disabled}
              aria-describedby={noteId}
            />
          )}
        />
        <SignInSection
          request={request}
          settings={settings}
          backendUrl={locked('backendUrl') ? '' : backendUrl}
          busy={busy}
          act={act}
          onSettings={setSettings}
        />
        {/* Service accounts and pipelines still use API tokens; people sign in. */}
        <details open={!settings?.signedInAs || locked('token')}>
          <summary>Advanced</summary>
          <PolicyField
            setting="token"
            label="API token"
            locked={locked('token')}
            field={({ id, disabled, noteId }) => (
              <input
                id={id}
                type="password"
                autoComplete="off"
                value={token}
                onChange={(e) => setToken(e.target.value)}
                placeholder={settings?.hasToken ? 'Saved — leave blank to keep it' : 'Paste your token'}
                disabled={disabled}
                aria-describedby={
                  [noteId, settings?.ssoHint && 'sso-hint'].filter(Boolean).join(' ') || undefined
                }
              />
            )}
          />
          {settings?.ssoHint && <SsoHint id="sso-hint" hint={settings.ssoHint} />}
        </details>
        <PolicyField
          setting="syncIntervalMinutes"
          label="Sync every (minutes)"
          locked={locked('syncIntervalMinutes')}
          field={({ id, disabled, noteId }) => (
            <input
              id={id}
              type="number"
              min={1}
              max={1440}
              value={interval}
              onChange={(e) => setInterval_(Number(e.target.value))}
              disabled={disabled}
              aria-describedby={noteId}
            />
          )}
        />
        <label>
          CRM tier field label
          <input
            type="text"
            maxLength={200}
            value={crmTierLabel}
            onChange={(e) => setCrmTierLabel(e.target.value)}
            placeholder={DEFAULT_CRM_TIER_LABEL}
            aria-describedby="crm-tier-label-help"
          />
        </label>
        <p id="crm-tier-label-help" className="hint">
          The field on your CRM's account page that records the tier. Where the page shows it, Goal Lens
          compares it with the account's tier; elsewhere it uses the synced value.
        </p>
        <div className="actions">
          <button type="submit" disabled={busy}>
            Save
          </button>
          <button type="button" disabled={busy} onClick={testConnection}>
            Test connection
          </button>
          <button type="button" disabled={busy} onClick={syncNow}>
            Sync now
          </button>
        </div>
      </form>
      <p className={notice?.kind === 'error' ? 'error' : 'ok'} role="status" data-testid="notice">
        {notice?.text}
      </p>
      <h2>Sync</h2>
      {status && <SyncStatusView status={status} now={new Date()} />}
      <SelectorDiagnostics request={request} />
      <CrmSitesSection request={request} />
    </main>
  );
}
