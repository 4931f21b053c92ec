import { createToken, type RunningServer, SHOWCASE, startServer } from '../../server/index.ts';

export interface DemoBackend {
  server: RunningServer;
  token: string;
}

/** The reference backend with the demo data, in memory, on a free port; the lead sees every account. */
export async function startDemoBackend(email: string = SHOWCASE.users.lead.email): Promise<DemoBackend> {
  const server = await startServer({ port: 0, storage: { kind: 'memory' }, seed: 'demo' });
  return { server, token: await createToken(server.db, email) };
}
