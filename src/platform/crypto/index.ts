/**
 * Encryption at rest for message bodies, internal notes and attachments: the public door of platform/crypto.
 *
 *   const keyring = loadKeyring(config, { warn: (m) => logger.warn(m) });   // once, at start
 *   const cipher = createCipherService({ keyring });
 *   // in the write transaction:
 *   const body = await cipher.sealText(tx, text, aadFor('messages', id, 'body'));   // store in a bytea column
 *   // on read:
 *   const text = await cipher.openText(db, row.body, aadFor('messages', row.id, 'body'));
 *
 * Byte formats and algorithm choices: envelope.ts. Rotation: rotate.ts and `npm run keys:rotate`.
 */
export { aadFor, type CipherService, createCipherService, type Sealed, type SealPart } from './cipher-service.ts';
export { dataKeyIdOf, ENVELOPE_OVERHEAD, isDataKeyId } from './envelope.ts';
export { countDataKeysByKek, insertDataKey, type StoredDataKey } from './data-keys.repo.ts';
export { CryptoError, type CryptoErrorCode, KeyringError } from './errors.ts';
export { addFileKey, KEYRING_FILE, keyringFilePath, openFileKeyring } from './keyring-file.ts';
export { type Keyring, parseKeySpec, staticKeyring } from './keyring.ts';
export { loadKeyring } from './load-keyring.ts';
export { type RotationReport, rotateDataKeys } from './rotate.ts';
