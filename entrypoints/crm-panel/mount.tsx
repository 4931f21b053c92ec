import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PanelApp } from '@/components/panel/PanelApp.tsx';
import { documentFieldSource } from '@/components/panel/page-field-source.ts';
import panelCss from '@/components/panel/panel.css?inline';
import { holdLivePort } from '@/lib/live/panel-port.ts';
import type { MountedPanel, PanelMountOptions } from '@/lib/panel/panel-module.ts';
import { placeHost } from './place-host.ts';
import { createShadowHost } from './shadow-host.ts';

const pageFields = documentFieldSource(document);

/** Renders the React panel into `<goal-lens-panel>`'s shadow root at the end of the body (see placeHost). */
export function mountPanel(
  ctx: ContentScriptContext,
  { session, request, prefs, savePrefs }: PanelMountOptions,
): MountedPanel {
  const { host, container } = createShadowHost(panelCss);
  const root = createRoot(container);
  // Committed before the host joins the page, so the panel arrives whole, with no empty frame first.
  flushSync(() =>
    root.render(
      <PanelApp
        session={session}
        request={request}
        collapsed={prefs.collapsed}
        onCollapsedChange={(collapsed) => savePrefs({ collapsed })}
      />,
    ),
  );
  const unplace = placeHost(host);
  session.readPage(pageFields);
  // While the panel shows, a teammate's change reaches it within a second (SPEC §11).
  const releaseLive = holdLivePort(ctx);
  let mounted = true;
  const remove = () => {
    if (!mounted) return;
    mounted = false;
    releaseLive();
    root.unmount();
    unplace();
  };
  ctx.onInvalidated(remove);
  return { remove };
}
