/**
 * The demo data set's named accounts and users. The demo and the end-to-end tests open these
 * accounts' CRM pages, so their ids are fixed here rather than generated.
 */
export const SHOWCASE = {
  portalId: '4815162',
  salesforceHost: 'goallens-demo.lightning.force.com',
  hubspotHost: 'app.hubspot.com',
  dynamicsHost: 'contoso.crm4.dynamics.com',
  /** The Dynamics 365 app the demo's record links open in. */
  dynamicsAppId: '7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  users: {
    lead: { id: 'usr-lead', name: 'Dana Whitfield', email: 'dana.whitfield@example.com', role: 'lead' },
    csm: {
      id: 'usr-csm-1',
      name: 'Priya Raman',
      email: 'priya.raman@example.com',
      role: 'csm',
      teamId: 'team-east',
    },
    otherCsm: {
      id: 'usr-csm-2',
      name: 'Marco Silva',
      email: 'marco.silva@example.com',
      role: 'csm',
      teamId: 'team-west',
    },
  },
  accounts: {
    acme: {
      id: 'acc-acme',
      name: 'Acme Corporation',
      salesforceId: '001Dn00000Acme1IAB',
      hubspotId: '10001',
      // Only Acme is linked to its Dynamics record; the others' Dynamics pages are matched by website or name.
      dynamicsId: '3f2b7c1e-8a4d-4e6f-9b21-5c7d8e9fa001',
      tierId: 'tier-1',
      ownerId: 'usr-csm-1',
    },
    globex: {
      id: 'acc-globex',
      name: 'Globex Industries',
      salesforceId: '001Dn00000GlbxQIAR',
      hubspotId: '10002',
      tierId: 'tier-2',
      ownerId: 'usr-csm-1',
    },
    initech: {
      id: 'acc-initech',
      name: 'Initech',
      salesforceId: '001Dn00000InTcHIAV',
      hubspotId: '10003',
      tierId: 'tier-3',
      ownerId: 'usr-csm-2',
    },
  },
  /** A Salesforce account id that exists in the CRM but is not in Goal Lens. */
  unknownSalesforceId: '001Dn00000Unkn0IAB',
} as const;
