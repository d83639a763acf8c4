-- Fraud alerts (DESIGN.md capability 6): one alert per authorization whose rule score passed the threshold.
-- The one-time link token is stored only as its SHA-256 hash, with an expiry; a link decision marks it used.
CREATE TABLE fraud_alerts (
  id               text PRIMARY KEY,
  customer_id      text NOT NULL REFERENCES customers(id),
  account_id       text NOT NULL REFERENCES accounts(id),
  card_id          text NOT NULL REFERENCES cards(id),
  transaction_id   text NOT NULL UNIQUE REFERENCES transactions(id),
  merchant_key     text NOT NULL,
  score            integer NOT NULL CHECK (score >= 0),
  reasons          jsonb NOT NULL,
  status           text NOT NULL CHECK (status IN ('pending', 'confirmed', 'denied', 'expired')),
  token_hash       text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  token_expires_at timestamptz NOT NULL,
  token_used_at    timestamptz,
  decided_via      text CHECK (decided_via IN ('portal', 'link')),
  outcome          jsonb,
  created_at       timestamptz NOT NULL,
  decided_at       timestamptz,
  CHECK ((status IN ('confirmed', 'denied')) = (decided_at IS NOT NULL))
);
CREATE INDEX fraud_alerts_customer_idx ON fraud_alerts (customer_id, created_at DESC);
CREATE INDEX fraud_alerts_card_idx ON fraud_alerts (card_id, status);

-- "It was me": the same merchant does not alert again on this account until `until`.
CREATE TABLE fraud_merchant_suppressions (
  account_id   text NOT NULL REFERENCES accounts(id),
  merchant_key text NOT NULL,
  until        timestamptz NOT NULL,
  alert_id     text NOT NULL REFERENCES fraud_alerts(id),
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (account_id, merchant_key)
);
