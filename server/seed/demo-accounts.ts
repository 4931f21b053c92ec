import { toSalesforceId18 } from '../../lib/crm/salesforce-id.ts';
import type { Account, AttributeValue } from '../../lib/schemas/index.ts';
import { companyNames } from './demo-names.ts';
import { TIER_1_MIN_ARR, TIER_2_MIN_ARR, TIER_2_MIN_SEATS } from './demo-tiers.ts';
import { DEMO_OWNERS } from './demo-users.ts';
import type { Prng } from './prng.ts';
import { SHOWCASE } from './showcase.ts';

const TIER_NAMES: Record<string, string> = {
  'tier-1': 'Tier 1 Strategic',
  'tier-2': 'Tier 2 Growth',
  'tier-3': 'Tier 3 Scale',
};
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const INDUSTRIES = ['Technology', 'Healthcare', 'Financial services', 'Manufacturing', 'Retail', 'Media'];
const REGIONS = ['North America', 'EMEA', 'APAC', 'LATAM'];

interface Showcased {
  id: string;
  name: string;
  salesforceId: string;
  hubspotId: string;
  dynamicsId?: string;
  tierId: string;
  ownerId: string;
}

/** The showcase accounts' attributes: Acme is a healthy-looking Tier 1, Globex has outgrown Tier 2. */
const SHOWCASE_DETAILS: Record<string, { domain: string; attributes: Record<string, AttributeValue> }> = {
  'acc-acme': {
    domain: 'acme.example.com',
    attributes: {
      arr: 480_000,
      seats: 1_200,
      segment: 'enterprise',
      plan: 'Enterprise',
      industry: 'Manufacturing',
      region: 'North America',
    },
  },
  'acc-globex': {
    domain: 'globex.example.com',
    attributes: {
      arr: 310_000,
      seats: 640,
      segment: 'enterprise',
      plan: 'Business',
      industry: 'Technology',
      region: 'EMEA',
    },
  },
  'acc-initech': {
    domain: 'initech.example.com',
    attributes: {
      arr: 28_000,
      seats: 90,
      segment: 'smb',
      plan: 'Starter',
      industry: 'Financial services',
      region: 'North America',
    },
  },
};

function crmRefs(salesforceId: string, hubspotId: string, dynamicsId?: string): Account['crmRefs'] {
  const dynamics: Account['crmRefs'] = dynamicsId
    ? [
        {
          crm: 'dynamics',
          id: dynamicsId,
          url: `https://${SHOWCASE.dynamicsHost}/main.aspx?appid=${SHOWCASE.dynamicsAppId}&pagetype=entityrecord&etn=account&id=${dynamicsId}`,
        },
      ]
    : [];
  return [
    {
      crm: 'salesforce',
      id: salesforceId,
      url: `https://${SHOWCASE.salesforceHost}/lightning/r/Account/${salesforceId}/view`,
    },
    {
      crm: 'hubspot',
      id: hubspotId,
      url: `https://${SHOWCASE.hubspotHost}/contacts/${SHOWCASE.portalId}/record/0-2/${hubspotId}`,
    },
    ...dynamics,
  ];
}

function showcaseAccount(account: Showcased, updatedAt: string): Account {
  const details = SHOWCASE_DETAILS[account.id];
  if (!details) throw new Error(`no details for showcase account ${account.id}`);
  return {
    id: account.id,
    name: account.name,
    domain: details.domain,
    crmRefs: crmRefs(account.salesforceId, account.hubspotId, account.dynamicsId),
    tierId: account.tierId,
    crmTier: TIER_NAMES[account.tierId],
    ownerId: account.ownerId,
    attributes: details.attributes,
    renewalDate: account.id === 'acc-initech' ? '2026-12-15' : '2027-03-31',
    updatedAt,
  };
}

function expectedTier(arr: number, seats: number): string {
  if (arr >= TIER_1_MIN_ARR) return 'tier-1';
  return arr >= TIER_2_MIN_ARR || seats >= TIER_2_MIN_SEATS ? 'tier-2' : 'tier-3';
}

function salesforceId(prng: Prng, taken: Set<string>): string {
  for (;;) {
    let tail = '';
    for (let i = 0; i < 5; i++) tail += prng.pick([...ID_CHARS]);
    const id = toSalesforceId18(`001Dn00000${tail}`);
    if (id !== null && !taken.has(id.toLowerCase())) {
      taken.add(id.toLowerCase());
      return id;
    }
  }
}

/** `count` accounts: the showcase ones first, then generated ones spread over the CSMs' books. */
export function demoAccounts(prng: Prng, count: number, updatedAt: (prng: Prng) => string): Account[] {
  const showcase = Object.values(SHOWCASE.accounts) as Showcased[];
  const accounts = showcase.map((account) => showcaseAccount(account, updatedAt(prng)));
  const takenIds = new Set([
    ...showcase.map((account) => account.salesforceId.toLowerCase()),
    SHOWCASE.unknownSalesforceId.toLowerCase(),
  ]);
  const names = companyNames(
    prng,
    count - accounts.length,
    showcase.map((account) => account.name),
  );
  names.forEach(({ name, domain }, index) => {
    const size = prng.next();
    // A long tail: many small accounts, a few very large ones.
    const arr = Math.round((5_000 + 650_000 * size ** 5) / 500) * 500;
    const seats = Math.max(5, Math.round(arr / prng.int(250, 600)));
    const expected = expectedTier(arr, seats);
    // About one account in ten sits in another tier than its numbers say, so leads have work to do.
    const tierId = prng.chance(0.1) ? prng.pick(['tier-1', 'tier-2', 'tier-3']) : expected;
    const crmTierId = prng.chance(0.07) ? prng.pick(['tier-1', 'tier-2', 'tier-3']) : tierId;
    const segment = arr >= TIER_1_MIN_ARR ? 'enterprise' : arr >= TIER_2_MIN_ARR ? 'mid-market' : 'smb';
    const month = prng.int(1, 12);
    accounts.push({
      id: `acc-${String(index + 1).padStart(4, '0')}`,
      name,
      domain,
      crmRefs: crmRefs(salesforceId(prng, takenIds), String(10_004 + index)),
      tierId,
      crmTier: TIER_NAMES[crmTierId],
      // A handful of accounts have no owner yet: only leads see those.
      ...(prng.chance(0.02) ? {} : { ownerId: prng.pick(DEMO_OWNERS) }),
      attributes: {
        arr,
        seats,
        segment,
        plan: segment === 'enterprise' ? 'Enterprise' : segment === 'mid-market' ? 'Business' : 'Starter',
        industry: prng.pick(INDUSTRIES),
        region: prng.pick(REGIONS),
      },
      renewalDate: `${month >= 11 ? 2026 : 2027}-${String(month).padStart(2, '0')}-${String(prng.int(1, 28)).padStart(2, '0')}`,
      updatedAt: updatedAt(prng),
    });
  });
  return accounts;
}
