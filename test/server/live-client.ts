import { WebSocket } from 'ws';
import { LiveMessage, LiveTicketResponse } from '../../lib/schemas/index.ts';

/** A live channel as a test sees it: every message received, and how it closed. */
export interface LiveProbe {
  messages: LiveMessage[];
  closed: Promise<number>;
  /** Resolves with the first message (already received or still to come) that `match` accepts. */
  next(match: (message: LiveMessage) => boolean, timeoutMs?: number): Promise<LiveMessage>;
  close(): void;
}

export async function ticketFor(baseUrl: string, token: string): Promise<LiveTicketResponse> {
  const response = await fetch(`${baseUrl}/v1/live/ticket`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) throw new Error(`ticket: ${response.status} ${await response.text()}`);
  return LiveTicketResponse.parse(await response.json());
}

/** Opens `path` (from a ticket) on `baseUrl`; rejects with the HTTP status when the upgrade is refused. */
export function openLive(baseUrl: string, path: string): Promise<LiveProbe> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${path}`);
  const messages: LiveMessage[] = [];
  const waiting = new Set<() => void>();
  socket.on('message', (data) => {
    messages.push(LiveMessage.parse(JSON.parse(String(data))));
    for (const wake of waiting) wake();
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const probe: LiveProbe = {
    messages,
    closed,
    next: (match, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return;
          waiting.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`no matching message in ${timeoutMs} ms; got ${JSON.stringify(messages)}`));
        }, timeoutMs);
        waiting.add(check);
        check();
      }),
    close: () => socket.close(),
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(probe));
    socket.once('unexpected-response', (_request, response) => {
      reject(
        Object.assign(new Error(`upgrade refused: ${response.statusCode}`), { status: response.statusCode }),
      );
      socket.terminate();
    });
    socket.once('error', reject);
  });
}
