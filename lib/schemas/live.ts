import { z } from 'zod';

/** `POST /v1/live/ticket`: a single-use pass to open the live channel (SPEC §11). */
export const LiveTicketResponse = z.object({
  ticket: z.string().min(1),
  /** Relative to the backend URL: `/v1/live?ticket=…`, opened as a WebSocket (ws: or wss:). */
  path: z.string().startsWith('/v1/live?'),
  expiresInSeconds: z.number().int().positive(),
});
export type LiveTicketResponse = z.infer<typeof LiveTicketResponse>;

/**
 * What the server sends on the channel. `ready` when it opens and `poke` when the reader's feed moved,
 * each with the feed's head seq (never data: that still comes from `/v1/changes`); `ping` every
 * heartbeat, which keeps a Chrome extension service worker (116+) awake while the channel is open.
 */
export const LiveMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), head: z.number().int().min(0) }),
  z.object({ type: z.literal('poke'), head: z.number().int().min(0) }),
  z.object({ type: z.literal('ping') }),
]);
export type LiveMessage = z.infer<typeof LiveMessage>;

/** Close codes of the channel beyond the standard ones. */
export const LIVE_CLOSE = {
  /** The ticket was unknown, used or expired, or the token behind it was revoked: ask for a new one. */
  unauthorized: 4401,
} as const;
