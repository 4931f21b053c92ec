/**
 * Calls `onChange` at most once per `delayMs` while the page's DOM changes, and once after the last
 * change: CRMs render a record's fields in bursts after the URL changed, and a page that never stops
 * changing (a ticking clock) must not postpone the reading forever.
 */
export function watchPage(root: Node, onChange: () => void, delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    timer ??= setTimeout(() => {
      timer = undefined;
      onChange();
    }, delayMs);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return () => {
    observer.disconnect();
    clearTimeout(timer);
  };
}
