import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { LIVE_PORT } from './port.ts';

/** After the background went away (a stopped service worker), the panel calls it back this soon. */
const RECONNECT_MS = 1_000;

/**
 * Holds a port to the background for as long as a panel is shown, so the background keeps the live
 * channel open. When the browser stops the background (Chrome's service worker, Firefox's event page)
 * the port breaks; connecting again wakes it, and it reopens the channel. Returns the release.
 */
export function holdLivePort(ctx: ContentScriptContext): () => void {
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let held = true;
  const connect = () => {
    if (!held || ctx.isInvalid) return;
    port = browser.runtime.connect({ name: LIVE_PORT });
    port.onDisconnect.addListener(() => {
      port = undefined;
      timer = setTimeout(connect, RECONNECT_MS);
    });
  };
  connect();
  const release = () => {
    held = false;
    clearTimeout(timer);
    port?.disconnect();
    port = undefined;
  };
  ctx.onInvalidated(release);
  return release;
}
