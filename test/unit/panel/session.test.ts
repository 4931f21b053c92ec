import { describe, expect, it } from 'vitest';
import { createPanelSession } from '../../../lib/panel/session.ts';
import { accountAnswer, fakeBackground, fakeDocument, flush, unknown } from './fakes.ts';

const acme = { crm: 'salesforce', recordId: '001Dn00000Acme1IAB' } as const;
const globex = { crm: 'salesforce', recordId: '001Dn00000GlbxQIAR' } as const;

describe('panel session: one request path for the answer', () => {
  it('asks for the page the moment it starts, without the page’s fields, and shows the answer', async () => {
    const background = fakeBackground();
    const session = createPanelSession(background.request, acme);
    expect(background.views().map((c) => c.payload)).toEqual([acme]);
    expect(session.get()).toEqual({ page: acme, state: { status: 'loading' }, revision: -1 });
    background.views()[0]?.resolve(unknown);
    await flush();
    expect(session.get()).toEqual({ page: acme, state: { status: 'ready', answer: unknown }, revision: 0 });
  });

  it('on another page shows nothing of the previous one, and ignores its late answer', async () => {
    const background = fakeBackground();
    const session = createPanelSession(background.request, acme);
    let told = 0;
    session.subscribe(() => told++);
    session.setPage({ ...acme });
    expect(told).toBe(0);
    session.setPage(globex);
    expect(session.get()).toEqual({ page: globex, state: { status: 'loading' }, revision: -1 });
    background.views()[0]?.resolve(accountAnswer());
    await flush();
    expect(session.get().state).toEqual({ status: 'loading' });
    background.views()[1]?.resolve(unknown);
    await flush();
    expect(session.get()).toMatchObject({ page: globex, state: { status: 'ready', answer: unknown } });
  });

  it('asks again when the cache changed, and says from which revision answers include it', async () => {
    const background = fakeBackground();
    const session = createPanelSession(background.request, acme);
    background.views()[0]?.resolve(unknown);
    await flush();
    expect(session.refresh()).toBe(1);
    expect(background.views()).toHaveLength(2);
    const fresh = accountAnswer();
    background.views()[1]?.resolve(fresh);
    await flush();
    expect(session.get()).toEqual({ page: acme, state: { status: 'ready', answer: fresh }, revision: 1 });
  });

  it('never shows an answer after a later request’s answer', async () => {
    const background = fakeBackground();
    const session = createPanelSession(background.request, acme);
    session.refresh();
    const later = accountAnswer();
    background.views()[1]?.resolve(later);
    await flush();
    background.views()[0]?.resolve(unknown);
    await flush();
    expect(session.get()).toMatchObject({ state: { status: 'ready', answer: later }, revision: 1 });
  });

  it('shows a failure only when no later request is on its way', async () => {
    const background = fakeBackground();
    const session = createPanelSession(background.request, acme);
    session.refresh();
    background.views()[0]?.reject(new Error('no reply'));
    await flush();
    expect(session.get().state).toEqual({ status: 'loading' });
    background.views()[1]?.reject(new Error('still no reply'));
    await flush();
    expect(session.get().state).toEqual({ status: 'error', message: 'still no reply' });
  });

  it('stops listening and showing once closed', async () => {
    const background = fakeBackground();
    const session = createPanelSession(background.request, acme);
    const page = fakeDocument();
    session.readPage(page.source);
    session.close();
    background.views()[0]?.resolve(unknown);
    await flush();
    expect(session.get().state).toEqual({ status: 'loading' });
    expect(page.watching()).toBe(0);
  });

  it('starts no page reading for a panel that finished mounting after its page was left', async () => {
    const background = fakeBackground();
    const session = createPanelSession(background.request, acme);
    const page = fakeDocument({ 'Customer Tier': 'Gold' }, { name: 'Acme Corp' });
    session.close();
    session.readPage(page.source);
    page.show({ fields: { 'Customer Tier': 'Silver' } });
    await flush();
    expect(page.watching()).toBe(0);
    expect(background.calls).toHaveLength(1);
  });
});

describe('panel session: what the CRM page shows feeds the request', () => {
  it('asks again with the tier field’s value, read with the label from the settings', async () => {
    const background = fakeBackground();
    const session = createPanelSession(background.request, acme);
    session.setTierLabel('Segment');
    const page = fakeDocument({ 'Customer Tier': 'Gold', Segment: 'Enterprise' });
    session.readPage(page.source);
    expect(background.views().map((c) => c.payload)).toEqual([acme, { ...acme, pageCrmTier: 'Enterprise' }]);
    page.show({ fields: { 'Customer Tier': 'Gold' } });
    expect(background.views()).toHaveLength(2);
    session.setTierLabel('Customer Tier');
    expect(background.views().at(-1)?.payload).toEqual({ ...acme, pageCrmTier: 'Gold' });
  });

  it('sends the page’s name and website once the record id found no account', async () => {
    const background = fakeBackground();
    const session = createPanelSession(background.request, acme);
    const page = fakeDocument({}, { name: 'Acme Corp', domain: 'acme.com' });
    session.readPage(page.source);
    expect(background.views()).toHaveLength(1);
    background.views()[0]?.resolve(unknown);
    await flush();
    expect(background.views().map((c) => c.payload)).toEqual([
      acme,
      { ...acme, pageName: 'Acme Corp', pageDomain: 'acme.com' },
    ]);
  });

  it('does not ask again for the name when the record id found the account', async () => {
    const background = fakeBackground();
    const session = createPanelSession(background.request, acme);
    background.views()[0]?.resolve(accountAnswer());
    await flush();
    session.readPage(fakeDocument({}, { name: 'Acme Corp' }).source);
    await flush();
    expect(background.views()).toHaveLength(1);
  });

  it('does not trust the previous record’s name for the next page until the page shows another', async () => {
    const background = fakeBackground();
    const session = createPanelSession(background.request, acme);
    const page = fakeDocument({}, { name: 'Acme Corp' });
    session.readPage(page.source);
    background.views()[0]?.resolve(unknown);
    await flush();
    session.setPage(globex);
    background.views().at(-1)?.resolve(unknown);
    await flush();
    expect(background.views().at(-1)?.payload).toEqual(globex);
    page.show({ account: { name: 'Globex' } });
    await flush();
    expect(background.views().at(-1)?.payload).toEqual({ ...globex, pageName: 'Globex' });
  });

  it('does not take the previous record’s tier field for the next page until the page shows another record', async () => {
    const background = fakeBackground();
    const session = createPanelSession(background.request, acme);
    session.setTierLabel('Customer Tier');
    const page = fakeDocument({ 'Customer Tier': 'Gold' }, { name: 'Acme Corp' });
    session.readPage(page.source);
    background.views().at(-1)?.resolve(accountAnswer());
    await flush();
    session.setPage(globex);
    expect(background.views().at(-1)?.payload).toEqual(globex);
    page.show({ fields: { 'Customer Tier': 'Silver' }, account: { name: 'Globex' } });
    await flush();
    expect(background.views().at(-1)?.payload).toMatchObject({ ...globex, pageCrmTier: 'Silver' });
  });

  it('reports what the page reading found once per distinct result', () => {
    const background = fakeBackground();
    const session = createPanelSession(background.request, acme);
    const page = fakeDocument({}, { name: 'Acme Corp' });
    session.readPage(page.source);
    page.show({});
    expect(background.of('diagnostics/report').map((c) => c.payload)).toEqual([
      {
        crm: 'salesforce',
        urlShape: '/lightning/r/Account/{id}/view',
        fields: [{ field: 'name', found: true, tried: [] }],
      },
    ]);
  });
});
