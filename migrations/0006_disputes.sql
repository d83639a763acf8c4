-- Disputes (issue 5, items 1–5): one dispute covers one posted transaction and lives on a case of type
-- 'dispute'. Two tracks side by side: the network track (a state machine held as data in
-- src/modules/disputes/network.machine.ts) and the regulatory track (Regulation Z / E clocks, stored here
-- as computed at filing so nobody can switch them off). Money moves in steps recorded in dispute_money_steps.
-- Owned by src/modules/disputes. PostgreSQL 15 subset.

CREATE TABLE disputes (
  id                   text PRIMARY KEY,
  case_id              text NOT NULL REFERENCES cases(id),
  customer_id          text NOT NULL REFERENCES customers(id),
  account_id           text NOT NULL REFERENCES accounts(id),
  transaction_id       text NOT NULL REFERENCES transactions(id),
  reason               text NOT NULL CHECK (reason IN ('unauthorized_card_present', 'unauthorized_card_not_present', 'not_received',
                         'not_as_described', 'cancelled', 'cancelled_recurring', 'duplicate', 'incorrect_amount',
                         'refund_not_processed', 'paid_by_other_means', 'atm_misdispense', 'processing_error', 'other')),
  reason_code          text,                                   -- the network profile's chargeback code, null when none fits
  network              text NOT NULL,                          -- which network profile chose the code
  amount_cents         bigint NOT NULL CHECK (amount_cents > 0),
  currency             text NOT NULL,
  answers              jsonb NOT NULL DEFAULT '{}',
  regulation           text NOT NULL CHECK (regulation IN ('reg_z', 'reg_e', 'none')),
  handling             text NOT NULL CHECK (handling IN ('regulatory', 'courtesy')),
  notice_received_on   date NOT NULL,
  notice_window        jsonb NOT NULL,                         -- noticeWindow() as computed at filing
  transfer_facts       jsonb NOT NULL DEFAULT '{}',            -- Reg E: point of sale, foreign, new account
  clocks               jsonb NOT NULL,                         -- [{ name, dueOn, citation, metOn }]
  status               text NOT NULL CHECK (status IN ('open', 'resolved')),
  outcome              text CHECK (outcome IN ('cardholder_favor', 'merchant_favor')),
  network_status       text NOT NULL,
  regulatory_status    text NOT NULL,
  filed_by             text REFERENCES users(id),
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  resolved_at          timestamptz,
  CHECK ((status = 'resolved') = (outcome IS NOT NULL))
);
-- One open dispute per transaction; the guard checks first, this index is the backstop under concurrency.
CREATE UNIQUE INDEX disputes_one_open_per_transaction ON disputes (transaction_id) WHERE status = 'open';
CREATE INDEX disputes_customer_idx ON disputes (customer_id, created_at DESC);
CREATE INDEX disputes_case_idx ON disputes (case_id);

CREATE TABLE dispute_money_steps (
  id                    text PRIMARY KEY,                      -- the ledger reference: dsp_…:provisional, …
  dispute_id            text NOT NULL REFERENCES disputes(id),
  kind                  text NOT NULL CHECK (kind IN ('provisional_credit', 'provisional_credit_reversal', 'final_credit')),
  amount_cents          bigint NOT NULL CHECK (amount_cents > 0),
  ledger_transaction_id text NOT NULL,
  state                 text NOT NULL CHECK (state IN ('posted', 'reversed')),
  notice_message_id     text REFERENCES messages(id),
  actor_id              text REFERENCES users(id),
  created_at            timestamptz NOT NULL,
  reversed_at           timestamptz,
  UNIQUE (dispute_id, kind)
);
