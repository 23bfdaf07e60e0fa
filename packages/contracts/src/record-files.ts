import { z } from 'zod';
import type { Level } from './enums.ts';
import { LIMITS } from './limits.ts';
import { idSchema, isoDate } from './schemas.ts';

// Files and archive (lập hồ sơ, nộp lưu: Chỉ thị 04/CT-UBND §7, LEGAL.md R9.6) and the import of
// old registers (sổ đến, sổ đi) from Excel or CSV.

const text = (label: string, max: number = LIMITS.nameMax) =>
  z
    .string({ error: `${label} là bắt buộc` })
    .trim()
    .min(1, { error: `${label} không được để trống` })
    .max(max, { error: `${label} dài quá ${max} ký tự` });

export const RECORD_FILE_STATUSES = ['OPEN', 'CLOSED', 'ARCHIVED'] as const;
export type RecordFileStatus = (typeof RECORD_FILE_STATUSES)[number];
export const RECORD_FILE_STATUS_LABELS: Record<RecordFileStatus, string> = {
  OPEN: 'Đang lập',
  CLOSED: 'Đã kết thúc',
  ARCHIVED: 'Đã nộp lưu',
};

/** Retention (thời hạn bảo quản): a number of years, or null for "Vĩnh viễn". */
export function retentionLabel(years: number | null): string {
  return years === null ? 'Vĩnh viễn' : `${years} năm`;
}

export const createRecordFileRequest = z.object({
  unitId: idSchema('unt'),
  code: text('Số, ký hiệu hồ sơ', LIMITS.codeMax),
  title: text('Tiêu đề hồ sơ', LIMITS.nameMax),
  year: z.coerce.number({ error: 'Năm không hợp lệ' }).int({ error: 'Năm không hợp lệ' }).min(1945, { error: 'Năm không hợp lệ' }).max(2100, { error: 'Năm không hợp lệ' }),
  keeperId: idSchema('psn'),
  retentionYears: z.number({ error: 'Thời hạn bảo quản không hợp lệ' }).int().min(1, { error: 'Thời hạn bảo quản ít nhất 1 năm' }).max(100, { error: 'Thời hạn bảo quản tối đa 100 năm' }).nullable(),
  note: z.string().trim().max(LIMITS.textMax).optional(),
});
export type CreateRecordFileRequest = z.input<typeof createRecordFileRequest>;

export const fileItemsRequest = z.object({
  itemIds: z.array(idSchema('itm'), { error: 'Chọn tài liệu' }).min(1, { error: 'Chọn ít nhất một tài liệu' }).max(LIMITS.pageSizeMax),
});
export const removeFileItemsRequest = fileItemsRequest.extend({ reason: text('Lý do rút khỏi hồ sơ', LIMITS.textMax) });

export const listRecordFilesQuery = z.object({
  unitId: idSchema('unt').optional(),
  year: z.coerce.number().int().min(1945).max(2100).optional(),
  status: z.enum(RECORD_FILE_STATUSES).optional(),
  q: z.string().trim().max(300).optional(),
});

export const archiveTransferRequest = z.object({
  fileIds: z.array(idSchema('hso')).min(1, { error: 'Chọn ít nhất một hồ sơ' }).max(LIMITS.pageSizeMax),
  transferredOn: isoDate,
  archiveName: text('Lưu trữ cơ quan nhận', LIMITS.nameMax),
  recordNo: text('Số biên bản giao nhận', 100),
  receivedByPersonId: idSchema('psn'),
  location: text('Vị trí trong kho lưu trữ (kho, giá, hộp)', LIMITS.nameMax),
  note: z.string().trim().max(LIMITS.textMax).optional(),
});
export type ArchiveTransferRequest = z.input<typeof archiveTransferRequest>;

export const recordFileExportQuery = z.object({ format: z.enum(['xlsx', 'pdf'], { error: 'Định dạng chỉ nhận xlsx hoặc pdf' }) });

export type RecordFile = {
  id: string;
  unitId: string;
  code: string;
  title: string;
  year: number;
  keeperId: string;
  keeperName: string | null;
  retentionYears: number | null;
  status: RecordFileStatus;
  /** The highest level of all its items (the file's marking); null while empty. */
  highestLevel: Level | null;
  /** Items the reader may see (the others are not counted). */
  itemCount: number;
  note: string | null;
  openedOn: string;
  closedOn: string | null;
  archiveTransferId: string | null;
  archivedOn: string | null;
  archiveLocation: string | null;
};

export type RecordFileItem = {
  itemId: string;
  soKyHieu: string;
  documentDate: string | null;
  sender: string | null;
  trichYeu: string | null;
  level: Level;
  copies: number | null;
  storageLocation: string | null;
  filedAt: string;
};

export type ArchiveTransfer = {
  id: string;
  unitId: string;
  recordNo: string;
  transferredOn: string;
  archiveName: string;
  location: string;
  handedByName: string | null;
  receivedByName: string | null;
  note: string | null;
  files: RecordFile[];
  highestLevel: Level | null;
};

// ---- importing old registers ----------------------------------------------------------------

export const REGISTER_IMPORT_BOOKS = ['DEN', 'DI'] as const;
export type RegisterImportBook = (typeof REGISTER_IMPORT_BOOKS)[number];
export const REGISTER_IMPORT_BOOK_LABELS: Record<RegisterImportBook, string> = {
  DEN: 'Sổ đăng ký BMNN đến',
  DI: 'Sổ đăng ký BMNN đi',
};

/** The fields a column of an old register can be mapped to, with their Vietnamese names. */
export const REGISTER_IMPORT_FIELDS = {
  soKyHieu: 'Số, ký hiệu',
  date: 'Ngày vào sổ',
  documentDate: 'Ngày văn bản',
  issuer: 'Cơ quan ban hành, nơi gửi',
  trichYeu: 'Trích yếu',
  level: 'Độ mật',
  copies: 'Số bản',
  holder: 'Người nhận, người giữ',
  bookSerial: 'Số thứ tự trong sổ',
  notes: 'Ghi chú',
} as const;
export type RegisterImportField = keyof typeof REGISTER_IMPORT_FIELDS;
export const REGISTER_IMPORT_FIELD_KEYS = Object.keys(REGISTER_IMPORT_FIELDS) as RegisterImportField[];

/** Column index (0-based) for each field, or null when the file has no such column. */
export const registerImportMappingSchema = z.object(
  Object.fromEntries(REGISTER_IMPORT_FIELD_KEYS.map((f) => [f, z.number().int().min(0).max(200).nullable().optional()])) as Record<RegisterImportField, z.ZodOptional<z.ZodNullable<z.ZodNumber>>>,
);
export type RegisterImportMapping = Partial<Record<RegisterImportField, number | null>>;

export const registerImportOptions = z.object({
  unitId: idSchema('unt'),
  book: z.enum(REGISTER_IMPORT_BOOKS, { error: 'Chọn sổ đến hoặc sổ đi' }),
  /** Without a mapping the server proposes one from the header row. */
  mapping: registerImportMappingSchema.optional(),
  dryRun: z.boolean().default(true),
});
export type RegisterImportOptions = z.input<typeof registerImportOptions>;

export type ImportProblem = { row: number; column: string | null; message: string };
export type RegisterImportAnswer = {
  columns: Array<{ index: number; header: string }>;
  mapping: RegisterImportMapping;
  report: { ok: boolean; rows: number; problems: ImportProblem[] };
  imported: { items: number; book: RegisterImportBook } | null;
};
