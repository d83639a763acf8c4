-- Encryption at rest (src/platform/crypto): envelope encryption with one data key (DEK) per sealed record.
-- PostgreSQL 15 subset: runs unchanged on PGlite (PostgreSQL 18) and Debian's PostgreSQL 15.
--
-- A sealed record stores one self-describing bytea (version, data key id, IV, ciphertext, GCM tag; format in
-- src/platform/crypto/envelope.ts). Its data key lives here, only ever wrapped (AES-256-GCM) by a key-encryption
-- key (KEK) that comes from configuration, never from this database (PCI DSS v4.0 3.6.1.2; v3.2.1 3.5.3).
-- Rotating the KEK re-wraps these 61-byte rows and never touches the records (PCI DSS v4.0 3.7.4; v3.2.1 3.6.4).
-- Deleting a row here makes the records sealed under it unreadable for good ("crypto-shredding").

CREATE TABLE data_keys (
  id           text PRIMARY KEY CHECK (id ~ '^dek_[0-9a-z]{16}$'),
  kek_id       text NOT NULL CHECK (kek_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),   -- CARDCARE_KEYS id
  wrapped_key  bytea NOT NULL CHECK (octet_length(wrapped_key) BETWEEN 40 AND 255),  -- 61 bytes in format 1
  created_at   timestamptz NOT NULL DEFAULT now(),
  rotated_at   timestamptz                                                         -- last re-wrap
);

-- keys:rotate walks one KEK's keys in id order: an index range scan per batch, linear over the whole table.
CREATE INDEX data_keys_kek_idx ON data_keys (kek_id, id);
