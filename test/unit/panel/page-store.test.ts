import { describe, expect, it } from 'vitest';
import { createPageStore, trackEarlyAnswer } from '../../../lib/panel/page-store.ts';
import type { PanelAnswer } from '../../../lib/panel/view-types.ts';

const acme = { crm: 'salesforce', recordId: '001Dn00000Acme1IAB' } as const;
const globex = { crm: 'salesforce', recordId: '001Dn00000GlbxQIAR' } as const;
const unknown: PanelAnswer = {
  kind: 'unknown',
  sync: { lastSuccessAt: null, stale: true, error: null, problems: [] },
};
const answer = () => trackEarlyAnswer(Promise.resolve(unknown));

describe('page store: the answer asked for when the URL changed', () => {
  it('belongs to the page it was asked for', () => {
    const first = answer();
    const store = createPageStore(acme, first);
    expect(store.get()).toEqual({ page: acme, revision: 0, early: first });
    const second = answer();
    store.setPage(globex, second);
    expect(store.get()).toEqual({ page: globex, revision: 0, early: second });
  });

  it('is dropped when the cache changes, so the panel asks again', () => {
    const store = createPageStore(acme, answer());
    const revision = store.refresh();
    expect(store.get()).toEqual({ page: acme, revision, early: null });
    expect(revision).toBe(1);
  });

  it('is kept when the URL changes within the same account, which tells no one', () => {
    const first = answer();
    const store = createPageStore(acme, first);
    let told = 0;
    store.subscribe(() => told++);
    store.setPage({ ...acme }, answer());
    expect(store.get().early).toBe(first);
    expect(told).toBe(0);
  });

  it('says when it has arrived, so a panel mounted later shows it at once', async () => {
    const early = answer();
    expect(early.settled).toBeUndefined();
    await early.promise;
    expect(early.settled).toBe(unknown);
  });

  it('swallows nothing: a failure still reaches whoever awaits it', async () => {
    const early = trackEarlyAnswer(Promise.reject(new Error('no reply')));
    await expect(early.promise).rejects.toThrow('no reply');
    expect(early.settled).toBeUndefined();
  });
});
