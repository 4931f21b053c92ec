/**
 * The CRM page's own scripts can reach the panel's open shadow root and call `click()` or
 * `dispatchEvent()` on its buttons. Only the browser marks an event as caused by the person at the
 * keyboard (`isTrusted`), so every action taken for the user (log, undo, note) checks it.
 */
export function byUser(event: { nativeEvent: { isTrusted?: boolean } }): boolean {
  return event.nativeEvent.isTrusted === true;
}

/** `handler`, run only for events the user caused; scripted ones are ignored. */
export function onlyByUser<E extends { nativeEvent: { isTrusted?: boolean } }>(
  handler: (event: E) => void,
): (event: E) => void {
  return (event) => {
    if (byUser(event)) handler(event);
  };
}
