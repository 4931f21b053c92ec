import type { Prng } from './prng.ts';

const ROOTS = [
  'Northwind',
  'Blue Harbor',
  'Summit',
  'Vertex',
  'Brightline',
  'Cedar',
  'Ironclad',
  'Silverleaf',
  'Redwood',
  'Polaris',
  'Keystone',
  'Lakeshore',
  'Meridian',
  'Granite',
  'Harborview',
  'Evergreen',
  'Copperfield',
  'Sterling',
  'Aurora',
  'Bluestone',
  'Crescent',
  'Driftwood',
  'Falcon',
  'Golden Gate',
  'Highland',
  'Juniper',
  'Kestrel',
  'Lighthouse',
  'Maple',
  'Nimbus',
  'Oakridge',
  'Pinnacle',
  'Quarry',
  'Riverbend',
  'Sequoia',
  'Tidewater',
  'Union',
  'Valley',
  'Westbrook',
  'Yellowstone',
  'Zephyr',
  'Atlas',
  'Beacon',
  'Cobalt',
  'Delta',
  'Ember',
  'Fjord',
  'Horizon',
  'Indigo',
  'Jetstream',
];

const KINDS = [
  'Logistics',
  'Health',
  'Analytics',
  'Foods',
  'Robotics',
  'Bank',
  'Energy',
  'Insurance',
  'Media',
  'Pharma',
  'Software',
  'Manufacturing',
  'Retail',
  'Telecom',
  'Capital',
  'Labs',
  'Systems',
  'Freight',
  'Hospitality',
  'Biotech',
];

const LEGAL = ['Inc.', 'Group', 'Ltd', 'Co.', 'Holdings', ''];

interface CompanyName {
  name: string;
  domain: string;
}

/** Distinct, plausible company names with matching domains, never repeating one in `taken`. */
export function companyNames(prng: Prng, count: number, taken: readonly string[]): CompanyName[] {
  const seen = new Set(taken.map((name) => name.toLowerCase()));
  const out: CompanyName[] = [];
  while (out.length < count) {
    const root = prng.pick(ROOTS);
    const kind = prng.pick(KINDS);
    const base = `${root} ${kind}`;
    if (seen.has(base.toLowerCase())) continue;
    seen.add(base.toLowerCase());
    const legal = prng.pick(LEGAL);
    const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, '');
    out.push({ name: legal === '' ? base : `${base} ${legal}`, domain: `${slug}.com` });
  }
  return out;
}
