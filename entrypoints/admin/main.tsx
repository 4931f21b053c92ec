import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { createAdminClient } from '@/components/admin/admin-client.ts';
import { Workspace } from '@/components/admin/Workspace.tsx';
import { createMessageClient } from '@/lib/messages/client.ts';

const client = createAdminClient(createMessageClient((message) => browser.runtime.sendMessage(message)));
const root = document.getElementById('root');
if (root) createRoot(root).render(<Workspace client={client} />);
