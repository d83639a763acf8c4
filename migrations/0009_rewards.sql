-- Rewards (DESIGN.md capability 7, issue 6 item 1): the points ledger, promotion enrollments, staff adjustments
-- and the discrepancies the rewards check found between the ledger and the earn rules.

-- The points ledger: one signed row per posting. Rows for a transaction are keyed by (transaction, kind,
-- promotion), so the posting sync can run any number of times and never posts a transaction twice.
CREATE TABLE reward_ledger_entries (
  id              text PRIMARY KEY,
  account_id      text NOT NULL REFERENCES accounts(id),
  customer_id     text NOT NULL REFERENCES customers(id),
  kind            text NOT NULL CHECK (kind IN ('earned', 'reversed', 'bonus', 'adjustment', 'redemption')),
  points          bigint NOT NULL CHECK (points <> 0),
  transaction_id  text REFERENCES transactions(id),
  promotion_id    text,
  adjustment_id   text,
  source          text NOT NULL CHECK (source IN ('posting', 'processor', 'staff')),
  description     text NOT NULL CHECK (length(description) BETWEEN 1 AND 300),
  effective_on    date NOT NULL,
  created_at      timestamptz NOT NULL,
  CHECK ((kind IN ('earned', 'reversed', 'bonus')) = (transaction_id IS NOT NULL)),
  CHECK ((kind = 'bonus') = (promotion_id IS NOT NULL) OR kind = 'reversed'),
  CHECK ((kind = 'adjustment') = (adjustment_id IS NOT NULL))
);
CREATE UNIQUE INDEX reward_ledger_one_posting ON reward_ledger_entries (transaction_id, kind, (coalesce(promotion_id, '')))
  WHERE transaction_id IS NOT NULL;
CREATE INDEX reward_ledger_account_idx ON reward_ledger_entries (account_id, effective_on DESC, created_at DESC, id DESC);

-- Promotions that need enrollment: one row per account and promotion.
CREATE TABLE reward_enrollments (
  account_id    text NOT NULL REFERENCES accounts(id),
  promotion_id  text NOT NULL,
  enrolled_by   text NOT NULL,
  enrolled_at   timestamptz NOT NULL,
  PRIMARY KEY (account_id, promotion_id)
);

-- Staff adjustments: applied at once, or pending until a supervisor other than the requester approves.
CREATE TABLE reward_adjustments (
  id              text PRIMARY KEY,
  account_id      text NOT NULL REFERENCES accounts(id),
  customer_id     text NOT NULL REFERENCES customers(id),
  points          bigint NOT NULL CHECK (points <> 0),
  reason          text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  transaction_id  text REFERENCES transactions(id),
  status          text NOT NULL CHECK (status IN ('pending_approval', 'applied', 'rejected')),
  requested_by    text NOT NULL,
  decided_by      text,
  decision_note   text,
  ledger_entry_id text REFERENCES reward_ledger_entries(id),
  created_at      timestamptz NOT NULL,
  decided_at      timestamptz,
  CHECK ((status = 'applied') = (ledger_entry_id IS NOT NULL)),
  CHECK ((status = 'pending_approval') = (decided_at IS NULL)),
  CHECK (status <> 'rejected' OR decided_by IS NOT NULL)
);
CREATE INDEX reward_adjustments_account_idx ON reward_adjustments (account_id, created_at DESC);
CREATE INDEX reward_adjustments_pending_idx ON reward_adjustments (status, created_at) WHERE status = 'pending_approval';

-- One row per transaction whose ledger points disagree with the rules; the case opened for it is named here,
-- so a second check never opens a second case.
CREATE TABLE reward_discrepancies (
  transaction_id   text PRIMARY KEY REFERENCES transactions(id),
  account_id       text NOT NULL REFERENCES accounts(id),
  expected_points  bigint NOT NULL,
  posted_points    bigint NOT NULL,
  case_id          text REFERENCES cases(id),
  case_number      text,
  detected_at      timestamptz NOT NULL
);
