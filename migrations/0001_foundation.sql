-- Cardcare foundation: core banking ledger, identities, sessions, audit log.
-- PostgreSQL 15 subset: runs unchanged on PGlite (PostgreSQL 18) and Debian's PostgreSQL 15.

-- Core banking (built-in ledger adapter) -------------------------------------------------------------
-- Owned by src/modules/banking. Other modules reach these rows only through its CoreBanking port.

CREATE TABLE customers (
  id              text PRIMARY KEY,
  first_name      text NOT NULL,
  last_name       text NOT NULL,
  email           text NOT NULL,
  phone           text NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),   -- E.164
  address_line1   text NOT NULL,
  address_line2   text,
  city            text NOT NULL,
  region          text NOT NULL,                                     -- US state code
  postal_code     text NOT NULL,
  country         text NOT NULL DEFAULT 'US' CHECK (country ~ '^[A-Z]{2}$'),
  created_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX customers_email_key ON customers (lower(email));
CREATE INDEX customers_name_idx ON customers (lower(last_name), lower(first_name));
CREATE INDEX customers_phone_idx ON customers (phone);

CREATE TABLE accounts (
  id                  text PRIMARY KEY,
  customer_id         text NOT NULL REFERENCES customers(id),
  product_line        text NOT NULL,
  card_product        text NOT NULL,
  account_kind        text NOT NULL CHECK (account_kind IN ('credit', 'charge', 'debit', 'prepaid', 'deposit', 'merchant')),
  nickname            text NOT NULL,
  currency            text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
  annual_fee_cents    bigint NOT NULL DEFAULT 0 CHECK (annual_fee_cents >= 0),
  credit_limit_cents  bigint CHECK (credit_limit_cents IS NULL OR credit_limit_cents >= 0),
  billing_cycle_day   smallint NOT NULL CHECK (billing_cycle_day BETWEEN 1 AND 28),
  status              text NOT NULL CHECK (status IN ('active', 'on_hold', 'closed')),
  hold_reason         text,
  hold_placed_at      timestamptz,
  opened_on           date NOT NULL,
  closed_on           date,
  created_at          timestamptz NOT NULL,
  CHECK ((status = 'on_hold') = (hold_reason IS NOT NULL)),
  CHECK ((status = 'on_hold') = (hold_placed_at IS NOT NULL)),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL))
);
CREATE INDEX accounts_customer_idx ON accounts (customer_id);

CREATE TABLE cards (
  id               text PRIMARY KEY,
  account_id       text NOT NULL REFERENCES accounts(id),
  last4            text NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),   -- never the full number (PCI DSS 3.3)
  network          text NOT NULL,
  cardholder_name  text NOT NULL,
  expires          text NOT NULL CHECK (expires ~ '^[0-9]{4}-[0-9]{2}$'),
  status           text NOT NULL CHECK (status IN ('active', 'locked', 'blocked', 'replaced')),
  status_changed_at timestamptz,
  replaced_by      text REFERENCES cards(id),
  issued_at        timestamptz NOT NULL,
  CHECK ((status = 'replaced') = (replaced_by IS NOT NULL))
);
CREATE INDEX cards_account_idx ON cards (account_id);
CREATE INDEX cards_last4_idx ON cards (last4);

-- Balances are signed in the account's own sense: what the cardholder owes on credit and charge accounts,
-- what they hold on debit, prepaid, deposit and merchant accounts. closing = opening ± (debits - credits).
CREATE TABLE statements (
  id                     text PRIMARY KEY,
  account_id             text NOT NULL REFERENCES accounts(id),
  period_start           date NOT NULL,
  closing_date           date NOT NULL,
  due_date               date NOT NULL,
  opening_balance_cents  bigint NOT NULL,
  debits_cents           bigint NOT NULL CHECK (debits_cents >= 0),
  credits_cents          bigint NOT NULL CHECK (credits_cents >= 0),
  closing_balance_cents  bigint NOT NULL,
  minimum_due_cents      bigint NOT NULL CHECK (minimum_due_cents >= 0),
  created_at             timestamptz NOT NULL,
  UNIQUE (account_id, closing_date),
  CHECK (period_start <= closing_date AND closing_date < due_date)
);

-- Amounts are positive integer minor units; `direction` says which way money moved for the cardholder:
-- a debit raises what they owe (purchase, fee), a credit lowers it (refund, payment, issuer credit).
-- `reference` makes ledger postings idempotent: posting twice with one reference creates one row.
CREATE TABLE transactions (
  id               text PRIMARY KEY,
  account_id       text NOT NULL REFERENCES accounts(id),
  card_id          text REFERENCES cards(id),
  kind             text NOT NULL CHECK (kind IN ('purchase', 'refund', 'payment', 'fee', 'interest', 'credit', 'adjustment', 'cash_advance', 'deposit', 'withdrawal')),
  direction        text NOT NULL CHECK (direction IN ('debit', 'credit')),
  status           text NOT NULL CHECK (status IN ('authorized', 'posted', 'declined', 'reversed')),
  amount_cents     bigint NOT NULL CHECK (amount_cents > 0),
  currency         text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  description      text NOT NULL,
  merchant_name    text,
  merchant_id      text,
  mcc              text CHECK (mcc IS NULL OR mcc ~ '^[0-9]{4}$'),
  merchant_country text CHECK (merchant_country IS NULL OR merchant_country ~ '^[A-Z]{2}$'),
  card_present     boolean,
  authorized_at    timestamptz NOT NULL,
  posted_at        timestamptz,
  refund_of        text REFERENCES transactions(id),
  related_to       text REFERENCES transactions(id),   -- e.g. the disputed charge an issuer credit is for
  statement_id     text REFERENCES statements(id),
  decline_reason   text,
  reference        text UNIQUE,
  created_at       timestamptz NOT NULL,
  CHECK ((status = 'posted') = (posted_at IS NOT NULL)),
  CHECK ((status = 'declined') = (decline_reason IS NOT NULL)),
  CHECK (refund_of IS NULL OR kind = 'refund'),
  CHECK (statement_id IS NULL OR status = 'posted')
);
CREATE INDEX transactions_account_time_idx ON transactions (account_id, authorized_at DESC, id DESC);
CREATE INDEX transactions_statement_idx ON transactions (statement_id);
CREATE INDEX transactions_card_idx ON transactions (card_id, authorized_at DESC);
CREATE INDEX transactions_refund_of_idx ON transactions (refund_of) WHERE refund_of IS NOT NULL;
CREATE INDEX transactions_related_to_idx ON transactions (related_to) WHERE related_to IS NOT NULL;

-- Scenarios the demo generator planted, so that workflows, tests and the demo guide can find them.
CREATE TABLE demo_scenarios (
  key             text PRIMARY KEY,
  customer_id     text NOT NULL REFERENCES customers(id),
  account_id      text REFERENCES accounts(id),
  transaction_id  text REFERENCES transactions(id),
  description     text NOT NULL,
  detail          jsonb NOT NULL DEFAULT '{}'
);

-- Identity ---------------------------------------------------------------------------------------------

CREATE TABLE users (
  id              text PRIMARY KEY,
  email           text NOT NULL,
  password_hash   text NOT NULL,
  role            text NOT NULL CHECK (role IN ('cardholder', 'agent', 'supervisor', 'compliance', 'admin')),
  customer_id     text REFERENCES customers(id),
  display_name    text NOT NULL,
  agent_code      text UNIQUE,
  totp_secret     text,
  skills          text[] NOT NULL DEFAULT '{}',
  failed_signins  integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  disabled_at     timestamptz,
  created_at      timestamptz NOT NULL,
  CHECK ((role = 'cardholder') = (customer_id IS NOT NULL)),
  CHECK (role = 'cardholder' OR (agent_code IS NOT NULL AND totp_secret IS NOT NULL))
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_customer_idx ON users (customer_id);

CREATE TABLE sessions (
  id            text PRIMARY KEY,
  token_hash    text NOT NULL UNIQUE,
  user_id       text NOT NULL REFERENCES users(id),
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz,
  ip            text,
  user_agent    text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Failed sign-ins per client address, in fixed windows, shared by every server process.
CREATE TABLE signin_throttle (
  key           text PRIMARY KEY,
  window_start  timestamptz NOT NULL,
  failures      integer NOT NULL
);

-- Audit log ----------------------------------------------------------------------------------------------
-- Append-only and hash-chained. To keep writes concurrent, the log is striped over AUDIT_CHAINS (64) independent
-- chains; a transaction appends to its connection's chain (backend pid mod 64), locking only that chain's head
-- row until it commits, so concurrent connections rarely wait on each other.

CREATE TABLE audit_chain_heads (
  chain  smallint PRIMARY KEY,
  seq    bigint NOT NULL,
  hash   text NOT NULL
);
INSERT INTO audit_chain_heads (chain, seq, hash)
SELECT g, 0, repeat('0', 64) FROM generate_series(0, 63) AS g;

CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  chain        smallint NOT NULL REFERENCES audit_chain_heads(chain),
  seq          bigint NOT NULL,
  at           timestamptz NOT NULL,
  actor_id     text,
  actor_role   text,
  action       text NOT NULL,
  target_type  text,
  target_id    text,
  request_id   text,
  ip           text,
  payload      text NOT NULL,
  hash         text NOT NULL,
  UNIQUE (chain, seq)
);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
