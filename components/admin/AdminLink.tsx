import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { MessageClient } from '@/lib/messages/client.ts';
import { MeResponse } from '@/lib/schemas/index.ts';

/** A link to the admin workspace, shown only when the signed-in person is an admin. */
export function AdminLink({ request }: { request: MessageClient }) {
  const [admin, setAdmin] = useState(false);
  useEffect(() => {
    request('admin/call', { method: 'GET', path: '/v1/me' }).then(
      (answer) => setAdmin(MeResponse.safeParse(answer.body).data?.user.role === 'admin'),
      // Not signed in or unreachable: there is no workspace to offer.
      () => setAdmin(false),
    );
  }, [request]);
  if (!admin) return null;
  return (
    <a className="admin-link" href={browser.runtime.getURL('/admin.html')} target="_blank" rel="noreferrer">
      Admin workspace
    </a>
  );
}
