import { browser } from 'wxt/browser';
import { createBackendClient } from '@/lib/backend/client.ts';
import type { CacheDb } from '@/lib/cache/db.ts';
import { liveSocketUrl, reconnectDelayMs } from '@/lib/live/backoff.ts';
import { LIVE_PORT } from '@/lib/live/port.ts';
import { LIVE_CLOSE, LiveMessage } from '@/lib/schemas/live.ts';
import { loadSettings, onSettingsChanged } from '@/lib/settings/store.ts';
import type { SyncScheduler } from './scheduler.ts';

/**
 * While the channel is down and a panel is open, the cache is refreshed this often instead. An alarm
 * rather than a timer: it wakes a stopped service worker or event page. 30 s is Chrome's shortest.
 */
const POLL_ALARM = 'goal-lens-live-poll';
const POLL_MINUTES = 0.5;

type Port = ReturnType<typeof browser.runtime.connect>;

/**
 * The live channel (SPEC §11): a WebSocket to the backend, held only while at least one CRM tab shows
 * a panel (each holds a runtime port named LIVE_PORT). Each poke runs the ordinary sync, whose
 * CACHE_CHANGED broadcast makes open panels ask again. Chrome (116+) keeps the service worker alive
 * while the socket exchanges messages, which the backend's 20 s heartbeat does; when the worker or
 * Firefox's event page is stopped anyway, the panels' ports break, they reconnect, and that wakes it.
 */
export function createLiveChannel(db: CacheDb, scheduler: SyncScheduler) {
  const ports = new Set<Port>();
  let socket: WebSocket | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  /** The backend and token the socket (or the opening under way) signs in with. */
  let signedInAs: string | undefined;
  /** Moves on whenever the credentials change, so that an opening begun with the old ones gives up. */
  let generation = 0;
  /** Syncs one at a time; a poke during a sync asks for one more after it, since that sync may predate it. */
  let syncing: Promise<unknown> | undefined;
  let again = false;

  function sync(): void {
    if (syncing) {
      again = true;
      return;
    }
    syncing = scheduler.run().finally(() => {
      syncing = undefined;
      if (again && ports.size > 0) {
        again = false;
        sync();
      }
    });
  }

  async function setPolling(on: boolean): Promise<void> {
    if (on) await browser.alarms.create(POLL_ALARM, { periodInMinutes: POLL_MINUTES });
    else await browser.alarms.clear(POLL_ALARM);
  }

  function scheduleReconnect(): void {
    if (ports.size === 0 || retry !== undefined) return;
    attempts += 1;
    void setPolling(true);
    retry = setTimeout(
      () => {
        retry = undefined;
        void open();
      },
      reconnectDelayMs(attempts, Math.random()),
    );
  }

  async function open(): Promise<void> {
    if (ports.size === 0 || socket) return;
    const started = generation;
    const { backendUrl, token } = await loadSettings(db);
    if (!backendUrl || !token || started !== generation) return;
    signedInAs = credentialsOf(backendUrl, token);
    let url: string;
    try {
      url = liveSocketUrl(backendUrl, (await createBackendClient(backendUrl, token).liveTicket()).path);
    } catch {
      // A backend without the channel, or unreachable: polling keeps the panel current meanwhile.
      if (started === generation) scheduleReconnect();
      return;
    }
    if (ports.size === 0 || socket || started !== generation) return;
    const next = new WebSocket(url);
    socket = next;
    next.onmessage = (event) => {
      const message = LiveMessage.safeParse(parseJson(event.data));
      if (!message.success) return;
      if (message.data.type === 'ready') {
        attempts = 0;
        void setPolling(false);
      }
      // `ready` too: whatever moved while the channel was down is fetched now.
      if (message.data.type !== 'ping') sync();
    };
    next.onclose = (event) => {
      if (socket !== next) return;
      socket = undefined;
      // A revoked token: the sync that follows reports it, and the scheduler stops asking.
      if (event.code === LIVE_CLOSE.unauthorized) sync();
      scheduleReconnect();
    };
  }

  function close(reason: string): void {
    clearTimeout(retry);
    retry = undefined;
    attempts = 0;
    const current = socket;
    socket = undefined;
    current?.close(1000, reason);
    void setPolling(false);
  }

  /**
   * Sign-in, sign-out, a rotated token, another token or backend in the options, a policy: a socket
   * signed in with the old credentials is closed (the backend would keep poking the old user), and
   * one is opened with the new ones while a panel is open. Signed out, none is.
   */
  async function credentialsChanged(): Promise<void> {
    const { backendUrl, token } = await loadSettings(db);
    const now = backendUrl && token ? credentialsOf(backendUrl, token) : undefined;
    if (now === signedInAs) return;
    generation += 1;
    signedInAs = now;
    close(now === undefined ? 'Signed out.' : 'Signed in again.');
    if (now !== undefined) void open();
  }

  return {
    /** Starts following panels and credentials; returns what stops following the credentials. */
    listen(): () => void {
      const unfollow = onSettingsChanged(() => void credentialsChanged());
      browser.runtime.onConnect.addListener((port) => {
        if (port.name !== LIVE_PORT || port.sender?.id !== browser.runtime.id || !port.sender.tab) return;
        ports.add(port);
        port.onDisconnect.addListener(() => {
          ports.delete(port);
          if (ports.size === 0) close('No panel is open.');
        });
        void open();
      });
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name !== POLL_ALARM) return;
        // The worker was stopped and woke for the alarm: no panel has called back, so nothing to poll for.
        if (ports.size === 0) void setPolling(false);
        else if (!socket) {
          sync();
          void open();
        }
      });
      return unfollow;
    },
  };
}

function credentialsOf(backendUrl: string, token: string): string {
  return `${backendUrl}\n${token}`;
}

function parseJson(data: unknown): unknown {
  try {
    return typeof data === 'string' ? JSON.parse(data) : undefined;
  } catch {
    return undefined;
  }
}
