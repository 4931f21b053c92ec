import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { SyncStatusView } from '@/components/SyncStatusView.tsx';
import { createMessageClient } from '@/lib/messages/client.ts';
import type { SyncStatus } from '@/lib/sync/status.ts';

const request = createMessageClient((message) => browser.runtime.sendMessage(message));

function Popup() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => void request('sync/status', {}).then(setStatus), []);
  const syncNow = async () => {
    setBusy(true);
    setStatus(await request('sync/now', {}).finally(() => setBusy(false)));
  };
  return (
    <main>
      <h1>Goal Lens</h1>
      {status && <SyncStatusView status={status} now={new Date()} />}
      <div className="actions">
        <button type="button" disabled={busy} onClick={syncNow}>
          Sync now
        </button>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
      </div>
    </main>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Popup />);
