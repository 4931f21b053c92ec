/**
 * The schema, as an append-only list: a released migration is never edited, only followed by a new
 * one. Each statement runs separately because PGlite's query() takes one statement at a time.
 *
 * Entities keep their wire format in `data` (what the change feed sends) and copy out only the
 * columns that relations and filters need.
 */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'entities, tokens and change feed',
    statements: [
      `CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL)`,
      // The epoch tells a client's cursor apart from one issued by another (or a recreated) database.
      `INSERT INTO meta (key, value) VALUES ('epoch', gen_random_uuid()::text), ('tombstone_horizon', '0')`,
      `CREATE TABLE users (
        id text PRIMARY KEY,
        email text NOT NULL,
        role text NOT NULL,
        team_id text,
        data jsonb NOT NULL
      )`,
      `CREATE UNIQUE INDEX users_email ON users (lower(email))`,
      `CREATE TABLE api_tokens (
        hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE tiers (id text PRIMARY KEY, data jsonb NOT NULL)`,
      `CREATE TABLE accounts (
        id text PRIMARY KEY,
        owner_id text,
        tier_id text NOT NULL,
        audience text NOT NULL,
        data jsonb NOT NULL
      )`,
      `CREATE INDEX accounts_owner ON accounts (owner_id)`,
      `CREATE TABLE objectives (id text PRIMARY KEY, parent_id text, data jsonb NOT NULL)`,
      `CREATE TABLE key_results (id text PRIMARY KEY, objective_id text NOT NULL, data jsonb NOT NULL)`,
      `CREATE TABLE metric_definitions (id text PRIMARY KEY, data jsonb NOT NULL)`,
      `CREATE TABLE metrics (
        id text PRIMARY KEY,
        account_id text NOT NULL,
        key text NOT NULL,
        data jsonb NOT NULL
      )`,
      `CREATE INDEX metrics_account ON metrics (account_id)`,
      `CREATE TABLE outcomes (
        id text PRIMARY KEY,
        key_result_id text NOT NULL,
        account_id text NOT NULL,
        data jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX outcomes_account ON outcomes (account_id)`,
      `CREATE SEQUENCE change_seq`,
      // Compacted feed: one row per entity and audience, holding its latest state under a fresh seq.
      `CREATE TABLE changes (
        type text NOT NULL,
        entity_id text NOT NULL,
        audience text NOT NULL,
        op text NOT NULL CHECK (op IN ('put', 'delete')),
        data jsonb,
        seq bigint NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (type, entity_id, audience)
      )`,
      `CREATE UNIQUE INDEX changes_seq ON changes (seq)`,
      `CREATE INDEX changes_tombstones ON changes (changed_at) WHERE op = 'delete'`,
    ],
  },
  {
    version: 2,
    name: 'outcome undo and revocations',
    statements: [
      // An undone outcome keeps its row, so a late retry of it is recognised and not applied again.
      `ALTER TABLE outcomes ADD COLUMN undone_at timestamptz`,
      // An undo that arrived before its outcome: that user's later delivery of the id is refused.
      `CREATE TABLE outcome_revocations (
        outcome_id text NOT NULL,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        revoked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (outcome_id, user_id)
      )`,
    ],
  },
  {
    version: 3,
    name: 'teams and the admin audit log',
    statements: [
      `CREATE TABLE teams (id text PRIMARY KEY, data jsonb NOT NULL)`,
      // Users named teams before teams were rows: each such team exists, named by its id, and is in the feed.
      `INSERT INTO teams (id, data)
       SELECT DISTINCT team_id, jsonb_build_object('id', team_id, 'name', team_id)
       FROM users WHERE team_id IS NOT NULL`,
      `INSERT INTO changes (type, entity_id, audience, op, data, seq, changed_at)
       SELECT 'team', id, 'everyone', 'put', data, nextval('change_seq'), now() FROM teams ORDER BY id`,
      // Stamped when the row is written, under the feed lock, so a key result's measurement taken by an
      // earlier writer is always before the outcomes that arrive after it.
      `ALTER TABLE outcomes ALTER COLUMN created_at SET DEFAULT clock_timestamp()`,
      `CREATE TABLE audit_log (
        seq bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id text,
        actor_name text,
        source text NOT NULL,
        collection text NOT NULL,
        op text NOT NULL CHECK (op IN ('upsert', 'delete')),
        ids jsonb NOT NULL
      )`,
    ],
  },
  {
    version: 4,
    name: 'sign-in: device sessions, one-time codes, invitations, deactivated users, SCIM',
    statements: [
      // A deactivated user keeps their rows (outcomes stay attributed) but can no longer authenticate.
      `ALTER TABLE users ADD COLUMN deactivated_at timestamptz`,
      `CREATE TABLE device_sessions (
        id text PRIMARY KEY,
        hash text NOT NULL UNIQUE,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`,
      `CREATE INDEX device_sessions_user ON device_sessions (user_id)`,
      `CREATE TABLE sign_in_codes (
        hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        code_challenge text NOT NULL,
        redirect_uri text NOT NULL,
        device_name text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        -- The session the code was exchanged for, revoked if the code is ever presented again.
        session_id text
      )`,
      // A sign-in waiting for the identity provider: what the extension asked for, and the RP's secrets.
      `CREATE TABLE sign_in_requests (
        state_hash text PRIMARY KEY,
        code_challenge text NOT NULL,
        redirect_uri text NOT NULL,
        client_state text NOT NULL,
        device_name text NOT NULL,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        expires_at timestamptz NOT NULL
      )`,
      // SCIM: the identity provider's own id for a user, its provisioning tokens, and its groups (teams).
      `ALTER TABLE users ADD COLUMN scim_external_id text`,
      `CREATE TABLE scim_tokens (hash text PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())`,
      `CREATE TABLE scim_groups (id text PRIMARY KEY, display_name text NOT NULL, external_id text)`,
      `CREATE TABLE invitations (
        hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`,
    ],
  },
  {
    version: 5,
    name: 'who undid an outcome',
    // Undo is the logger's or an admin's; which of them undid it is kept with the time.
    statements: [`ALTER TABLE outcomes ADD COLUMN undone_by text`],
  },
  {
    version: 6,
    name: 'SCIM groups are teams',
    statements: [
      // The identity provider's own id for a group stays on the server, like a user's.
      `ALTER TABLE teams ADD COLUMN scim_external_id text`,
      // Members already carry the group id as their teamId: the team gets that id and the group's name.
      `INSERT INTO teams (id, data, scim_external_id)
       SELECT id, jsonb_build_object('id', id, 'name', display_name, 'source', 'scim'), external_id
       FROM scim_groups
       ON CONFLICT (id) DO UPDATE SET data = excluded.data, scim_external_id = excluded.scim_external_id`,
      `INSERT INTO changes (type, entity_id, audience, op, data, seq, changed_at)
       SELECT 'team', t.id, 'everyone', 'put', t.data, nextval('change_seq'), now()
       FROM teams t JOIN scim_groups g ON g.id = t.id ORDER BY t.id
       ON CONFLICT (type, entity_id, audience) DO UPDATE
       SET op = 'put', data = excluded.data, seq = excluded.seq, changed_at = excluded.changed_at`,
      `DROP TABLE scim_groups`,
    ],
  },
  {
    version: 7,
    name: 'device sessions rotate',
    statements: [
      // A rotated session keeps its id (the device list stays the same); the token it replaced still
      // works for a short grace, for requests that were already on their way.
      `ALTER TABLE device_sessions ADD COLUMN previous_hash text UNIQUE`,
      `ALTER TABLE device_sessions ADD COLUMN previous_valid_until timestamptz`,
      `ALTER TABLE device_sessions ADD COLUMN rotated_at timestamptz`,
    ],
  },
  {
    version: 8,
    name: 'live channel tickets',
    statements: [
      // A browser cannot set Authorization on a WebSocket: it trades its bearer for a ticket (hashed,
      // single use, seconds long), kept here so any instance behind a load balancer can take it.
      `CREATE TABLE live_tickets (
        hash text PRIMARY KEY,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL
      )`,
    ],
  },
  {
    version: 9,
    name: 'feed rows keep their data as sent',
    statements: [
      // A page is sent as text: jsonb was rendered back to text for every reader of every page (most of
      // a page's read), json is rendered once, when written, into the very text jsonb gave.
      `ALTER TABLE changes ALTER COLUMN data TYPE json USING data::json`,
    ],
  },
];
