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
    name: 'who undid an outcome',
    // Undo is the logger's or an admin's; which of them undid it is kept with the time.
    statements: [`ALTER TABLE outcomes ADD COLUMN undone_by text`],
  },
];
