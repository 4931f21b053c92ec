import { z } from 'zod';
import { MAX_FIELD_VALUE_LENGTH } from '../crm/page-fields.ts';
import { KIND_FILTERS, MAX_PAGE_SIZE, SORT_ORDERS } from '../lead/types.ts';
import { CrmName, Id } from '../schemas/entities.ts';
import type { MessageMap, MessageType } from './protocol.ts';

const Empty = z.object({}).strict();

/** Background-side validation of every request payload; strict, so unexpected fields are refused. */
export const PAYLOAD_SCHEMAS = {
  'panel/view': z
    .object({
      crm: CrmName,
      recordId: z.string().min(1).max(200),
      pageCrmTier: z.string().min(1).max(MAX_FIELD_VALUE_LENGTH).optional(),
    })
    .strict(),
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
  'sync/now': Empty,
  'sync/status': Empty,
  'lead/misaligned': z
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
} satisfies { [K in MessageType]: z.ZodType<MessageMap[K]['request']> };

export const ALLOWED_SENDER: { [K in MessageType]: MessageMap[K]['from'] } = {
  'panel/view': 'content-script',
  'outcome/log': 'content-script',
  'outcome/undo': 'content-script',
  'outcome/note': 'content-script',
  'settings/get': 'extension-page',
  'settings/save': 'extension-page',
  'connection/test': 'extension-page',
  'sync/now': 'extension-page',
  'sync/status': 'extension-page',
  'lead/misaligned': 'extension-page',
};
