import type { User } from '../../lib/schemas/index.ts';
import { SHOWCASE } from './showcase.ts';

const { lead, csm, otherCsm } = SHOWCASE.users;

export const DEMO_USERS: User[] = [
  { ...lead },
  { id: 'usr-admin', name: 'Sam Okafor', email: 'sam.okafor@example.com', role: 'admin' },
  { ...csm },
  { ...otherCsm },
  {
    id: 'usr-csm-3',
    name: 'Hannah Kowalski',
    email: 'hannah.kowalski@example.com',
    role: 'csm',
    teamId: 'team-east',
  },
  {
    id: 'usr-csm-4',
    name: 'Diego Alvarez',
    email: 'diego.alvarez@example.com',
    role: 'csm',
    teamId: 'team-west',
  },
  {
    id: 'usr-csm-5',
    name: 'Aisha Bello',
    email: 'aisha.bello@example.com',
    role: 'csm',
    teamId: 'team-central',
  },
  {
    id: 'usr-csm-6',
    name: 'Tom Nguyen',
    email: 'tom.nguyen@example.com',
    role: 'csm',
    teamId: 'team-central',
  },
  {
    id: 'usr-rep-1',
    name: 'Lena Fischer',
    email: 'lena.fischer@example.com',
    role: 'rep',
    teamId: 'team-east',
  },
  {
    id: 'usr-rep-2',
    name: 'Omar Haddad',
    email: 'omar.haddad@example.com',
    role: 'rep',
    teamId: 'team-west',
  },
  { id: 'usr-rep-3', name: 'Grace Liu', email: 'grace.liu@example.com', role: 'rep', teamId: 'team-central' },
];

/** Account owners: the CSMs, so every team has a book. */
export const DEMO_OWNERS = DEMO_USERS.filter((user) => user.role === 'csm').map((user) => user.id);
