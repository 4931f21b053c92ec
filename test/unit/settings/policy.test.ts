import { describe, expect, test } from 'vitest';
import { applyPolicy, toSettingsView } from '../../../lib/settings/effective.ts';
import { NO_POLICY, type Policy, parsePolicy } from '../../../lib/settings/policy.ts';
import { EMPTY_SETTINGS, type Settings } from '../../../lib/settings/settings.ts';

const USER: Settings = {
  ...EMPTY_SETTINGS,
  backendUrl: 'https://goals.user.example',
  token: 'user-token',
  syncIntervalMinutes: 30,
  crmTierLabel: 'Segment',
  disabledCrms: ['zoho'],
  customDomains: [{ host: 'login.acme-corp.com', crm: 'salesforce' }],
};

describe('parsePolicy', () => {
  test('a complete, valid policy is applied as given (normalised)', () => {
    expect(
      parsePolicy({
        backendUrl: 'https://goals.corp.example/',
        token: 'policy-token',
        ssoHint: 'https://sso.corp.example/goal-lens-token',
        enabledCrms: ['salesforce', 'dynamics'],
        customDomains: [{ host: 'https://CRM.Contoso.local/', crm: 'dynamics' }],
        syncIntervalMinutes: 5,
      }),
    ).toEqual({
      policy: {
        backendUrl: 'https://goals.corp.example',
        token: 'policy-token',
        ssoHint: 'https://sso.corp.example/goal-lens-token',
        enabledCrms: ['salesforce', 'dynamics'],
        customDomains: [{ host: 'crm.contoso.local', crm: 'dynamics' }],
        syncIntervalMinutes: 5,
      },
      diagnostics: [],
    });
  });

  test.each<[string, unknown]>([
    ['nothing', undefined],
    ['null', null],
    ['an array', []],
    ['a string', 'backendUrl=https://x'],
  ])('%s is no policy', (_name, raw) => {
    expect(parsePolicy(raw)).toEqual(NO_POLICY);
  });

  test.each<[string, Record<string, unknown>, Policy, RegExp]>([
    [
      'plain http backend',
      { backendUrl: 'http://goals.corp.example' },
      {},
      /"backendUrl" was ignored: .*https/,
    ],
    ['backend URL as a number', { backendUrl: 42 }, {}, /"backendUrl" was ignored/],
    ['empty token', { token: '' }, {}, /"token" was ignored/],
    ['interval of 0', { syncIntervalMinutes: 0 }, {}, /"syncIntervalMinutes" was ignored/],
    ['interval of 2.5', { syncIntervalMinutes: 2.5 }, {}, /"syncIntervalMinutes" was ignored/],
    ['interval as text', { syncIntervalMinutes: '15' }, {}, /"syncIntervalMinutes" was ignored/],
    [
      'an unknown setting',
      { backendURL: 'https://x.example' },
      {},
      /"backendURL" is not one Goal Lens knows/,
    ],
    ['CRMs not a list', { enabledCrms: 'salesforce' }, {}, /"enabledCrms" was ignored/],
    [
      'an unknown CRM among known ones',
      { enabledCrms: ['salesforce', 'sugarcrm'] },
      { enabledCrms: ['salesforce'] },
      /"sugarcrm" is not a CRM Goal Lens knows/,
    ],
    [
      'a bad domain among good ones',
      {
        customDomains: [
          { host: 'crm.contoso.local', crm: 'dynamics' },
          { host: 'crm.contoso.local/Org', crm: 'dynamics' },
          { host: 'crm.fabrikam.com' },
          { host: 'app.hubspot.com', crm: 'salesforce' },
          { host: 'login.acme-corp.com', crm: 'salesforce' },
        ],
      },
      {
        customDomains: [
          { host: 'crm.contoso.local', crm: 'dynamics' },
          { host: 'login.acme-corp.com', crm: 'salesforce' },
        ],
      },
      /customDomains\[1\] was ignored: Enter only the domain/,
    ],
  ])('%s: ignored with a reason, the rest applies', (_name, raw, policy, diagnostic) => {
    const parsed = parsePolicy({ ...raw, ssoHint: 'Ask IT for a token' });
    expect(parsed.policy).toEqual({ ...policy, ssoHint: 'Ask IT for a token' });
    expect(parsed.diagnostics.join('\n')).toMatch(diagnostic);
  });

  test('each ignored domain gets its own sentence', () => {
    const { diagnostics } = parsePolicy({
      customDomains: [{ host: 'crm.fabrikam.com' }, { host: 'app.hubspot.com', crm: 'salesforce' }],
    });
    expect(diagnostics).toEqual([
      expect.stringMatching(/^Policy customDomains\[0\] was ignored: expected \{ "host"/),
      expect.stringMatching(
        /^Policy customDomains\[1\] was ignored: app\.hubspot\.com is one of HubSpot’s own/,
      ),
    ]);
  });
});

describe('applyPolicy', () => {
  test('no policy: the user’s settings, nothing locked', () => {
    const effective = applyPolicy(USER, NO_POLICY);
    expect(effective.settings).toEqual(USER);
    expect(effective.locked).toEqual([]);
  });

  test.each<[string, Policy, Partial<Settings>, string[]]>([
    [
      'backend URL',
      { backendUrl: 'https://goals.corp.example' },
      { backendUrl: 'https://goals.corp.example' },
      ['backendUrl'],
    ],
    ['token', { token: 'policy-token' }, { token: 'policy-token' }, ['token']],
    ['interval', { syncIntervalMinutes: 5 }, { syncIntervalMinutes: 5 }, ['syncIntervalMinutes']],
    [
      'enabled CRMs (everything else off, the user’s own choice replaced)',
      { enabledCrms: ['salesforce', 'hubspot'] },
      { disabledCrms: ['dynamics', 'pipedrive', 'zoho', 'attio', 'close', 'copper', 'freshsales'] },
      ['enabledCrms'],
    ],
    [
      'no CRM at all',
      { enabledCrms: [] },
      { disabledCrms: expect.arrayContaining(['salesforce', 'hubspot']) },
      ['enabledCrms'],
    ],
    [
      'custom domains (replacing the user’s list)',
      { customDomains: [{ host: 'crm.contoso.local', crm: 'dynamics' }] },
      { customDomains: [{ host: 'crm.contoso.local', crm: 'dynamics' }] },
      ['customDomains'],
    ],
    ['an SSO hint alone locks nothing', { ssoHint: 'Ask IT' }, {}, []],
  ])('%s: the policy wins and is locked', (_name, policy, changed, locked) => {
    const effective = applyPolicy(USER, { policy, diagnostics: [] });
    expect(effective.settings).toEqual({ ...USER, ...changed });
    expect(effective.locked).toEqual(locked);
  });

  test('the view shows what is locked, the hint and the problems, never the token', () => {
    const view = toSettingsView(
      applyPolicy(USER, {
        policy: { token: 'policy-token', ssoHint: 'Ask IT' },
        diagnostics: ['Policy setting "x" is not one Goal Lens knows; ignored.'],
      }),
    );
    expect(view).toEqual({
      backendUrl: USER.backendUrl,
      hasToken: true,
      signedInAs: null,
      syncIntervalMinutes: 30,
      crmTierLabel: 'Segment',
      locked: ['token'],
      ssoHint: 'Ask IT',
      policyDiagnostics: ['Policy setting "x" is not one Goal Lens knows; ignored.'],
    });
    expect(JSON.stringify(view)).not.toContain('policy-token');
  });
});
