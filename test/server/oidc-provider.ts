import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** People the identity provider knows, by the login typed on its sign-in form. */
export const IDP_PEOPLE: Record<
  string,
  { email: string; email_verified?: boolean; xms_edov?: boolean; name: string }
> = {
  eve: { email: 'Eve@Example.com', email_verified: true, name: 'Eve East' },
  stranger: { email: 'stranger@example.com', email_verified: true, name: 'Sam Stranger' },
  unverified: { email: 'eve@example.com', email_verified: false, name: 'Not Eve' },
  // Entra ID's shape: no email_verified, the domain-owner-verified optional claim instead.
  entra: { email: 'wes@example.com', xms_edov: true, name: 'Wes West' },
};

export const CLIENT = { id: 'goal-lens', secret: 'a-test-client-secret-long-enough-for-hs256' };

export interface RunningProvider {
  issuer: string;
  close(): Promise<void>;
}

/**
 * A real, certified OpenID Connect provider on 127.0.0.1, with its development login and consent
 * pages (tests fill them in over HTTP). It knows one client: Goal Lens, returning to `callbackUrl`.
 */
export async function startProvider(
  callbackUrl: string,
  people: typeof IDP_PEOPLE = IDP_PEOPLE,
): Promise<RunningProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [callbackUrl],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified', 'xms_edov'], profile: ['name'] },
    cookies: { keys: ['a-test-cookie-key'] },
    // Explicit lifetimes keep the provider from printing a notice for each default it falls back to.
    ttl: { AccessToken: 600, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    async findAccount(_ctx, id) {
      const person = people[id];
      if (!person) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...person }) };
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
