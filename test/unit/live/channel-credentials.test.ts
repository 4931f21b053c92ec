import 'fake-indexeddb/auto';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CacheDb } from '../../../lib/cache/db.ts';
import { LIVE_PORT } from '../../../lib/live/port.ts';
import { saveSettings } from '../../../lib/settings/store.ts';

// The channel reaches the extension APIs through `chrome`: alarms, the runtime's id and its ports.
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;
const { createLiveChannel } = await import('../../../entrypoints/background/live.ts');
type Scheduler = Parameters<typeof createLiveChannel>[1];

const BACKEND = 'https://goals.example.com';

/** A WebSocket that only records how it was opened and closed. */
class FakeSocket {
  static opened: FakeSocket[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  closed: { code?: number; reason?: string } | null = null;
  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }
  close(code?: number, reason?: string) {
    this.closed = { code, reason };
  }
}

/** The bearer token of each ticket asked for, in order. */
let ticketsFor: string[];
let db: CacheDb;
let connect: (port: unknown) => void;
let stop: () => void;

beforeEach(async () => {
  fakeBrowser.reset();
  FakeSocket.opened = [];
  ticketsFor = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      ticketsFor.push(new Headers(init.headers).get('Authorization') ?? '');
      const ticket = `glt_${ticketsFor.length}`;
      return Response.json({ ticket, path: `/v1/live?ticket=${ticket}`, expiresInSeconds: 30 });
    }),
  );
  // fake-browser has no ports: the listener is called here as the browser would for a panel's port.
  (fakeBrowser.runtime as unknown as { onConnect: unknown }).onConnect = {
    addListener: (listener: (port: unknown) => void) => {
      connect = listener;
    },
  };
  db = new CacheDb(`live-${Math.random()}`);
  await signIn('token-a');
  const scheduler = { run: vi.fn(async () => undefined) } as unknown as Scheduler;
  stop = createLiveChannel(db, scheduler).listen();
});
afterEach(async () => {
  stop();
  vi.unstubAllGlobals();
  await db.delete();
});

function signIn(token: string | null) {
  return saveSettings(db, { backendUrl: BACKEND, token, syncIntervalMinutes: 15 });
}

/** A CRM tab showing a panel: it holds a port to the background. */
function openPanel() {
  connect({
    name: LIVE_PORT,
    sender: { id: fakeBrowser.runtime.id, tab: { id: 1 } },
    onDisconnect: { addListener: () => {} },
  });
}

describe('the live channel follows the credentials', () => {
  it('opens with the token in force while a panel is open', async () => {
    openPanel();
    await vi.waitFor(() => expect(FakeSocket.opened).toHaveLength(1));
    expect(ticketsFor).toEqual(['Bearer token-a']);
    expect(FakeSocket.opened[0]?.url).toBe('wss://goals.example.com/v1/live?ticket=glt_1');
  });

  it('closes the socket of the old token and opens one with the new token when it changes', async () => {
    openPanel();
    await vi.waitFor(() => expect(FakeSocket.opened).toHaveLength(1));
    await signIn('token-b');
    await vi.waitFor(() => expect(FakeSocket.opened).toHaveLength(2));
    expect(FakeSocket.opened[0]?.closed).toEqual({ code: 1000, reason: 'Signed in again.' });
    expect(ticketsFor).toEqual(['Bearer token-a', 'Bearer token-b']);
    expect(FakeSocket.opened[1]?.closed).toBeNull();
  });

  it('closes the socket on sign-out and opens none', async () => {
    openPanel();
    await vi.waitFor(() => expect(FakeSocket.opened).toHaveLength(1));
    await signIn(null);
    await vi.waitFor(() =>
      expect(FakeSocket.opened[0]?.closed).toEqual({ code: 1000, reason: 'Signed out.' }),
    );
    expect(ticketsFor).toEqual(['Bearer token-a']);
    // Signed in again, the open panel gets its channel back.
    await signIn('token-c');
    await vi.waitFor(() => expect(FakeSocket.opened).toHaveLength(2));
    expect(ticketsFor).toEqual(['Bearer token-a', 'Bearer token-c']);
  });

  it('keeps the socket when a save leaves the backend and token as they were', async () => {
    openPanel();
    await vi.waitFor(() => expect(FakeSocket.opened).toHaveLength(1));
    await saveSettings(db, { backendUrl: BACKEND, token: 'token-a', syncIntervalMinutes: 30 });
    await signIn('token-b');
    await vi.waitFor(() => expect(FakeSocket.opened).toHaveLength(2));
    // Only the token change reopened it: one ticket per token, none for the interval's save.
    expect(ticketsFor).toEqual(['Bearer token-a', 'Bearer token-b']);
  });
});
