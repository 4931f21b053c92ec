import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerPanelModule } from '@/lib/panel/panel-module.ts';
import { mountPanel } from './mount.tsx';

/** Injected by the background into a CRM frame that shows an account; the content script mounts it. */
export default defineUnlistedScript(() => registerPanelModule({ mount: mountPanel }));
