import { z } from 'zod';
import { ADMIN_PATH } from '../backend/admin-call.ts';
import { KIND_FILTERS, MAX_PAGE_SIZE, SORT_ORDERS } from '../book/types.ts';
import { MAX_DOMAIN_LENGTH, MAX_NAME_LENGTH, normaliseDomain } from '../crm/account-identity.ts';
import { ACCOUNT_FIELDS } from '../crm/page-account-fields.ts';
import { MAX_FIELD_VALUE_LENGTH } from '../crm/page-fields.ts';
import { CrmName, Id } from '../schemas/entities.ts';
import type { MessageMap, MessageType, SenderKind } from './protocol.ts';

const Empty = z.object({}).strict();

/** A one-time code, state or invitation secret as the backend makes them: base64url. */
const Secret = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'is not a base64url secret');

// Page text is the CRM's, which anyone who can edit a record controls: no control characters.
const PageText = z.string().regex(/^[^\p{Cc}]*$/u, 'contains control characters');

const ProbeResult = z
  .object({ probe: PageText.min(1).max(300), found: z.boolean(), error: PageText.max(300).optional() })
  .strict();

const FieldReport = z
  .object({ field: z.enum(ACCOUNT_FIELDS), found: z.boolean(), tried: z.array(ProbeResult).max(10) })
  .strict();

interface MessageEntry<K extends MessageType> {
  from: SenderKind;
  waitedOn: boolean;
  schema: z.ZodType<MessageMap[K]['request']>;
}

/**
 * Every request the background answers, one entry each: who may send it, whether someone waits on it,
 * and the strict schema its payload must pass (unexpected fields are refused). A new message is one
 * entry here, its types in protocol.ts and its handler in the handler file named after its prefix.
 *
 * `waitedOn`: someone is watching a CRM page for the answer (its panel, the outcome they just clicked),
 * so it runs as a foreground request. Not the page's selector report, which nobody waits for, nor the
 * extension pages' requests, nor the book view's: it may wait for the pass over every account itself,
 * which would then wait for it.
 */
export const MESSAGES = {
  'panel/view': {
    from: 'content-script',
    waitedOn: true,
    schema: z
      .object({
        crm: CrmName,
        recordId: z.string().min(1).max(200),
        pageCrmTier: z.string().min(1).max(MAX_FIELD_VALUE_LENGTH).optional(),
        pageName: PageText.trim().min(1).max(MAX_NAME_LENGTH).optional(),
        pageDomain: z
          .string()
          .max(MAX_DOMAIN_LENGTH)
          .refine((domain) => normaliseDomain(domain) === domain, 'not a normalised domain name')
          .optional(),
      })
      .strict(),
  },
  'diagnostics/report': {
    from: 'content-script',
    waitedOn: false,
    schema: z
      .object({
        crm: CrmName,
        urlShape: PageText.max(500),
        fields: z.array(FieldReport).min(1).max(ACCOUNT_FIELDS.length),
      })
      .strict(),
  },
  'diagnostics/get': {
    from: 'extension-page',
    waitedOn: false,
    schema: Empty,
  },
  'panel/load': {
    from: 'content-script',
    waitedOn: true,
    schema: Empty,
  },
  'outcome/log': {
    from: 'content-script',
    waitedOn: true,
    schema: z.object({ keyResultId: Id, accountId: Id }).strict(),
  },
  'outcome/undo': {
    from: 'content-script',
    waitedOn: true,
    schema: z.object({ outcomeId: z.uuid() }).strict(),
  },
  'outcome/note': {
    from: 'content-script',
    waitedOn: true,
    schema: z.object({ outcomeId: z.uuid(), note: z.string().trim().min(1).max(2000) }).strict(),
  },
  'settings/get': {
    from: 'extension-page',
    waitedOn: false,
    schema: Empty,
  },
  'settings/save': {
    from: 'extension-page',
    waitedOn: false,
    schema: z
      .object({
        backendUrl: z.string().max(2000),
        token: z.string().max(4000).optional(),
        syncIntervalMinutes: z.number().int().min(1).max(1440).optional(),
        crmTierLabel: z.string().max(MAX_FIELD_VALUE_LENGTH).optional(),
      })
      .strict(),
  },
  'connection/test': {
    from: 'extension-page',
    waitedOn: false,
    schema: z
      .object({ backendUrl: z.string().max(2000).optional(), token: z.string().max(4000).optional() })
      .strict(),
  },
  'signin/start': {
    from: 'extension-page',
    waitedOn: false,
    schema: z
      .object({ backendUrl: z.string().max(2000).optional(), invitation: z.string().max(2000).optional() })
      .strict(),
  },
  'signin/tab-start': {
    from: 'extension-page',
    waitedOn: false,
    schema: z
      .object({ backendUrl: z.string().max(2000).optional(), invitation: z.string().max(2000).optional() })
      .strict(),
  },
  'signin/tab-code': {
    from: 'content-script',
    waitedOn: false,
    schema: z.object({ code: Secret, state: Secret }).strict(),
  },
  'signin/tab-invitation': {
    from: 'content-script',
    waitedOn: false,
    schema: z.object({ invitation: Secret }).strict(),
  },
  'signin/out': {
    from: 'extension-page',
    waitedOn: false,
    schema: Empty,
  },
  'signin/devices': {
    from: 'extension-page',
    waitedOn: false,
    schema: Empty,
  },
  'signin/device-out': {
    from: 'extension-page',
    waitedOn: false,
    schema: z.object({ id: Id }).strict(),
  },
  'crm-sites/get': {
    from: 'extension-page',
    waitedOn: false,
    schema: Empty,
  },
  'crm-sites/set-crm': {
    from: 'extension-page',
    waitedOn: false,
    schema: z.object({ crm: CrmName, enabled: z.boolean() }).strict(),
  },
  'crm-sites/add-domain': {
    from: 'extension-page',
    waitedOn: false,
    schema: z.object({ host: z.string().max(2000), crm: CrmName }).strict(),
  },
  'crm-sites/remove-domain': {
    from: 'extension-page',
    waitedOn: false,
    schema: z.object({ host: z.string().max(300) }).strict(),
  },
  'sync/now': {
    from: 'extension-page',
    waitedOn: false,
    schema: Empty,
  },
  'sync/status': {
    from: 'extension-page',
    waitedOn: false,
    schema: Empty,
  },
  'book/misaligned': {
    from: 'extension-page',
    waitedOn: false,
    schema: z
      .object({
        kind: z.enum(KIND_FILTERS).optional(),
        owner: z.string().max(200).nullable().optional(),
        tier: z.string().max(200).nullable().optional(),
        sort: z.enum(SORT_ORDERS).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
        complete: z.boolean().optional(),
      })
      .strict(),
  },
  'admin/call': {
    from: 'extension-page',
    waitedOn: false,
    schema: z
      .object({
        method: z.enum(['GET', 'PUT', 'POST', 'DELETE']),
        path: z.string().max(300).regex(ADMIN_PATH, 'not an admin API path'),
        query: z.record(z.string().max(100), z.string().max(10_000)).optional(),
        body: z.unknown().optional(),
        contentType: z.enum(['application/json', 'text/csv']).optional(),
      })
      .strict(),
  },
} satisfies { [K in MessageType]: MessageEntry<K> };
