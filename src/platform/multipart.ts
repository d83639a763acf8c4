import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export type UploadedFile = { fileName: string; bytes: Buffer; declaredType: string };

declare module 'fastify' {
  interface FastifyRequest {
    uploadedFiles: UploadedFile[];
  }
}

export type UploadLimits = { maxFileBytes: number; maxFiles: number; maxFieldBytes: number };

/**
 * multipart/form-data for routes that take files. The parts are read before validation: text fields become
 * the body (so the route's JSON schema checks them exactly as it checks JSON), files go to `uploadedFiles`.
 */
export async function installMultipart(app: FastifyInstance, limits: UploadLimits): Promise<void> {
  app.decorateRequest('uploadedFiles', null as unknown as UploadedFile[]);
  app.addHook('onRequest', async (request) => {
    request.uploadedFiles = [];
  });
  await app.register(multipart, {
    limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles + 1, fields: 20, fieldSize: limits.maxFieldBytes, parts: limits.maxFiles + 21 },
  });
}

const BOOLEAN_FIELDS = new Set(['internal']);

/** A preValidation hook: parses a multipart request into body + files; JSON requests pass through. */
export function multipartBody(limits: UploadLimits) {
  return async (request: FastifyRequest) => {
    if (!request.isMultipart()) return;
    const fields: Record<string, unknown> = {};
    const files: UploadedFile[] = [];
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (files.length >= limits.maxFiles) {
            throw new AppError('too_many_attachments', `A message can carry at most ${limits.maxFiles} attachments`);
          }
          const bytes = await part.toBuffer();
          files.push({ fileName: part.filename ?? 'file', bytes, declaredType: part.mimetype });
        } else {
          if (part.valueTruncated) {
            throw new AppError('validation_failed', `${part.fieldname} is over the size limit`, { errors: [{ field: part.fieldname, message: 'is too long' }] });
          }
          const value = String(part.value ?? '');
          fields[part.fieldname] = BOOLEAN_FIELDS.has(part.fieldname) ? value === 'true' : value;
        }
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new AppError('attachment_too_large', `An attachment is over the ${Math.round(limits.maxFileBytes / 1048576)} MB limit`);
      }
      if (code === 'FST_FILES_LIMIT') throw new AppError('too_many_attachments', `A message can carry at most ${limits.maxFiles} attachments`);
      if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw new AppError('payload_too_large', 'Too many form fields');
      throw new AppError('bad_request', 'The multipart body could not be read', { cause: error });
    }
    request.body = fields;
    request.uploadedFiles = files;
  };
}
