import type { HoldPlace } from '../http/admission.ts';
import type { ChangesPage } from './read.ts';

/**
 * `{ changes, cursor, hasMore }`, the contract's answer (SPEC §4), from a page. A page of one part is
 * one string. A larger one is streamed: each part is encoded and handed over only when the response
 * asks for more (after the previous one drained to the socket), one event-loop turn apart, so 200
 * clients pulling large first pages at once never hold the loop for a whole page's bytes. A streamed
 * page keeps its admission place (`holdPlace`) until its last part was handed over or the client left.
 */
export function changesResponseBody(
  page: ChangesPage,
  holdPlace?: HoldPlace,
): string | ReadableStream<Uint8Array> {
  const tail = `],"cursor":${JSON.stringify(page.cursor)},"hasMore":${page.hasMore}}`;
  if (page.parts.length <= 1) return `{"changes":[${page.parts[0] ?? ''}${tail}`;
  const pieces = page.parts.map((part, i) => (i === 0 ? `{"changes":[${part}` : `,${part}`));
  pieces.push(tail);
  const encoder = new TextEncoder();
  const release = holdPlace?.() ?? (() => {});
  let next = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        await new Promise((resolve) => setImmediate(resolve));
        const piece = pieces[next++];
        if (piece === undefined) {
          controller.close();
          release();
        } else controller.enqueue(encoder.encode(piece));
      },
      cancel: release,
    },
    { highWaterMark: 0 },
  );
}
