import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { OptionsPage } from '@/components/options/OptionsPage.tsx';
import { createMessageClient } from '@/lib/messages/client.ts';

const request = createMessageClient((message) => browser.runtime.sendMessage(message));
const root = document.getElementById('root');
if (root) createRoot(root).render(<OptionsPage request={request} />);
