import { formatDate, formatDateTime, LEVEL_LABELS, retentionLabel } from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Actor } from '../access/access.policies.ts';
import type { BookPrintout, PrintTemplate } from '../books/books.export.ts';
import { getArchiveTransfer, loadVisibleFile } from './record-files.usecases.ts';

// The printouts of files and archive transfers, laid out by the books' XLSX and PDF writers:
// the list of items in a file (mục lục văn bản trong hồ sơ) and the archive handover record
// (biên bản giao nhận hồ sơ nộp lưu). Each carries the highest level of the file(s) and lists
// only what the reader may see; every printout is audited.

const ARCHIVE_BASIS = 'Chỉ thị số 04/CT-UBND năm 2023 của UBND tỉnh Bắc Giang, mục 7 (lập hồ sơ và nộp lưu hồ sơ, tài liệu liên quan đến bí mật nhà nước); mẫu chưa đối chiếu văn bản chính thức';

const FILE_LIST: PrintTemplate = {
  title: 'MỤC LỤC VĂN BẢN TRONG HỒ SƠ',
  formNumber: 'Mục lục hồ sơ',
  orientation: 'landscape',
  basis: { legalBasis: ARCHIVE_BASIS },
  columns: [
    { key: 'serialNo', header: 'Số thứ tự', field: 'serialNo', width: 6, align: 'center' },
    { key: 'soKyHieu', header: 'Số, ký hiệu văn bản', field: 'soKyHieu', width: 16, align: 'left' },
    { key: 'documentDate', header: 'Ngày, tháng văn bản', field: 'documentDate', width: 11, align: 'center' },
    { key: 'issuer', header: 'Tác giả văn bản (cơ quan ban hành)', field: 'issuer', width: 20, align: 'left' },
    { key: 'trichYeu', header: 'Trích yếu nội dung', field: 'trichYeu', width: 36, align: 'left' },
    { key: 'level', header: 'Độ mật', field: 'level', width: 9, align: 'center' },
    { key: 'copies', header: 'Số bản', field: 'copies', width: 6, align: 'right' },
    { key: 'notes', header: 'Ghi chú', field: 'notes', width: 14, align: 'left' },
  ],
};

const HANDOVER_RECORD: PrintTemplate = {
  title: 'BIÊN BẢN GIAO NHẬN HỒ SƠ NỘP LƯU',
  formNumber: 'Biên bản nộp lưu',
  orientation: 'landscape',
  basis: { legalBasis: ARCHIVE_BASIS },
  columns: [
    { key: 'serialNo', header: 'Số thứ tự', field: 'serialNo', width: 6, align: 'center' },
    { key: 'code', header: 'Số, ký hiệu hồ sơ', field: 'code', width: 12, align: 'left' },
    { key: 'title', header: 'Tiêu đề hồ sơ', field: 'title', width: 36, align: 'left' },
    { key: 'year', header: 'Năm', field: 'year', width: 6, align: 'center' },
    { key: 'items', header: 'Số văn bản, tài liệu', field: 'items', width: 8, align: 'right' },
    { key: 'level', header: 'Độ mật cao nhất', field: 'level', width: 10, align: 'center' },
    { key: 'retention', header: 'Thời hạn bảo quản', field: 'retention', width: 10, align: 'center' },
    { key: 'location', header: 'Vị trí lưu trữ', field: 'location', width: 20, align: 'left' },
  ],
};

async function printedBy(ctx: AppContext, actor: Actor) {
  return (await ctx.db.selectFrom('people').select('full_name').where('id', '=', actor.personId).executeTakeFirst())?.full_name ?? '';
}

async function unitName(ctx: AppContext, unitId: string) {
  return (await ctx.db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst())?.name ?? '';
}

/** The list of items in a file, marked with the file's highest level. */
export async function prepareFileListPrintout(ctx: AppContext, { actor, fileId, format }: { actor: Actor; fileId: string; format: 'xlsx' | 'pdf' }): Promise<{ printout: BookPrintout; code: string }> {
  const { row, file, visible } = await loadVisibleFile(ctx, actor, fileId);
  const now = ctx.clock();
  await inTransaction(ctx, ({ audit }) => audit({ type: 'file.exported', chain: row.unit_id, actorId: actor.accountId, subjectId: row.id, data: { code: row.code, format, lines: visible.length, highestLevel: file.highestLevel } }));
  return {
    code: row.code,
    printout: {
      template: FILE_LIST,
      unitName: await unitName(ctx, row.unit_id),
      year: file.year,
      highestLevel: file.highestLevel,
      printedAt: formatDateTime(now.toISOString()),
      printedBy: await printedBy(ctx, actor),
      headingLines: [
        `${await unitName(ctx, row.unit_id)} — Hồ sơ số ${file.code}: ${file.title}`,
        `Năm ${file.year} — Thời hạn bảo quản: ${retentionLabel(file.retentionYears)} — Người lập hồ sơ: ${file.keeperName ?? ''}${file.archiveLocation ? ` — Nộp lưu: ${file.archiveLocation}` : ''}`,
      ],
      rows: visible.map((i, n) => ({
        serialNo: n + 1,
        soKyHieu: i.soKyHieu,
        documentDate: formatDate(i.documentDate),
        issuer: i.sender,
        trichYeu: i.trichYeu,
        level: LEVEL_LABELS[i.level],
        copies: i.copies,
        notes: '',
      })),
      closingLines: [`Hồ sơ gồm ${visible.length} văn bản, tài liệu${file.closedOn ? `; kết thúc ngày ${formatDate(file.closedOn)}` : ''}.`],
    },
  };
}

/** The archive handover record with its table of files, marked with the highest level in it. */
export async function prepareTransferPrintout(ctx: AppContext, { actor, transferId, format }: { actor: Actor; transferId: string; format: 'xlsx' | 'pdf' }): Promise<{ printout: BookPrintout; recordNo: string }> {
  const { transfer } = await getArchiveTransfer(ctx, { actor, transferId });
  const now = ctx.clock();
  await inTransaction(ctx, ({ audit }) => audit({ type: 'archive.record_exported', chain: transfer.unitId, actorId: actor.accountId, subjectId: transfer.id, data: { recordNo: transfer.recordNo, format, files: transfer.files.length, highestLevel: transfer.highestLevel } }));
  const unit = await unitName(ctx, transfer.unitId);
  const totalItems = transfer.files.reduce((s, f) => s + f.itemCount, 0);
  return {
    recordNo: transfer.recordNo,
    printout: {
      template: HANDOVER_RECORD,
      unitName: unit,
      year: Number(transfer.transferredOn.slice(0, 4)),
      highestLevel: transfer.highestLevel,
      printedAt: formatDateTime(now.toISOString()),
      printedBy: await printedBy(ctx, actor),
      headingLines: [
        `Số: ${transfer.recordNo} — Ngày ${formatDate(transfer.transferredOn)}`,
        `Bên giao: ${unit}, đại diện ${transfer.handedByName ?? ''} — Bên nhận: ${transfer.archiveName}, đại diện ${transfer.receivedByName ?? ''}`,
        `Vị trí lưu trữ: ${transfer.location}. Độ mật và thời hạn bảo vệ của các tài liệu không thay đổi khi nộp lưu.`,
      ],
      rows: transfer.files.map((f, n) => ({
        serialNo: n + 1,
        code: f.code,
        title: f.title,
        year: f.year,
        items: f.itemCount,
        level: f.highestLevel ? LEVEL_LABELS[f.highestLevel] : '',
        retention: retentionLabel(f.retentionYears),
        location: f.archiveLocation,
      })),
      closingLines: [
        `Tổng số: ${transfer.files.length} hồ sơ, ${totalItems} văn bản, tài liệu.${transfer.note ? ` Ghi chú: ${transfer.note}` : ''}`,
        'Biên bản lập thành hai bản, bên giao giữ một bản, bên nhận giữ một bản.',
        '',
        `BÊN GIAO (ký, ghi rõ họ tên): ${transfer.handedByName ?? ''}                    BÊN NHẬN (ký, ghi rõ họ tên): ${transfer.receivedByName ?? ''}`,
      ],
    },
  };
}
