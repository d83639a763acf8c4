/**
 * Attachments — the public door. Intake rules for Secure Message Center uploads (a pure core) and the
 * BlobStore port where the ALREADY-ENCRYPTED bytes are kept.
 *
 * Intended flow (messages module): inspectMessageAttachments(files) → for each accepted file, encrypt with
 * src/platform/crypto → blobStore.put(attachmentId, ciphertext) → store mime/size/safeFileName in the
 * database. When serving: get → decrypt → send with the stored mime, `Content-Disposition: attachment;
 * filename="<safeFileName>"` and `X-Content-Type-Options: nosniff`, so a browser never re-sniffs the bytes.
 */
export {
  ACCEPTED_KINDS, ATTACHMENT_ERROR_STATUS, DEFAULT_LIMITS, type AcceptedAttachment, type AcceptedKind,
  type AcceptedMime, type AttachmentInput, type AttachmentInspection, type AttachmentLimits,
  type AttachmentRefusalCode, type MessageRefusalCode, type RefusedAttachment,
} from './attachment.types.ts';
export { inspectAttachment } from './inspect-attachment.ts';
export { inspectMessageAttachments, type MessageAttachmentsInspection } from './inspect-message-attachments.ts';
export { MAX_FILE_NAME_LENGTH, sanitizeFileName, claimedDangerousExtension } from './file-name.ts';
export { type BlobStore, assertValidBlobKey, createMemoryBlobStore, isValidBlobKey } from './blob-store.ts';
export { createDiskBlobStore, type DiskBlobStoreOptions } from './disk-blob-store.ts';
