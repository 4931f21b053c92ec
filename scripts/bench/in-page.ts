/**
 * Functions that Playwright serialises into the page (or the options page): each must be
 * self-contained, referring to nothing outside its own body. They time with performance.now(), in
 * the page's own clock, so no Node round trip is ever inside a measured interval.
 */

/**
 * tsx compiles with esbuild's keepNames, which wraps named inner functions in a `__name(fn, "name")`
 * helper that exists only in Node; a serialised function calling it would throw in the browser. Every
 * context that runs these functions gets this no-op stand-in first.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name ??= (fn) => fn;';

/** A change of the panel's headings, as the recorder below saw it. */
export interface HeadingEntry {
  headings: string[];
  /** performance.now() when the DOM had the change: ms since navigation start on a page load. */
  at: number;
  /** performance.now() in the next animation frame, i.e. the frame that paints the change. */
  frameAt: number | null;
}

/**
 * Init script for CRM pages: logs every change of the headings inside <goal-lens-panel>'s open
 * shadow root into window.__glBench. Installed before any page or content script runs, so it sees a
 * panel mounted during a page load as well as one updated by in-app navigation.
 */
export function recordPanelHeadings(): void {
  const log: HeadingEntry[] = [];
  (window as unknown as { __glBench: HeadingEntry[] }).__glBench = log;
  let last = '';
  let watched: ShadowRoot | null = null;
  const check = () => {
    const root = document.querySelector('goal-lens-panel')?.shadowRoot ?? null;
    if (root && root !== watched) {
      watched = root;
      inner.observe(root, { subtree: true, childList: true, characterData: true });
    }
    const headings = root
      ? [...root.querySelectorAll('h1, h2, h3, [role="heading"]')].map((h) => h.textContent?.trim() ?? '')
      : [];
    const key = headings.join('\n');
    if (key === last) return;
    last = key;
    const entry: HeadingEntry = { headings, at: performance.now(), frameAt: null };
    log.push(entry);
    requestAnimationFrame(() => {
      entry.frameAt = performance.now();
    });
  };
  const inner = new MutationObserver(check);
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
}

/** The first logged change at or after `since` whose headings include `name`, once its frame ran. */
export function panelHeadingSince(args: { name: string; since: number }): HeadingEntry | null {
  const log = (window as unknown as { __glBench?: HeadingEntry[] }).__glBench ?? [];
  const entry = log.find((e) => e.at >= args.since && e.headings.includes(args.name));
  return entry && entry.frameAt !== null ? entry : null;
}

/**
 * Clicks an in-app link as the CRM renders them (the fixture SPA handles `a[data-nav]` clicks with
 * pushState) and returns performance.now() just before the click.
 */
export function clickInAppLink(href: string): number {
  const link = document.createElement('a');
  link.href = href;
  link.setAttribute('data-nav', '');
  document.body.append(link);
  const at = performance.now();
  link.click();
  link.remove();
  return at;
}

/**
 * Options page: clicks the button named `button` and resolves with the ms until the notice shows its
 * next message (the page clears it on the click and sets it when the background answers).
 */
export function clickAndAwaitNotice(args: {
  button: string;
  timeoutMs: number;
}): Promise<{ ms: number; text: string } | { error: string }> {
  const notice = document.querySelector('[data-testid="notice"]');
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === args.button);
  if (!notice || !button) return Promise.resolve({ error: `no notice or no "${args.button}" button` });
  return new Promise((resolve) => {
    let cleared = false;
    let started = 0;
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve({ error: `no answer within ${args.timeoutMs} ms` });
    }, args.timeoutMs);
    const observer = new MutationObserver(() => {
      const text = notice.textContent?.trim() ?? '';
      if (text === '') cleared = true;
      else if (cleared) {
        const ms = performance.now() - started;
        observer.disconnect();
        clearTimeout(timer);
        resolve({ ms, text });
      }
    });
    observer.observe(notice, { subtree: true, childList: true, characterData: true });
    started = performance.now();
    button.click();
  });
}

export interface OneClickTiming {
  /** Click → the key result's row shows the new value (the DOM changed). */
  shownMs: number;
  /** Click → the frame that paints it. */
  shownFrameMs: number;
  /** Click → the toast leaves "Saving…", which it does only once the background committed the outbox row. */
  durableMs: number;
  state: string;
}

/**
 * Arms the timing of a click on a key result's one-click log button: the panel acts only on clicks
 * the user makes (trusted events), so the click itself comes from outside the page (Playwright's
 * mouse), and the time runs from that click event's own timestamp. The result lands in
 * window.__glOneClick; `oneClickResult` awaits it.
 */
export function armOneClick(args: { buttonLabel: string; timeoutMs: number }): string | null {
  const root = document.querySelector('goal-lens-panel')?.shadowRoot;
  const findButton = () =>
    [...(root?.querySelectorAll('button') ?? [])].find(
      (b) => b.getAttribute('aria-label') === args.buttonLabel,
    );
  const button = findButton();
  const row = button?.closest('[data-testid="key-result"]');
  if (!root || !button || !row) return `no button labelled ${args.buttonLabel}`;
  const rowBefore = row.textContent;
  const toastsBefore = root.querySelectorAll('[data-testid="outcome-toast"]').length;
  (window as unknown as { __glOneClick: Promise<OneClickTiming | string> }).__glOneClick = new Promise(
    (resolve) => {
      let started: number | null = null;
      let shownAt: number | null = null;
      let shownFrameAt: number | null = null;
      let durableAt: number | null = null;
      let state = '';
      const finish = () => {
        if (started === null || shownAt === null || shownFrameAt === null || durableAt === null) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve({
          shownMs: shownAt - started,
          shownFrameMs: shownFrameAt - started,
          durableMs: durableAt - started,
          state,
        });
      };
      const timer = setTimeout(() => {
        observer.disconnect();
        resolve(`timed out: clicked ${started !== null}, shown ${shownAt !== null}, state "${state}"`);
      }, args.timeoutMs);
      // Capture, on the button itself: runs before the panel's own handler, with the event's creation time.
      button.addEventListener('click', (event) => (started = event.timeStamp), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        const now = performance.now();
        const currentRow = findButton()?.closest('[data-testid="key-result"]');
        if (shownAt === null && currentRow && currentRow.textContent !== rowBefore) {
          shownAt = now;
          requestAnimationFrame(() => {
            shownFrameAt = performance.now();
            finish();
          });
        }
        const toasts = root.querySelectorAll('[data-testid="outcome-toast"]');
        const toast = toasts.length > toastsBefore ? toasts[toasts.length - 1] : undefined;
        state = toast?.querySelector('[data-testid="outcome-state"]')?.textContent?.trim() ?? '';
        if (durableAt === null && state !== '' && state !== 'Saving…') durableAt = now;
        finish();
      });
      observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    },
  );
  return null;
}

/** The armed click's timing, once it is complete (or the reason it is not). */
export function oneClickResult(): Promise<OneClickTiming | string> {
  return (window as unknown as { __glOneClick: Promise<OneClickTiming | string> }).__glOneClick;
}

/** Closes every outcome toast, so the next click's toast is the only one. */
export function dismissToasts(): void {
  const root = document.querySelector('goal-lens-panel')?.shadowRoot;
  for (const button of root?.querySelectorAll('button[aria-label="Dismiss"]') ?? []) {
    (button as HTMLButtonElement).click();
  }
}

/** Every node of the document, open shadow roots included, and how many Goal Lens panels it holds. */
export function countNodes(): { nodes: number; panels: number } {
  let nodes = 0;
  const visit = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      nodes++;
      if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    }
  };
  visit(document);
  return { nodes, panels: document.querySelectorAll('goal-lens-panel').length };
}
