import { type ComponentType, useEffect, useState } from 'react';
import type { User } from '@/lib/schemas/index.ts';
import type { AdminClient } from './admin-client.ts';
import { AuditScreen } from './audit/AuditScreen.tsx';
import { ImportsScreen } from './imports/ImportsScreen.tsx';
import { MetricsScreen } from './metrics/MetricsScreen.tsx';
import { ObjectivesScreen } from './objectives/ObjectivesScreen.tsx';
import { PeopleScreen } from './people/PeopleScreen.tsx';
import type { ScreenProps } from './screen-props.ts';
import { TiersScreen } from './tiers/TiersScreen.tsx';

/** The navigation, in SPEC order; the link names are a contract with tests outside the project. */
const SCREENS: { route: string; name: string; Screen: ComponentType<ScreenProps> }[] = [
  { route: 'tiers', name: 'Tiers', Screen: TiersScreen },
  { route: 'objectives', name: 'Objectives', Screen: ObjectivesScreen },
  { route: 'metrics', name: 'Metrics', Screen: MetricsScreen },
  { route: 'people', name: 'People', Screen: PeopleScreen },
  { route: 'imports', name: 'Imports', Screen: ImportsScreen },
  { route: 'audit', name: 'Audit log', Screen: AuditScreen },
];

function routeOf(hash: string): string {
  const route = hash.replace(/^#\/?/, '');
  return SCREENS.some((screen) => screen.route === route) ? route : 'tiers';
}

function useRoute(): string {
  const [route, setRoute] = useState(() => routeOf(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(routeOf(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}

type Who = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; me: User };

export function Workspace({ client }: { client: AdminClient }) {
  const [who, setWho] = useState<Who>({ state: 'loading' });
  const route = useRoute();
  useEffect(() => {
    client.me().then(
      (me) => setWho({ state: 'ready', me }),
      (error: unknown) =>
        setWho({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [client]);

  if (who.state === 'loading') return <p role="status">Loading the admin workspace…</p>;
  if (who.state === 'failed') {
    return (
      <main className="workspace-message">
        <h1>Goal Lens admin workspace</h1>
        <p role="alert">{who.message}</p>
      </main>
    );
  }
  const { me } = who;
  if (me.role !== 'admin') {
    return (
      <main className="workspace-message">
        <h1>Goal Lens admin workspace</h1>
        <p role="alert">
          The admin workspace is for admins. You are signed in as {me.name} ({me.email}), whose role is{' '}
          {me.role}; ask an admin of your organisation for changes.
        </p>
      </main>
    );
  }
  const current = SCREENS.find((screen) => screen.route === route) ?? SCREENS[0];
  return (
    <div className="workspace">
      <header>
        <p className="workspace-title">Goal Lens admin</p>
        <nav aria-label="Admin workspace">
          <ul>
            {SCREENS.map((screen) => (
              <li key={screen.route}>
                <a
                  href={`#/${screen.route}`}
                  aria-current={screen.route === current?.route ? 'page' : undefined}
                >
                  {screen.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p className="workspace-who">Signed in as {me.name}</p>
      </header>
      <main>{current && <current.Screen client={client} me={me} />}</main>
    </div>
  );
}
