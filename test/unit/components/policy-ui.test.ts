import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { CrmToggles } from '../../../components/options/CrmToggles.tsx';
import { CustomDomainList } from '../../../components/options/CustomDomainList.tsx';
import {
  PolicyDiagnostics,
  PolicyField,
  PolicyNote,
  SsoHint,
} from '../../../components/options/PolicyNote.tsx';

const none = () => undefined;

/** The rendered markup, parsed just enough to read elements' attributes. */
function inputs(html: string): string[] {
  return html.match(/<input[^>]*>/g) ?? [];
}

describe('locked CRM switches', () => {
  const crms = [
    { crm: 'salesforce', enabled: true },
    { crm: 'zoho', enabled: false },
  ] as const;

  test('locked: every switch disabled and described by the administrator note', () => {
    const html = renderToStaticMarkup(
      createElement(CrmToggles, { crms, locked: true, busy: false, onChange: none }),
    );
    expect(html).toContain('<p id="crms-locked" class="policy-note">Set by your administrator</p>');
    for (const input of inputs(html)) {
      expect(input).toContain('disabled=""');
      expect(input).toContain('aria-describedby="crms-locked"');
    }
    expect(html).toContain('Salesforce');
    expect(html).toContain('Zoho CRM');
  });

  test('unlocked: switches work and no note is shown', () => {
    const html = renderToStaticMarkup(
      createElement(CrmToggles, { crms, locked: false, busy: false, onChange: none }),
    );
    expect(html).not.toContain('Set by your administrator');
    for (const input of inputs(html)) expect(input).not.toContain('disabled');
  });
});

describe('custom domains', () => {
  const domains = [
    { host: 'crm.contoso.local', crm: 'dynamics', active: true },
    { host: 'login.acme-corp.com', crm: 'salesforce', active: false },
  ] as const;

  test('a domain without permission says so and offers Allow; locked lists cannot be edited', () => {
    const html = renderToStaticMarkup(
      createElement(CustomDomainList, { domains, locked: true, busy: false, onAllow: none, onRemove: none }),
    );
    expect(html).toContain('crm.contoso.local</span> <span>(Dynamics 365)</span> <span class="ok">Active');
    expect(html).toContain('Not allowed: Goal Lens does not have permission to run there.');
    expect(html).toContain('aria-label="Allow on login.acme-corp.com"');
    expect(html).not.toContain('Remove');
  });

  test('the user’s own list can be edited', () => {
    const html = renderToStaticMarkup(
      createElement(CustomDomainList, { domains, locked: false, busy: false, onAllow: none, onRemove: none }),
    );
    expect(html).toContain('aria-label="Remove crm.contoso.local"');
    expect(html).toContain('aria-label="Remove login.acme-corp.com"');
  });
});

describe('a setting the policy may set', () => {
  const field = (locked: boolean) =>
    renderToStaticMarkup(
      createElement(PolicyField, {
        setting: 'backendUrl',
        label: 'Backend URL',
        locked,
        field: ({ id, disabled, noteId }) =>
          createElement('input', { id, disabled, 'aria-describedby': noteId, type: 'url' }),
      }),
    );

  test('locked: the field is disabled, labelled, and described by the note after it', () => {
    const html = field(true);
    const [input] = inputs(html);
    expect(input).toContain('disabled=""');
    expect(input).toContain('aria-describedby="backendUrl-locked"');
    const id = input?.match(/id="([^"]+)"/)?.[1];
    expect(html).toContain(`<label for="${id}">Backend URL`);
    expect(html).toMatch(
      /<\/label><p id="backendUrl-locked" class="policy-note">Set by your administrator<\/p>$/,
    );
  });

  test('unlocked: the field is free and no note is shown', () => {
    const html = field(false);
    expect(inputs(html)[0]).not.toContain('disabled');
    expect(inputs(html)[0]).not.toContain('aria-describedby');
    expect(html).not.toContain('Set by your administrator');
  });
});

describe('policy notes', () => {
  test('the note is the text locked fields point at', () => {
    expect(renderToStaticMarkup(createElement(PolicyNote, { id: 'token-locked' }))).toBe(
      '<p id="token-locked" class="policy-note">Set by your administrator</p>',
    );
  });

  test.each([
    [
      'https://sso.corp.example/goal-lens',
      'Get your token at <a href="https://sso.corp.example/goal-lens" target="_blank" rel="noreferrer">',
    ],
    ['javascript:alert(1)', '>javascript:alert(1)</p>'],
    ['Ask the IT desk for a <b>token</b>', 'Ask the IT desk for a &lt;b&gt;token&lt;/b&gt;'],
  ])('SSO hint %s', (hint, expected) => {
    expect(renderToStaticMarkup(createElement(SsoHint, { id: 'sso-hint', hint }))).toContain(expected);
  });

  test('ignored policy values are listed; none, nothing shown', () => {
    const html = renderToStaticMarkup(
      createElement(PolicyDiagnostics, { messages: ['Policy setting "x" ignored.'] }),
    );
    expect(html).toContain('<h2 id="policy-diagnostics-title">Policy problems</h2>');
    expect(html).toContain('<li>Policy setting &quot;x&quot; ignored.</li>');
    expect(renderToStaticMarkup(createElement(PolicyDiagnostics, { messages: [] }))).toBe('');
  });
});
