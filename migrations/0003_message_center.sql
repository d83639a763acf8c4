-- Secure Message Center and case engine: cases, their timeline, encrypted messages and attachments,
-- idempotency keys, the notification outbox, macros and CSAT.

CREATE SEQUENCE case_number_seq START WITH 100001;

ALTER TABLE users
  ADD COLUMN available boolean NOT NULL DEFAULT true,
  ADD COLUMN max_open_cases integer NOT NULL DEFAULT 25 CHECK (max_open_cases >= 0),
  ADD COLUMN last_assigned_at timestamptz;

CREATE TABLE cases (
  id                     text PRIMARY KEY,
  number                 text NOT NULL UNIQUE,
  customer_id            text NOT NULL REFERENCES customers(id),
  account_id             text REFERENCES accounts(id),
  transaction_id         text REFERENCES transactions(id),
  subject                text NOT NULL,            -- redacted before it is stored
  type                   text NOT NULL CHECK (type IN ('general', 'dispute', 'fraud', 'rewards', 'fee', 'account_review', 'complaint', 'card_services')),
  status                 text NOT NULL CHECK (status IN ('new', 'open', 'pending_customer', 'pending_internal', 'resolved', 'closed')),
  priority               text NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  product_line           text NOT NULL,
  queue                  text NOT NULL,
  channel                text NOT NULL CHECK (channel IN ('secure_message', 'phone', 'web', 'email', 'regulator')),
  assignee_id            text REFERENCES users(id),
  escalation             text CHECK (escalation IN ('supervisor')),
  merged_into            text REFERENCES cases(id),
  links                  jsonb NOT NULL DEFAULT '{}',
  sla_policy             text NOT NULL,
  first_response_due_at  timestamptz,
  next_response_due_at   timestamptz,
  resolution_due_at      timestamptz,
  sla_warned_at          timestamptz,
  sla_breached_at        timestamptz,
  resolution_count       integer NOT NULL DEFAULT 0,
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  resolved_at            timestamptz,
  closed_at              timestamptz,
  CHECK (merged_into IS NULL OR merged_into <> id)
);
CREATE INDEX cases_customer_idx ON cases (customer_id, updated_at DESC);
CREATE INDEX cases_queue_idx ON cases (queue, status, priority, created_at);
CREATE INDEX cases_assignee_idx ON cases (assignee_id, status);
CREATE INDEX cases_unassigned_idx ON cases (created_at) WHERE assignee_id IS NULL AND status IN ('new', 'open', 'pending_internal');
CREATE INDEX cases_sla_due_idx ON cases (LEAST(first_response_due_at, next_response_due_at, resolution_due_at))
  WHERE status IN ('new', 'open', 'pending_internal');

-- The timeline: messages, notes, state changes, assignments, SLA events. It doubles as the case's audit trail.
CREATE TABLE case_events (
  id                     bigserial PRIMARY KEY,
  case_id                text NOT NULL REFERENCES cases(id),
  at                     timestamptz NOT NULL,
  kind                   text NOT NULL,
  actor_id               text,
  actor_role             text,
  actor_name             text,
  visible_to_cardholder  boolean NOT NULL,
  message_id             text,
  data                   jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX case_events_case_idx ON case_events (case_id, id);

CREATE TABLE messages (
  id                 text PRIMARY KEY,
  seq                bigserial NOT NULL UNIQUE,     -- arrival order, stable even within one millisecond
  case_id            text NOT NULL REFERENCES cases(id),
  author_id          text REFERENCES users(id),
  author_role        text NOT NULL,
  author_name        text NOT NULL,
  author_agent_code  text,
  internal           boolean NOT NULL,
  body               bytea NOT NULL,                -- sealed envelope (platform/crypto); never plaintext
  redactions         jsonb NOT NULL DEFAULT '[]',   -- kinds and counts of what was removed, never values
  created_at         timestamptz NOT NULL,
  read_at            timestamptz,                   -- read by the other side
  CHECK (NOT internal OR author_role <> 'cardholder')
);
CREATE INDEX messages_case_idx ON messages (case_id, seq);

CREATE TABLE attachments (
  id          text PRIMARY KEY,
  message_id  text NOT NULL REFERENCES messages(id),
  case_id     text NOT NULL REFERENCES cases(id),
  file_name   text NOT NULL,
  mime        text NOT NULL,
  size_bytes  integer NOT NULL CHECK (size_bytes > 0),
  blob_key    text NOT NULL UNIQUE,                 -- the BlobStore holds the sealed bytes
  created_at  timestamptz NOT NULL
);
CREATE INDEX attachments_message_idx ON attachments (message_id);

CREATE TABLE idempotency_keys (
  actor_id       text NOT NULL,
  key            text NOT NULL,
  fingerprint    text NOT NULL,
  status_code    integer,
  response_body  jsonb,
  created_at     timestamptz NOT NULL,
  PRIMARY KEY (actor_id, key)
);

-- Written in the same transaction as the change; delivered after commit by the dispatcher.
CREATE TABLE outbox (
  id            bigserial PRIMARY KEY,
  topic         text NOT NULL,
  payload       jsonb NOT NULL,
  created_at    timestamptz NOT NULL,
  available_at  timestamptz NOT NULL,
  attempts      integer NOT NULL DEFAULT 0,
  delivered_at  timestamptz,
  last_error    text
);
CREATE INDEX outbox_pending_idx ON outbox (available_at, id) WHERE delivered_at IS NULL;

CREATE TABLE macros (
  id          text PRIMARY KEY,
  title       text NOT NULL,
  body        text NOT NULL,
  created_by  text REFERENCES users(id),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);

CREATE TABLE csat_responses (
  case_id           text NOT NULL REFERENCES cases(id),
  resolution_count  integer NOT NULL,
  rating            smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment           text,
  created_at        timestamptz NOT NULL,
  PRIMARY KEY (case_id, resolution_count)
);
