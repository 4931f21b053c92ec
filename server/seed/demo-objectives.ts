import type { Objective } from '../../lib/schemas/index.ts';
import { SHOWCASE } from './showcase.ts';

export interface Period {
  start: string;
  end: string;
}

const { lead, csm, otherCsm } = SHOWCASE.users;

/** Company → team → individual objectives for the quarter, one or more per perspective. */
export function demoObjectives(quarter: Period): Objective[] {
  const period = { periodStart: quarter.start, periodEnd: quarter.end };
  return [
    {
      id: 'obj-retention',
      title: 'Grow net revenue retention to 110%',
      level: 'company',
      ownerId: lead.id,
      perspective: 'financial',
      ...period,
    },
    {
      id: 'obj-adoption',
      title: 'Make every strategic customer a power user',
      level: 'company',
      ownerId: lead.id,
      perspective: 'customer',
      ...period,
    },
    {
      id: 'obj-enablement',
      title: 'Certify the CS team on the new platform',
      level: 'company',
      ownerId: lead.id,
      perspective: 'learning',
      ...period,
    },
    {
      id: 'obj-east-qbr',
      title: 'East: run a business review with every Tier 1 account',
      level: 'team',
      parentId: 'obj-retention',
      ownerId: csm.id,
      perspective: 'internal',
      ...period,
    },
    {
      id: 'obj-west-renewals',
      title: 'West: de-risk every Q4 renewal',
      level: 'team',
      parentId: 'obj-retention',
      ownerId: otherCsm.id,
      perspective: 'financial',
      ...period,
    },
    {
      id: 'obj-central-adoption',
      title: 'Central: lift adoption in the long tail',
      level: 'team',
      parentId: 'obj-adoption',
      ownerId: 'usr-csm-5',
      perspective: 'customer',
      ...period,
    },
    {
      id: 'obj-priya',
      title: 'Expand Acme and Globex',
      level: 'individual',
      parentId: 'obj-east-qbr',
      ownerId: csm.id,
      perspective: 'financial',
      ...period,
    },
    {
      id: 'obj-marco',
      title: 'Bring at-risk West accounts back to green',
      level: 'individual',
      parentId: 'obj-west-renewals',
      ownerId: otherCsm.id,
      perspective: 'customer',
      ...period,
    },
  ];
}
