import { describe, expect, test } from 'vitest';
import { AppError } from '../../../lib/errors.ts';
import { createMessageClient } from '../../../lib/messages/client.ts';
import { createMessageRouter, type Handlers } from '../../../lib/messages/router.ts';
import { classifySender, type SenderFacts } from '../../../lib/messages/sender.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const optionsPage: SenderFacts = { id: ID, url: `${ORIGIN}options.html`, tab: { id: 3 }, frameId: 0 };
const contentScript: SenderFacts = {
  id: ID,
  url: 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000Acme1IAB/view',
  tab: { id: 7 },
  frameId: 0,
};

describe('classifySender', () => {
  test.each([
    { name: 'options page in a tab', sender: optionsPage, kind: 'extension-page' },
    { name: 'popup (no tab)', sender: { id: ID, url: `${ORIGIN}popup.html` }, kind: 'extension-page' },
    { name: 'content script in a CRM tab', sender: contentScript, kind: 'content-script' },
    {
      name: 'content script in a sub-frame',
      sender: { ...contentScript, frameId: 4 },
      kind: 'content-script',
    },
    {
      name: 'another extension',
      sender: { ...optionsPage, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' },
      kind: null,
    },
    { name: 'no sender id', sender: { url: contentScript.url, tab: {}, frameId: 0 }, kind: null },
    { name: 'a tab without a frame', sender: { id: ID, url: contentScript.url, tab: {} }, kind: null },
    { name: 'a frame without a tab', sender: { id: ID, url: contentScript.url, frameId: 0 }, kind: null },
    { name: 'plain http page', sender: { ...contentScript, url: 'http://acme.example/' }, kind: null },
    {
      name: 'a backend in development on this machine',
      sender: { ...contentScript, url: 'http://127.0.0.1:8787/auth/done' },
      kind: 'content-script',
    },
    {
      name: 'plain http that only starts like this machine',
      sender: { ...contentScript, url: 'http://127.0.0.1.evil.example/auth/done' },
      kind: null,
    },
    { name: 'no url', sender: { id: ID, tab: {}, frameId: 0 }, kind: null },
    { name: 'the background, seen from a tab', sender: { id: ID }, kind: 'extension-page' },
    { name: 'no url, a frame but no tab', sender: { id: ID, frameId: 0 }, kind: null },
    { name: 'another extension without a url', sender: { id: 'other' }, kind: null },
    {
      name: 'a page URL that merely contains the extension origin is no extension page',
      sender: { ...contentScript, url: `https://evil.example/${ORIGIN}` },
      kind: 'content-script',
    },
  ] as { name: string; sender: SenderFacts; kind: string | null }[])('$name → $kind', ({ sender, kind }) => {
    expect(classifySender(sender, ID, ORIGIN)).toBe(kind);
  });
});

function handlers(calls: string[]): Handlers {
  const fail = async (): Promise<never> => {
    throw new AppError('teapot', 'I am a teapot', { hint: 'brew' });
  };
  return {
    'panel/view': async ({ crm, recordId }) => {
      calls.push(`panel/view ${crm} ${recordId}`);
      return { kind: 'unknown', sync: { lastSuccessAt: null, stale: true, error: null, problems: [] } };
    },
    'panel/load': fail,
    'outcome/log': fail,
    'outcome/undo': fail,
    'outcome/note': fail,
    'settings/get': async () => ({
      backendUrl: null,
      hasToken: false,
      signedInAs: null,
      syncIntervalMinutes: 15,
      crmTierLabel: 'Customer Tier',
      locked: [],
      ssoHint: null,
      policyDiagnostics: [],
    }),
    'settings/save': fail,
    'connection/test': fail,
    'signin/start': fail,
    'signin/tab-start': fail,
    'signin/tab-code': fail,
    'signin/tab-invitation': fail,
    'signin/out': fail,
    'signin/devices': fail,
    'signin/device-out': fail,
    'crm-sites/get': fail,
    'crm-sites/set-crm': fail,
    'crm-sites/add-domain': fail,
    'crm-sites/remove-domain': fail,
    'sync/now': fail,
    'sync/status': fail,
    'book/misaligned': fail,
    'admin/call': fail,
    'diagnostics/report': async ({ crm }) => {
      calls.push(`diagnostics/report ${crm}`);
      return {};
    },
    'diagnostics/get': async () => ({ entries: [] }),
  };
}

describe('message router', () => {
  test('a content script gets its answer through the typed client', async () => {
    const calls: string[] = [];
    const route = createMessageRouter(handlers(calls), ID, ORIGIN);
    const request = createMessageClient((message) => route(message, contentScript));
    const answer = await request('panel/view', { crm: 'salesforce', recordId: '001Dn00000Acme1IAB' });
    expect(answer.kind).toBe('unknown');
    expect(calls).toEqual(['panel/view salesforce 001Dn00000Acme1IAB']);
  });

  test('a content script may send the tier its CRM page shows', async () => {
    const calls: string[] = [];
    const route = createMessageRouter(handlers(calls), ID, ORIGIN);
    const request = createMessageClient((message) => route(message, contentScript));
    await request('panel/view', { crm: 'hubspot', recordId: '10002', pageCrmTier: 'Tier 1 Strategic' });
    expect(calls).toEqual(['panel/view hubspot 10002']);
  });

  test('a content script may send the name and domain its CRM page shows, and selector results', async () => {
    const calls: string[] = [];
    const route = createMessageRouter(handlers(calls), ID, ORIGIN);
    const request = createMessageClient((message) => route(message, contentScript));
    await request('panel/view', {
      crm: 'dynamics',
      recordId: 'a1b2c3d4-0000-4000-8000-000000000001',
      pageName: 'Acme <b>Corp</b>',
      pageDomain: 'xn--bcher-kva.example',
    });
    await request('diagnostics/report', {
      crm: 'dynamics',
      urlShape: '/main.aspx?etn=account&id&pagetype=entityrecord',
      fields: [{ field: 'website', found: false, tried: [{ probe: 'field "Website"', found: false }] }],
    });
    expect(calls).toEqual([
      'panel/view dynamics a1b2c3d4-0000-4000-8000-000000000001',
      'diagnostics/report dynamics',
    ]);
  });

  test('errors travel back intact: code, message and details', async () => {
    const route = createMessageRouter(handlers([]), ID, ORIGIN);
    const request = createMessageClient((message) => route(message, optionsPage));
    const error = await request('sync/now', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'teapot', message: 'I am a teapot', details: { hint: 'brew' } });
  });

  test.each([
    {
      attack: 'a content script reading settings (and so the backend URL) is refused',
      sender: contentScript,
      message: { type: 'settings/get', payload: {} },
      code: 'forbidden_message',
    },
    {
      attack: 'a content script triggering a connection test to a URL of its choosing is refused',
      sender: contentScript,
      message: { type: 'connection/test', payload: { backendUrl: 'https://evil.example' } },
      code: 'forbidden_message',
    },
    {
      attack: 'another extension cannot ask anything, even with a valid payload',
      sender: { ...contentScript, id: 'other' },
      message: { type: 'panel/view', payload: { crm: 'salesforce', recordId: '001' } },
      code: 'forbidden_sender',
    },
    {
      attack: 'extra payload fields are refused rather than ignored',
      sender: contentScript,
      message: {
        type: 'panel/view',
        payload: { crm: 'salesforce', recordId: '001', url: 'https://evil.example' },
      },
      code: 'invalid_payload',
    },
    {
      attack: 'an unknown CRM name is refused',
      sender: contentScript,
      message: { type: 'panel/view', payload: { crm: 'myspace', recordId: '1' } },
      code: 'invalid_payload',
    },
    {
      attack: 'a content script cannot call the admin API with the admin’s token',
      sender: contentScript,
      message: { type: 'admin/call', payload: { method: 'GET', path: '/v1/admin/users' } },
      code: 'forbidden_message',
    },
    {
      attack: 'the workspace cannot reach routes outside the admin API',
      sender: optionsPage,
      message: { type: 'admin/call', payload: { method: 'POST', path: '/v1/outcomes' } },
      code: 'invalid_payload',
    },
    {
      attack: 'the workspace cannot climb out of the admin API',
      sender: optionsPage,
      message: { type: 'admin/call', payload: { method: 'GET', path: '/v1/admin/../sessions' } },
      code: 'invalid_payload',
    },
    {
      attack: 'a content script cannot list the book of misaligned accounts',
      sender: contentScript,
      message: { type: 'book/misaligned', payload: {} },
      code: 'forbidden_message',
    },
    {
      attack: 'a CRM page cannot send a tier longer than any tier name',
      sender: contentScript,
      message: {
        type: 'panel/view',
        payload: { crm: 'salesforce', recordId: '001', pageCrmTier: 'x'.repeat(201) },
      },
      code: 'invalid_payload',
    },
    {
      attack: 'a page name longer than any name is refused',
      sender: contentScript,
      message: {
        type: 'panel/view',
        payload: { crm: 'pipedrive', recordId: '1', pageName: 'x'.repeat(201) },
      },
      code: 'invalid_payload',
    },
    {
      attack: 'a page name with control characters is refused',
      sender: contentScript,
      message: {
        type: 'panel/view',
        payload: { crm: 'pipedrive', recordId: '1', pageName: 'Acme\u0000Evil' },
      },
      code: 'invalid_payload',
    },
    ...[
      'https://acme.example.com/',
      'WWW.ACME.EXAMPLE',
      'acme example',
      'localhost',
      '127.0.0.1',
      'bücher.example',
    ].map((pageDomain) => ({
      attack: `a page domain that is not a normalised domain name is refused: ${pageDomain}`,
      sender: contentScript,
      message: { type: 'panel/view', payload: { crm: 'pipedrive', recordId: '1', pageDomain } },
      code: 'invalid_payload',
    })),
    {
      attack: 'selector results for a field the reader does not read are refused',
      sender: contentScript,
      message: {
        type: 'diagnostics/report',
        payload: { crm: 'zoho', urlShape: '/', fields: [{ field: 'ssn', found: true, tried: [] }] },
      },
      code: 'invalid_payload',
    },
    {
      attack: 'selector results cannot carry arbitrary extra data',
      sender: contentScript,
      message: {
        type: 'diagnostics/report',
        payload: {
          crm: 'zoho',
          urlShape: '/',
          fields: [{ field: 'name', found: true, tried: [], value: 'Acme Corporation' }],
        },
      },
      code: 'invalid_payload',
    },
    {
      attack: 'a content script cannot read the diagnostics',
      sender: contentScript,
      message: { type: 'diagnostics/get', payload: {} },
      code: 'forbidden_message',
    },
    {
      attack: 'an extension page cannot have the panel script injected anywhere',
      sender: optionsPage,
      message: { type: 'panel/load', payload: {} },
      code: 'forbidden_message',
    },
    {
      attack: 'a CRM page cannot name the file or frame the panel is injected into',
      sender: contentScript,
      message: { type: 'panel/load', payload: { files: ['/background.js'], frameIds: [0] } },
      code: 'invalid_payload',
    },
    {
      attack: 'the book view takes no parameters',
      sender: optionsPage,
      message: { type: 'book/misaligned', payload: { ownerId: 'usr-1' } },
      code: 'invalid_payload',
    },
    {
      attack: 'prototype keys are not message types',
      sender: optionsPage,
      message: { type: 'constructor', payload: {} },
      code: 'unknown_message',
    },
    {
      attack: 'a bare string is not a message',
      sender: optionsPage,
      message: 'sync/now',
      code: 'bad_message',
    },
  ])('$attack', async ({ sender, message, code }) => {
    const calls: string[] = [];
    const reply = await createMessageRouter(handlers(calls), ID, ORIGIN)(message, sender);
    expect(reply).toMatchObject({ ok: false, error: { code } });
    expect(calls).toEqual([]);
  });
});
