import type { CrmName } from '../schemas/entities.ts';

const CRM_LABELS: Record<CrmName, string> = {
  salesforce: 'Salesforce',
  hubspot: 'HubSpot',
  dynamics: 'Dynamics 365',
  pipedrive: 'Pipedrive',
  zoho: 'Zoho CRM',
  attio: 'Attio',
  close: 'Close',
  copper: 'Copper',
  freshsales: 'Freshsales',
};

/** The CRM's name as its users know it. */
export function crmLabel(crm: CrmName): string {
  return CRM_LABELS[crm];
}
