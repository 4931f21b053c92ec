import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type AppOptions, createApp } from './app.ts';
import { openDb } from './db/open.ts';
import type { Db, StorageChoice } from './db/types.ts';
import { importSnapshot } from './import.ts';
import type { RateLimit } from './limit/token-bucket.ts';
import { LiveHub } from './live/hub.ts';
import { attachLive } from './live/upgrade.ts';
import { demoSnapshot } from './seed/demo.ts';
import type { SignInOptions } from './signin/routes.ts';

interface StartOptions {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1: the reference backend is reachable from this machine only unless asked. */
  hostname?: string;
  /** An open database (the caller keeps ownership), or a storage choice to open (and later close). */
  db?: Db;
  storage?: StorageChoice;
  seed?: 'demo';
  logError?: (error: unknown) => void;
  /** Requests per token per window in this process (default DEFAULT_RATE_LIMIT), or 'off'. */
  rateLimit?: RateLimit | 'off';
  signIn?: SignInOptions;
  /** Requests handled at once and waiting in line before 503 + Retry-After; default DEFAULT_ADMISSION. */
  admission?: AppOptions['admission'];
  /**
   * How long a client may take to send a whole request, headers and body, in ms (default 15 s): a
   * slow or stalled upload must not hold a connection for Node's default of 300 s.
   */
  requestTimeoutMs?: number;
  /** Largest accepted request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** How often the live channel pings and re-checks its clients' tokens, in ms (default HEARTBEAT_MS). */
  liveHeartbeatMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  /** Stops listening; closes the database too when startServer opened it. */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const ownsDb = options.db === undefined;
  const db = options.db ?? (await openDb(options.storage ?? { kind: 'memory' }));
  try {
    if (options.seed === 'demo') await importSnapshot(db, demoSnapshot());
    const hostname = options.hostname ?? '127.0.0.1';
    const app = createApp(db, {
      ...(options.logError ? { logError: options.logError } : {}),
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
      ...(options.signIn ? { signIn: options.signIn } : {}),
      ...(options.admission ? { admission: options.admission } : {}),
      ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
    });
    const requestTimeout = options.requestTimeoutMs ?? 15_000;
    const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
      (resolve, reject) => {
        const server = serve(
          {
            fetch: app.fetch,
            port: options.port ?? 8787,
            hostname,
            serverOptions: {
              requestTimeout,
              headersTimeout: requestTimeout,
              // Node looks for expired requests only this often (30 s by default).
              connectionsCheckingInterval: Math.min(1000, requestTimeout / 2),
            },
          },
          (info: AddressInfo) => resolve({ server, port: info.port }),
        );
        server.once('error', reject);
      },
    );
    const hub = await LiveHub.start(db, { heartbeatMs: options.liveHeartbeatMs });
    const detachLive = attachLive(server as Server, db, hub);
    const host = hostname.includes(':') ? `[${hostname}]` : hostname === '0.0.0.0' ? '127.0.0.1' : hostname;
    return {
      url: `http://${host}:${port}`,
      port,
      db,
      async close() {
        await detachLive();
        await hub.close();
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          // Keep-alive connections would otherwise hold close() open until they time out.
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
        if (ownsDb) await db.close();
      },
    };
  } catch (error) {
    if (ownsDb) await db.close();
    throw error;
  }
}
