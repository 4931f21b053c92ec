/** The CRM's inherited styles stop at the host; everything else comes from `css`. */
const HOST_RESET = ':host{all:initial !important}';

/**
 * `<goal-lens-panel>` with an open shadow root holding `css` and an empty container, not yet in the
 * document. Written out rather than taken from WXT's UI helpers, which would bring the browser API
 * polyfill into the panel script a second time.
 */
export function createShadowHost(css: string): { host: HTMLElement; container: HTMLElement } {
  const host = document.createElement('goal-lens-panel');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `${HOST_RESET}\n${css}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  return { host, container };
}
