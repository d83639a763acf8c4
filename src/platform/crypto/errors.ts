/**
 * Errors of the encryption layer. They are internal (a route turns them into `internal_error`): their messages
 * name key ids and data-key ids to help an operator, never key material or plaintext.
 */
export type CryptoErrorCode =
  | 'bad_envelope' // not a Cardcare envelope, truncated, or an unknown format version
  | 'unknown_data_key' // the envelope names a data key that is not in data_keys (deleted, or another database)
  | 'unknown_kek' // the data key is wrapped by a KEK that is not in the keyring
  | 'unwrap_failed' // the KEK with that id is not the one that wrapped the data key, or the row was altered
  | 'decrypt_failed'; // ciphertext, tag, IV or AAD altered, or the ciphertext belongs to another record

export class CryptoError extends Error {
  readonly code: CryptoErrorCode;

  constructor(code: CryptoErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'CryptoError';
    this.code = code;
  }
}

/** A keyring that cannot be used: a start-up error, with a message that names the bad entry. */
export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyringError';
  }
}
