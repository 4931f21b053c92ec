import type { AdminCallRequest, AdminCallResponse } from '../backend/admin-call.ts';
import type { BookPage, BookQuery } from '../book/types.ts';
import type { SelectorDiagnostics, SelectorReport } from '../diagnostics/selector-report.ts';
import type { ErrorInfo } from '../errors.ts';
import type { PanelAnswer } from '../panel/view-types.ts';
import type { CrmName, Outcome, User } from '../schemas/entities.ts';
import type { DeviceSession } from '../schemas/signin.ts';
import type { CrmSitesView, SettingsView } from '../settings/settings.ts';
import type { SyncStatus } from '../sync/status.ts';

/** Who may send a message: pages of this extension (options, popup) or its content scripts. */
export type SenderKind = 'extension-page' | 'content-script';

/**
 * What each request carries and what it answers. Types and constants only: this file is shared with
 * the content script, which must stay free of zod. Who may send each one, and its schema, are in
 * registry.ts.
 */
export interface MessageMap {
  'panel/view': {
    /**
     * `pageCrmTier`: the tier field's value as the CRM page shows it, compared instead of the synced one.
     * `pageName`, `pageDomain`: the account's name and website domain as the page shows them, used only
     * when no account is linked to the record id.
     */
    request: { crm: CrmName; recordId: string; pageCrmTier?: string; pageName?: string; pageDomain?: string };
    response: PanelAnswer;
  };
  /** Injects the panel script into the asking frame; the content script asks once its page is an account. */
  'panel/load': { request: Record<string, never>; response: Record<string, never> };
  'outcome/log': {
    request: { keyResultId: string; accountId: string };
    response: { outcome: Outcome };
  };
  'outcome/undo': { request: { outcomeId: string }; response: Record<string, never> };
  /** Adds a note after the click; returns the outcome that now carries it (a new one once sent). */
  'outcome/note': {
    request: { outcomeId: string; note: string };
    response: { outcome: Outcome };
  };
  'settings/get': { request: Record<string, never>; response: SettingsView };
  'settings/save': {
    request: { backendUrl: string; token?: string; syncIntervalMinutes?: number; crmTierLabel?: string };
    response: SettingsView;
  };
  'connection/test': {
    request: { backendUrl?: string; token?: string };
    response: { user: User };
  };
  /** Signs in through the backend (identity provider or invitation) in the browser's sign-in window. */
  'signin/start': {
    request: { backendUrl?: string; invitation?: string };
    response: SettingsView;
  };
  /** Opens the sign-in in a normal tab; it finishes when the backend's page hands the code back. */
  'signin/tab-start': {
    request: { backendUrl?: string; invitation?: string };
    response: Record<string, never>;
  };
  /** From the backend's tab-return page: the one-time code and state of a sign-in in a tab. */
  'signin/tab-code': { request: { code: string; state: string }; response: { signedInAs: string } };
  /** From an invitation link opened on the backend: sign this browser in with it, in the same tab. */
  'signin/tab-invitation': { request: { invitation: string }; response: Record<string, never> };
  /** Ends this browser's session and deletes the signed-in person's cache. */
  'signin/out': { request: Record<string, never>; response: SettingsView };
  /** The signed-in person's devices, from the backend. */
  'signin/devices': {
    request: Record<string, never>;
    response: { sessions: DeviceSession[] };
  };
  'signin/device-out': {
    request: { id: string };
    response: { sessions: DeviceSession[] };
  };
  'crm-sites/get': { request: Record<string, never>; response: CrmSitesView };
  'crm-sites/set-crm': {
    request: { crm: CrmName; enabled: boolean };
    response: CrmSitesView;
  };
  /** Sent once the options page holds the host permission, which only a click there can ask for. */
  'crm-sites/add-domain': {
    request: { host: string; crm: CrmName };
    response: CrmSitesView;
  };
  /** Removes the domain, its content script and its host permission. */
  'crm-sites/remove-domain': { request: { host: string }; response: CrmSitesView };
  'sync/now': { request: Record<string, never>; response: SyncStatus };
  'sync/status': { request: Record<string, never>; response: SyncStatus };
  /** What the content script's page reading found or missed, kept per CRM and field for the options page. */
  'diagnostics/report': { request: SelectorReport; response: Record<string, never> };
  'diagnostics/get': {
    request: Record<string, never>;
    response: SelectorDiagnostics;
  };
  /**
   * The misaligned accounts of the book, filtered and sorted, one window at a time (the first 100 by
   * ARR when the request is empty); refused unless the signed-in user is a lead or an admin.
   */
  'book/misaligned': { request: Partial<BookQuery>; response: BookPage };
  /** The admin workspace's call to the admin API (or `/v1/me`), answered with the backend's status and body. */
  'admin/call': { request: AdminCallRequest; response: AdminCallResponse };
}

export type MessageType = keyof MessageMap;
export type RequestOf<K extends MessageType> = MessageMap[K]['request'];
export type ResponseOf<K extends MessageType> = MessageMap[K]['response'];
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/**
 * The one message the background sends to tabs: "what you show may be out of date, ask again". An
 * envelope like the requests'; content scripts take it only from a sender `classifySender` calls ours.
 */
const CACHE_CHANGED = 'goal-lens/cache-changed';
interface CacheChangedMessage {
  type: typeof CACHE_CHANGED;
  payload: Record<string, never>;
}
export const cacheChangedMessage = (): CacheChangedMessage => ({ type: CACHE_CHANGED, payload: {} });
export function isCacheChanged(message: unknown): message is CacheChangedMessage {
  return (message as { type?: unknown } | null)?.type === CACHE_CHANGED;
}
