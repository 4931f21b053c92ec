import { z } from 'zod';
import { ADMIN_PATH } from '../backend/admin-call.ts';
import { KIND_FILTERS, MAX_PAGE_SIZE, SORT_ORDERS } from '../book/types.ts';
import { MAX_DOMAIN_LENGTH, MAX_NAME_LENGTH, normaliseDomain } from '../crm/account-identity.ts';
import { ACCOUNT_FIELDS } from '../crm/page-account-fields.ts';
import { MAX_FIELD_VALUE_LENGTH } from '../crm/page-fields.ts';
import { CrmName, Id } from '../schemas/entities.ts';
import type { MessageMap, MessageType } from './protocol.ts';

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

/** Background-side validation of every request payload; strict, so unexpected fields are refused. */
export const PAYLOAD_SCHEMAS = {
  'panel/view': z
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
  'diagnostics/report': z
    .object({
      crm: CrmName,
      urlShape: PageText.max(500),
      fields: z.array(FieldReport).min(1).max(ACCOUNT_FIELDS.length),
    })
    .strict(),
  'diagnostics/get': Empty,
  'panel/load': Empty,
  'outcome/log': z.object({ keyResultId: Id, accountId: Id }).strict(),
  'outcome/undo': z.object({ outcomeId: z.uuid() }).strict(),
  'outcome/note': z.object({ outcomeId: z.uuid(), note: z.string().trim().min(1).max(2000) }).strict(),
  'settings/get': Empty,
  'settings/save': z
    .object({
      backendUrl: z.string().max(2000),
      token: z.string().max(4000).optional(),
      syncIntervalMinutes: z.number().int().min(1).max(1440).optional(),
      crmTierLabel: z.string().max(MAX_FIELD_VALUE_LENGTH).optional(),
    })
    .strict(),
  'connection/test': z
    .object({ backendUrl: z.string().max(2000).optional(), token: z.string().max(4000).optional() })
    .strict(),
  'signin/start': z
    .object({ backendUrl: z.string().max(2000).optional(), invitation: z.string().max(2000).optional() })
    .strict(),
  'signin/tab-start': z
    .object({ backendUrl: z.string().max(2000).optional(), invitation: z.string().max(2000).optional() })
    .strict(),
  'signin/tab-code': z.object({ code: Secret, state: Secret }).strict(),
  'signin/tab-invitation': z.object({ invitation: Secret }).strict(),
  'signin/out': Empty,
  'signin/devices': Empty,
  'signin/device-out': z.object({ id: Id }).strict(),
  'crm-sites/get': Empty,
  'crm-sites/set-crm': z.object({ crm: CrmName, enabled: z.boolean() }).strict(),
  'crm-sites/add-domain': z.object({ host: z.string().max(2000), crm: CrmName }).strict(),
  'crm-sites/remove-domain': z.object({ host: z.string().max(300) }).strict(),
  'sync/now': Empty,
  'sync/status': Empty,
  'book/misaligned': z
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
  'admin/call': z
    .object({
      method: z.enum(['GET', 'PUT', 'POST', 'DELETE']),
      path: z.string().max(300).regex(ADMIN_PATH, 'not an admin API path'),
      query: z.record(z.string().max(100), z.string().max(10_000)).optional(),
      body: z.unknown().optional(),
      contentType: z.enum(['application/json', 'text/csv']).optional(),
    })
    .strict(),
} satisfies { [K in MessageType]: z.ZodType<MessageMap[K]['request']> };

export const ALLOWED_SENDER: { [K in MessageType]: MessageMap[K]['from'] } = {
  'panel/view': 'content-script',
  'diagnostics/report': 'content-script',
  'diagnostics/get': 'extension-page',
  'panel/load': 'content-script',
  'outcome/log': 'content-script',
  'outcome/undo': 'content-script',
  'outcome/note': 'content-script',
  'settings/get': 'extension-page',
  'settings/save': 'extension-page',
  'connection/test': 'extension-page',
  'signin/start': 'extension-page',
  'signin/tab-start': 'extension-page',
  'signin/tab-code': 'content-script',
  'signin/tab-invitation': 'content-script',
  'signin/out': 'extension-page',
  'signin/devices': 'extension-page',
  'signin/device-out': 'extension-page',
  'crm-sites/get': 'extension-page',
  'crm-sites/set-crm': 'extension-page',
  'crm-sites/add-domain': 'extension-page',
  'crm-sites/remove-domain': 'extension-page',
  'sync/now': 'extension-page',
  'sync/status': 'extension-page',
  'book/misaligned': 'extension-page',
  'admin/call': 'extension-page',
};
