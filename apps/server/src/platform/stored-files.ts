import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { detectFileType, type FileType } from '@bmnn/scanner/file-type';
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { AppContext } from './context.ts';
import type { Database } from './db/schema.ts';
import { AppError } from './errors.ts';
import { generateId } from './ids.ts';

// Attached files (signed scans, minutes): the bytes are written once under <data dir>/files,
// named by their SHA-256 (backup and restore already carry that folder), and a `stored_files` row
// in the caller's transaction says what they are. Every read re-hashes the bytes, so a file
// changed on disk is reported as damaged instead of being served.

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** What a person may attach as a scan: decided by the content, never by the name. */
const SCAN_TYPES: Partial<Record<FileType, { mediaType: string; extension: string }>> = {
  pdf: { mediaType: 'application/pdf', extension: 'pdf' },
  jpeg: { mediaType: 'image/jpeg', extension: 'jpg' },
  png: { mediaType: 'image/png', extension: 'png' },
  tiff: { mediaType: 'image/tiff', extension: 'tif' },
};

export type UploadedFile = { buffer: Buffer; originalName: string };
/** The text fields a form sent before its file (e.g. an import's options). */
export type UploadedForm = UploadedFile & { fields: Record<string, string> };
export type StoredFileRef = { id: string; sha256: string; mediaType: string; size: number; originalName: string; createdAt: string };

/** Reads the single "file" part of a multipart request, refusing anything over the limit (413). */
export async function readUploadedFile(request: FastifyRequest, { maxBytes = ATTACHMENT_MAX_BYTES }: { maxBytes?: number } = {}): Promise<UploadedForm> {
  if (!request.isMultipart()) throw new AppError({ code: 'request.malformed', message: 'Gửi tệp dưới dạng multipart/form-data (trường "file")' });
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part) throw new AppError({ code: 'request.malformed', message: 'Chưa chọn tệp' });
  const buffer = await part.toBuffer();
  if (buffer.length === 0) throw new AppError({ code: 'request.malformed', message: 'Tệp rỗng' });
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(part.fields)) {
    const f = Array.isArray(field) ? field[0] : field;
    if (f && f.type === 'field' && typeof f.value === 'string') fields[name] = f.value;
  }
  return { buffer, originalName: cleanName(part.filename), fields };
}

function cleanName(name: string | undefined): string {
  // Keep what the person called the file for display; drop any path and control characters.
  const base = path.basename((name ?? '').replace(/\\/g, '/')).replace(/[\p{Cc}]/gu, '').trim();
  return (base || 'tep-dinh-kem').slice(0, 200);
}

function filesDir(ctx: AppContext) {
  return path.join(ctx.config.dataDir, 'files');
}

function blobPath(ctx: AppContext, sha256: string) {
  return path.join(filesDir(ctx), sha256.slice(0, 2), sha256);
}

/** Checks that the upload is a scan (PDF or image); the refusal names what was sent. */
export function scanTypeOf(file: UploadedFile): { mediaType: string; extension: string } {
  const type = detectFileType(file.buffer);
  const accepted = SCAN_TYPES[type];
  if (!accepted) {
    throw new AppError({ code: 'file.unsupported_type', message: 'Chỉ nhận bản quét dạng PDF, JPEG, PNG hoặc TIFF', details: { detected: type } });
  }
  return accepted;
}

/**
 * Writes the bytes (if not already there) and inserts the row in `trx`. The write comes first and
 * is atomic (temporary file, then rename); should the transaction then fail, the only trace is an
 * unreferenced file named by its own hash, which a later identical upload reuses.
 */
export async function storeFile(
  ctx: AppContext,
  trx: Transaction<Database>,
  { file, mediaType, unitId, purpose, actorId, now }: { file: UploadedFile; mediaType: string; unitId: string; purpose: string; actorId: string; now: Date },
): Promise<StoredFileRef> {
  const sha256 = crypto.createHash('sha256').update(file.buffer).digest('hex');
  const target = blobPath(ctx, sha256);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, file.buffer, { flag: 'wx' });
    fs.renameSync(tmp, target);
  }
  const ref = { id: generateId('fil'), sha256, mediaType, size: file.buffer.length, originalName: file.originalName, createdAt: now.toISOString() };
  await trx
    .insertInto('stored_files')
    .values({ id: ref.id, unit_id: unitId, sha256, media_type: mediaType, size: ref.size, original_name: ref.originalName, purpose, created_by: actorId, created_at: ref.createdAt })
    .execute();
  return ref;
}

export async function getStoredFileRef(ctx: AppContext, fileId: string): Promise<StoredFileRef | undefined> {
  const row = await ctx.db.selectFrom('stored_files').selectAll().where('id', '=', fileId).executeTakeFirst();
  return row && { id: row.id, sha256: row.sha256, mediaType: row.media_type, size: Number(row.size), originalName: row.original_name, createdAt: row.created_at };
}

/** The bytes of a stored file, after checking them against the hash recorded when it was stored. */
export function readStoredFile(ctx: AppContext, ref: StoredFileRef): Buffer {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(blobPath(ctx, ref.sha256));
  } catch (cause) {
    throw new AppError({ code: 'file.not_found', message: 'Không tìm thấy tệp đính kèm trong kho lưu trữ', cause });
  }
  const actual = crypto.createHash('sha256').update(buffer).digest('hex');
  if (actual !== ref.sha256) {
    throw new AppError({ code: 'file.damaged', message: 'Tệp đính kèm đã bị thay đổi sau khi lưu (mã băm không khớp)', details: { expected: ref.sha256, actual } });
  }
  return buffer;
}

/** An ASCII file name for the download header, keeping the extension of the stored type. */
export function downloadName(base: string, ref: StoredFileRef): string {
  const extension = Object.values(SCAN_TYPES).find((t) => t.mediaType === ref.mediaType)?.extension ?? 'bin';
  return `${base}.${extension}`;
}
