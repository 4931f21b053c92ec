import { describe, expect, it } from 'vitest';
import { acceptTabAnswer, type PendingTabSignIn, TAB_SIGN_IN_TTL_MS } from '../../../lib/signin/tab-flow.ts';

const pending: PendingTabSignIn = {
  backendUrl: 'https://goals.example.com',
  redirectUri: 'https://goals.example.com/auth/done',
  verifier: 'v'.repeat(43),
  state: 'the-state',
  startedAt: 1_000,
};
const ok = {
  senderUrl: 'https://goals.example.com/auth/done#code=c&state=the-state',
  code: 'c',
  state: 'the-state',
};

describe('accepting the code a tab hands back', () => {
  it('takes the code from the backend’s own page, for this sign-in, in time', () => {
    expect(acceptTabAnswer(pending, ok, 2_000)).toBe('c');
  });

  it.each([
    ['no sign-in was started', undefined, ok, 2_000, 'did not start a sign-in'],
    ['another origin', pending, { ...ok, senderUrl: 'https://evil.example/auth/done' }, 2_000, 'other than'],
    [
      'another port',
      pending,
      { ...ok, senderUrl: 'https://goals.example.com:8443/auth/done' },
      2_000,
      'other than',
    ],
    [
      'another page of the backend',
      pending,
      { ...ok, senderUrl: 'https://goals.example.com/auth/invite/x' },
      2_000,
      'other than',
    ],
    ['another state', pending, { ...ok, state: 'forged' }, 2_000, 'did not match'],
    ['no code', pending, { ...ok, code: '' }, 2_000, 'did not finish'],
    ['too late', pending, ok, 1_000 + TAB_SIGN_IN_TTL_MS + 1, 'too long'],
  ])('refuses %s', (_case, started, answer, now, message) => {
    expect(() => acceptTabAnswer(started, answer, now)).toThrow(message);
  });
});
