import { pathSegments } from './path.ts';
import type { CrmDetector } from './types.ts';

// Zoho's data centres by the domain their web apps are served from. Canada's CRM is on zohocloud.ca; the
// regional zoho.ca is accepted too, so a link written with it still gets the panel.
const DATA_CENTRES = [
  'zoho.com',
  'zoho.eu',
  'zoho.in',
  'zoho.com.au',
  'zoho.jp',
  'zoho.com.cn',
  'zohocloud.ca',
  'zoho.ca',
  'zoho.sa',
  'zoho.uk',
  'zoho.ae',
] as const;
// The CRM on its own (and its sandbox), and the same CRM embedded in the Zoho One and CRM Plus suites.
const APPS = ['crm', 'crmsandbox', 'one', 'crmplus'] as const;
type App = (typeof APPS)[number];

const NUMERIC = /^\d+$/;
// `org<id>` by default; admins can replace it with a name of their own (Setup > Company Settings > access URL).
const ORG_SEGMENT = /^[a-z0-9]+$/i;

function appOf(hostname: string): App | undefined {
  const dot = hostname.indexOf('.');
  const domain = hostname.slice(dot + 1);
  const app = APPS.find((candidate) => candidate === hostname.slice(0, dot));
  return DATA_CENTRES.some((centre) => centre === domain) ? app : undefined;
}

/** What follows a leading `crm` segment, or null when the path is not inside the CRM. */
function insideCrm(parts: string[]): string[] | null {
  const [root, ...rest] = parts;
  return root === 'crm' ? rest : null;
}

/**
 * The CRM's own route, wherever the app mounts it:
 * crm.zoho.<dc>/crm/..., one.zoho.<dc>/zohoone/<org>/home/cxapp/crm/... (or cxapp-spaces/<space>/crm/...),
 * crmplus.zoho.<dc>/<portal>/index.do/cxapp/crm/...
 */
function crmRoute(app: App, path: string): string[] | null {
  const parts = pathSegments(path);
  switch (app) {
    case 'crm':
    case 'crmsandbox':
      return insideCrm(parts);
    case 'one': {
      const [root, org, home, shell, ...rest] = parts;
      if (root !== 'zohoone' || !org || home !== 'home') return null;
      if (shell === 'cxapp') return insideCrm(rest);
      return shell === 'cxapp-spaces' && rest[0] ? insideCrm(rest.slice(1)) : null;
    }
    case 'crmplus': {
      const [portal, page, shell, ...rest] = parts;
      return portal && page === 'index.do' && shell === 'cxapp' ? insideCrm(rest) : null;
    }
  }
}

/**
 * `[org<id>/]tab/Accounts/<id>`, also shown in a canvas layout (`.../<id>/canvas/<canvas id>`).
 * Lists (`custom-view/...`), `create`, `search` and other modules' tabs are not account pages.
 */
function accountInRoute(route: string[]): string | null {
  const [first = '', ...afterOrg] = route;
  const tab = first !== 'tab' && ORG_SEGMENT.test(first) ? afterOrg : route;
  const [kind, module, id, ...layout] = tab;
  if (kind !== 'tab' || module?.toLowerCase() !== 'accounts' || id === undefined || !NUMERIC.test(id)) {
    return null;
  }
  const [layoutKind, layoutId = '', ...more] = layout;
  const isCanvas = layoutKind === 'canvas' && NUMERIC.test(layoutId) && more.length === 0;
  return layout.length === 0 || isCanvas ? id : null;
}

function detectAccount(url: URL): string | null {
  const app = appOf(url.hostname);
  const route = app === undefined ? null : crmRoute(app, url.pathname);
  return route === null ? null : accountInRoute(route);
}

export const zoho: CrmDetector = {
  crm: 'zoho',
  // Exact hosts rather than *.zoho.<dc>: the content script has no business in Zoho Mail, Books, Desk...
  hostPatterns: DATA_CENTRES.flatMap((centre) => APPS.map((app) => `https://${app}.${centre}/*`)),
  hostMatches: (hostname) => appOf(hostname) !== undefined,
  detect: detectAccount,
};
