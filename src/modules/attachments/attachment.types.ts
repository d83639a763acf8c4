/**
 * The vocabulary of attachment intake: what we accept, the limits, and the result shapes.
 *
 * Acceptance is an allow-list decided by CONTENT (magic bytes and structure), never by the file name or the
 * browser's declared type: both are chosen by whoever uploads. Everything not on the list is refused.
 */

/** Kinds a cardholder may upload: documents (PDF) and screenshots/photos (PNG, JPEG, GIF, WebP). */
export type AcceptedKind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp';

export type AcceptedMime = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

export const ACCEPTED_KINDS: Readonly<Record<AcceptedKind, { mime: AcceptedMime; extension: string; label: string }>> = {
  pdf: { mime: 'application/pdf', extension: 'pdf', label: 'PDF' },
  png: { mime: 'image/png', extension: 'png', label: 'PNG' },
  jpeg: { mime: 'image/jpeg', extension: 'jpg', label: 'JPEG' },
  gif: { mime: 'image/gif', extension: 'gif', label: 'GIF' },
  webp: { mime: 'image/webp', extension: 'webp', label: 'WebP' },
};

export type AttachmentLimits = {
  /** Largest single attachment, in bytes. */
  maxBytes: number;
  /** Most attachments on one message. */
  maxPerMessage: number;
  /** Which accepted kinds this deployment allows (an issuer may narrow it, e.g. to PDF only). */
  acceptedKinds: readonly AcceptedKind[];
};

export const MEBIBYTE = 1024 * 1024;

export const DEFAULT_LIMITS: AttachmentLimits = Object.freeze({
  maxBytes: 10 * MEBIBYTE, // "≤ 10 MB each": a phone photo or a multi-page scanned statement fits
  maxPerMessage: 5,
  // HEIC/AVIF are refused by default: agents' desktop browsers cannot display them, and their ISO-BMFF
  // container can carry arbitrary boxes we do not walk. iOS converts HEIC to JPEG on web upload anyway.
  acceptedKinds: Object.freeze(['pdf', 'png', 'jpeg', 'gif', 'webp'] as AcceptedKind[]),
});

export type AttachmentInput = {
  bytes: Buffer;
  fileName: string;
  /** The Content-Type the client sent. Never used to accept; a dangerous claim (text/html…) is refused. */
  declaredType?: string;
};

export type AcceptedAttachment = {
  ok: true;
  mime: AcceptedMime;
  extension: string;
  size: number;
  /** Sanitized base name + the extension of the DETECTED type, ≤ 120 characters. */
  safeFileName: string;
};

/** Status per code; codes are API contract (never renamed), like the platform error catalogue. */
export const ATTACHMENT_ERROR_STATUS = {
  attachment_too_large: 413,
  attachment_type_refused: 415,
  attachment_empty: 400,
  attachment_name_invalid: 400,
  too_many_attachments: 400,
} as const satisfies Record<string, 400 | 413 | 415>;

export type AttachmentRefusalCode = Exclude<keyof typeof ATTACHMENT_ERROR_STATUS, 'too_many_attachments'>;
export type MessageRefusalCode = keyof typeof ATTACHMENT_ERROR_STATUS;

export type RefusedAttachment = {
  ok: false;
  code: AttachmentRefusalCode;
  status: 413 | 415 | 400;
  /** Plain language, safe to show to the cardholder; says what was found and what to do. */
  reason: string;
};

export type AttachmentInspection = AcceptedAttachment | RefusedAttachment;

export function refuse(code: AttachmentRefusalCode, reason: string): RefusedAttachment {
  return { ok: false, code, status: ATTACHMENT_ERROR_STATUS[code], reason };
}

export function acceptedLabels(kinds: readonly AcceptedKind[]): string {
  const labels = kinds.map((kind) => ACCEPTED_KINDS[kind].label);
  return labels.length <= 1 ? (labels[0] ?? 'no') : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}

export function resolveLimits(limits: Partial<AttachmentLimits> | undefined): AttachmentLimits {
  return { ...DEFAULT_LIMITS, ...(limits ?? {}) };
}
