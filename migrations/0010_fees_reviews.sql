-- Annual-fee refunds and account reviews (issue 6, items 2 and 3). Owned by src/modules/fees and
-- src/modules/reviews. PostgreSQL 15 subset (also runs on PGlite).

-- One refund request per annual fee posting: the unique fee_transaction_id is the backstop that makes a
-- double submission one refund, whatever the Idempotency-Key. The quote lines are frozen as shown.
CREATE TABLE fee_refunds (
  id                     text PRIMARY KEY,
  customer_id            text NOT NULL REFERENCES customers(id),
  account_id             text NOT NULL REFERENCES accounts(id),
  fee_transaction_id     text NOT NULL UNIQUE REFERENCES transactions(id),
  case_id                text NOT NULL REFERENCES cases(id),
  close_on               date NOT NULL,
  status                 text NOT NULL CHECK (status IN ('credited', 'pending_approval', 'rejected', 'nothing_due')),
  fee_cents              bigint NOT NULL CHECK (fee_cents > 0),
  refund_cents           bigint NOT NULL CHECK (refund_cents >= 0),
  quote                  jsonb NOT NULL,
  ledger_transaction_id  text,
  requested_by           text REFERENCES users(id),
  requested_at           timestamptz NOT NULL,
  decided_by             text REFERENCES users(id),
  decided_at             timestamptz,
  decision_note          text,
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  CHECK (status <> 'credited' OR ledger_transaction_id IS NOT NULL)
);
CREATE INDEX fee_refunds_account_idx ON fee_refunds (account_id, created_at DESC);
CREATE INDEX fee_refunds_pending_idx ON fee_refunds (status, created_at) WHERE status = 'pending_approval';

-- An account review: the hold, why it was placed (by staff or by a rule), and its decision.
CREATE TABLE account_reviews (
  id                 text PRIMARY KEY,
  customer_id        text NOT NULL REFERENCES customers(id),
  account_id         text NOT NULL REFERENCES accounts(id),
  case_id            text NOT NULL REFERENCES cases(id),
  status             text NOT NULL CHECK (status IN ('open', 'released', 'closed')),
  reason             text NOT NULL,
  reason_code        text NOT NULL,
  product_line       text NOT NULL,
  source             text NOT NULL CHECK (source IN ('staff', 'rule')),
  rule               text,
  placed_by          text REFERENCES users(id),
  placed_at          timestamptz NOT NULL,
  extended_until     timestamptz,
  last_document_at   timestamptz,
  decision           text CHECK (decision IN ('release', 'close')),
  decision_note      text,
  decided_by         text REFERENCES users(id),
  decided_at         timestamptz,
  notice_message_id  text REFERENCES messages(id),
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  CHECK ((status = 'open') = (decision IS NULL)),
  CHECK (source <> 'rule' OR rule IS NOT NULL)
);
-- One open review per account; the guard checks first, this index is the backstop under concurrency.
CREATE UNIQUE INDEX account_reviews_one_open ON account_reviews (account_id) WHERE status = 'open';
CREATE INDEX account_reviews_history_idx ON account_reviews (reason_code, product_line, decided_at DESC) WHERE decided_at IS NOT NULL;
CREATE INDEX account_reviews_customer_idx ON account_reviews (customer_id, created_at DESC);

-- What the reviewer asked for. requested → received (uploaded) → satisfied (checked off); closed when the
-- review is decided. Reminder and overdue escalation are claimed once each by conditional updates.
CREATE TABLE review_documents (
  id             text PRIMARY KEY,
  review_id      text NOT NULL REFERENCES account_reviews(id),
  kind           text NOT NULL CHECK (kind IN ('income', 'identity', 'bank_statements', 'custom')),
  label          text NOT NULL,
  note           text,
  status         text NOT NULL CHECK (status IN ('requested', 'received', 'satisfied', 'closed')),
  requested_by   text REFERENCES users(id),
  requested_at   timestamptz NOT NULL,
  due_at         timestamptz NOT NULL,
  reminded_at    timestamptz,
  escalated_at   timestamptz,
  received_at    timestamptz,
  satisfied_at   timestamptz,
  satisfied_by   text REFERENCES users(id),
  closed_at      timestamptz,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);
CREATE INDEX review_documents_review_idx ON review_documents (review_id, created_at);
CREATE INDEX review_documents_due_idx ON review_documents (due_at) WHERE status = 'requested';

-- Each upload is a Secure Message Center message (encrypted body and attachments) on the review's case.
CREATE TABLE review_uploads (
  document_id  text NOT NULL REFERENCES review_documents(id),
  message_id   text NOT NULL REFERENCES messages(id),
  files        integer NOT NULL CHECK (files >= 0),
  uploaded_at  timestamptz NOT NULL,
  PRIMARY KEY (document_id, message_id)
);
