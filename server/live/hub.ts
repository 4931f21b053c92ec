import type { WebSocket } from 'ws';
import { LIVE_CLOSE, type LiveMessage, type User } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { visibleAudiences } from '../feed/audience.ts';
import { FEED_CHANNEL, type FeedMoved, feedHead, parseFeedMoved } from './feed-notify.ts';
import { usersForTokenHashes } from './tickets.ts';

/**
 * Under Chrome's 30 s idle limit for an extension service worker: a message at least this often keeps
 * the worker holding the channel alive (Chrome 116+), and tells both ends the connection still works.
 */
export const HEARTBEAT_MS = 20_000;

interface LiveClient {
  tokenHash: string;
  audiences: string[] | null;
  /** Heartbeats since the client last answered: one missed pong may be a busy machine, two mean gone. */
  missed: number;
}

/** Everyone connected to this instance's live channel, poked when their feed moves on any instance. */
export class LiveHub {
  private readonly clients = new Map<WebSocket, LiveClient>();
  private readonly timer: ReturnType<typeof setInterval>;

  private constructor(
    private readonly db: Db,
    private readonly unlisten: () => Promise<void>,
    heartbeatMs: number,
  ) {
    this.timer = setInterval(() => void this.heartbeat(), heartbeatMs);
    this.timer.unref();
  }

  static async start(db: Db, options: { heartbeatMs?: number } = {}): Promise<LiveHub> {
    if (!db.listen) throw new Error('this storage cannot deliver notifications, so live updates are off');
    let hub: LiveHub | undefined;
    const unlisten = await db.listen(FEED_CHANNEL, (payload) => hub?.poke(parseFeedMoved(payload)));
    hub = new LiveHub(db, unlisten, options.heartbeatMs ?? HEARTBEAT_MS);
    return hub;
  }

  get size(): number {
    return this.clients.size;
  }

  /** Takes over an open socket of `user`, signed in by the token whose hash is `tokenHash`. */
  async add(socket: WebSocket, tokenHash: string, user: User): Promise<void> {
    const client: LiveClient = { tokenHash, audiences: visibleAudiences(user), missed: 0 };
    this.clients.set(socket, client);
    const answered = () => {
      client.missed = 0;
    };
    socket.on('pong', answered);
    // Whatever the client sends (its own keep-alive) only shows it is there.
    socket.on('message', answered);
    socket.on('close', () => this.clients.delete(socket));
    socket.on('error', () => socket.terminate());
    // Anything written while the client was away is above its cursor: `ready` lets it catch up at once.
    send(socket, { type: 'ready', head: await feedHead(this.db) });
  }

  private poke(moved: FeedMoved): void {
    const message: LiveMessage = { type: 'poke', head: moved.head };
    for (const [socket, client] of this.clients) {
      if (reaches(moved, client.audiences)) send(socket, message);
    }
  }

  /** Pings everyone, drops the silent, and closes channels whose token or session no longer signs in. */
  private async heartbeat(): Promise<void> {
    for (const [socket, client] of this.clients) {
      if (client.missed >= 2) {
        socket.terminate();
        continue;
      }
      client.missed += 1;
      socket.ping();
      send(socket, { type: 'ping' });
    }
    const entries = [...this.clients];
    if (entries.length === 0) return;
    let users: Map<string, User>;
    try {
      users = await usersForTokenHashes(this.db, [...new Set(entries.map(([, c]) => c.tokenHash))]);
    } catch {
      return; // The database is away for a moment: nobody is signed out for that.
    }
    for (const [socket, client] of entries) {
      const user = users.get(client.tokenHash);
      if (user === undefined) socket.close(LIVE_CLOSE.unauthorized, 'The token or session was revoked.');
      else client.audiences = visibleAudiences(user);
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    for (const socket of this.clients.keys()) socket.close(1001, 'The server is shutting down.');
    this.clients.clear();
    await this.unlisten();
  }
}

function reaches(moved: FeedMoved, audiences: string[] | null): boolean {
  if (moved.audiences === null || audiences === null) return true;
  return moved.audiences.some((audience) => audiences.includes(audience));
}

function send(socket: WebSocket, message: LiveMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}
