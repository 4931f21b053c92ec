import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { BookView } from '@/components/book/BookView.tsx';
import '@/components/book/book-view.css';
import { createMessageClient } from '@/lib/messages/client.ts';

const request = createMessageClient((message) => browser.runtime.sendMessage(message));

function SidePanel() {
  return (
    <div className="page">
      <header className="page__bar">Goal Lens</header>
      <main className="page__body">
        <BookView request={request} />
      </main>
    </div>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<SidePanel />);
