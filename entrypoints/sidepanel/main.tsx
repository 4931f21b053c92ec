import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { LeadView } from '@/components/LeadView.tsx';
import '@/components/lead-view.css';
import { createMessageClient } from '@/lib/messages/client.ts';

const request = createMessageClient((message) => browser.runtime.sendMessage(message));

function SidePanel() {
  return (
    <div className="page">
      <header className="page__bar">Goal Lens</header>
      <main className="page__body">
        <LeadView request={request} />
      </main>
    </div>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<SidePanel />);
