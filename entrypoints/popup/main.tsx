import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { BookView } from '@/components/book/BookView.tsx';
import '@/components/book/book-view.css';
import { AdminLink } from '@/components/admin/AdminLink.tsx';
import { SyncStatusView } from '@/components/sync-status/SyncStatusView.tsx';
import { createMessageClient } from '@/lib/messages/client.ts';
import type { SyncStatus } from '@/lib/sync/status.ts';

const request = createMessageClient((message) => browser.runtime.sendMessage(message));
/** Chromium's side panel; other browsers show the book view in this popup instead. */
const sidePanel = (browser as { sidePanel?: typeof browser.sidePanel }).sidePanel;

/** The window is looked up beforehand: `sidePanel.open` must run within the click's user gesture. */
function useWindowId(): number | undefined {
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => void browser.windows.getCurrent().then((w) => setWindowId(w.id)), []);
  return windowId;
}

function Popup() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const windowId = useWindowId();
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
        {sidePanel && windowId !== undefined && (
          <button type="button" onClick={() => void sidePanel.open({ windowId }).then(() => window.close())}>
            Misaligned accounts
          </button>
        )}
        <AdminLink request={request} />
      </div>
      {!sidePanel && <BookView request={request} compact />}
    </main>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Popup />);
