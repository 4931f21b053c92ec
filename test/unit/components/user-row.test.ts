import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import type { AdminClient } from '../../../components/admin/admin-client.ts';
import { type Choice, UserRow } from '../../../components/admin/people/UserRow.tsx';

const user = { id: 'u1', name: 'Casey', email: 'casey@example.com', role: 'csm' as const };
const teams = [
  { id: 't-east', name: 'East' },
  { id: 't-west', name: 'West' },
];

function row(unsaved: Map<string, Choice>): string {
  return renderToStaticMarkup(
    createElement(
      'table',
      null,
      createElement(
        'tbody',
        null,
        createElement(UserRow, {
          client: {} as AdminClient,
          user,
          teams,
          isMe: false,
          onSaved: () => undefined,
          rowAttrs: {},
          unsaved,
        }),
      ),
    ),
  );
}

test.each([
  ['nothing chosen: the stored role and team', new Map<string, Choice>(), 'csm', '', true],
  [
    'a choice made before the row was scrolled away: drawn again as chosen, Save enabled',
    new Map<string, Choice>([['u1', { role: 'lead', teamId: 't-west' }]]),
    'lead',
    't-west',
    false,
  ],
] as const)('%s', (_, unsaved, role, teamId, saveDisabled) => {
  const html = row(unsaved);
  expect(html).toContain(`<option value="${role}" selected="">`);
  expect(html).toContain(`<option value="${teamId}" selected="">`);
  expect(/<button type="button" disabled=""[^>]*>Save Casey/.test(html)).toBe(saveDisabled);
});
