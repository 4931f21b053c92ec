import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Db } from '../db/types.ts';
import { errorBody } from '../http/errors.ts';
import type { LiveHub } from './hub.ts';
import { takeTicket, usersForTokenHashes } from './tickets.ts';

export const LIVE_PATH = '/v1/live';

/**
 * Serves the live channel on `server`: `GET /v1/live?ticket=…` upgraded to a WebSocket. The ticket
 * (from `POST /v1/live/ticket`) is checked before the upgrade is accepted, so a refused client gets a
 * plain 401 and no socket.
 */
export function attachLive(server: Server, db: Db, hub: LiveHub): () => Promise<void> {
  // Clients send nothing the server needs; a small cap keeps a hostile one from making it buffer.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== LIVE_PATH) return refuse(socket, 404, 'not_found', 'Not found.');
    const ticket = url.searchParams.get('ticket');
    if (!ticket) return refuse(socket, 401, 'unauthorized', 'Missing ticket: POST /v1/live/ticket first.');
    void (async () => {
      const tokenHash = await takeTicket(db, ticket);
      const user =
        tokenHash === null ? undefined : (await usersForTokenHashes(db, [tokenHash])).get(tokenHash);
      if (tokenHash === null || user === undefined) {
        return refuse(socket, 401, 'unauthorized', 'The ticket is unknown, used or expired.');
      }
      sockets.handleUpgrade(request, socket, head, (ws) => void hub.add(ws, tokenHash, user));
    })().catch(() => refuse(socket, 500, 'internal', 'Internal server error.'));
  };
  server.on('upgrade', onUpgrade);
  return async () => {
    server.off('upgrade', onUpgrade);
    await new Promise<void>((resolve) => sockets.close(() => resolve()));
  };
}

function refuse(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify(errorBody(code, message));
  const reason = status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Internal Server Error';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
