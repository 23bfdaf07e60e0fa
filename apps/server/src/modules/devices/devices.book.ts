import {
  CHECK_RESULT_LABELS,
  DEVICE_STATUS_LABELS,
  DEVICE_TYPE_LABELS,
  DEVICE_USE_LABELS,
  formatDate,
  NETWORK_STATUS_LABELS,
  todayInVietnam,
  type Device,
} from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Actor } from '../access/access.policies.ts';
import { listDevices } from './devices.usecases.ts';
import { loadExcelJs } from '../../platform/lazy-modules.ts';

// The printable device book (sổ quản lý thiết bị, LEGAL.md R12.1): one row per device of the
// actor's scope, A4 landscape, Vietnamese headers. Every export is audited.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HEADERS: Array<{ title: string; width: number; value: (d: Device, i: number) => string | number }> = [
  { title: 'STT', width: 6, value: (_, i) => i + 1 },
  { title: 'Mã tài sản', width: 12, value: (d) => d.assetCode },
  { title: 'Tên thiết bị', width: 30, value: (d) => d.name },
  { title: 'Loại', width: 18, value: (d) => DEVICE_TYPE_LABELS[d.type] },
  { title: 'Số sê-ri', width: 16, value: (d) => d.serial ?? '' },
  { title: 'Vị trí đặt', width: 20, value: (d) => d.location ?? '' },
  { title: 'Người quản lý', width: 20, value: (d) => d.custodianName ?? '' },
  { title: 'Tình trạng kết nối mạng', width: 26, value: (d) => NETWORK_STATUS_LABELS[d.networkStatus] },
  { title: 'Đã từng kết nối', width: 10, value: (d) => (d.everConnected ? 'Có' : 'Không') },
  { title: 'Mục đích được phép', width: 28, value: (d) => d.approvedUses.map((u) => DEVICE_USE_LABELS[u]).join('; ') },
  { title: 'Kiểm tra an ninh gần nhất', width: 18, value: (d) => (d.lastCheckOn ? `${formatDate(d.lastCheckOn)} — ${CHECK_RESULT_LABELS[d.lastCheckResult!]}` : 'Chưa kiểm tra') },
  { title: 'Hạn kiểm tra tiếp theo', width: 14, value: (d) => formatDate(d.nextCheckDue) },
  { title: 'Trạng thái', width: 18, value: (d) => DEVICE_STATUS_LABELS[d.status] },
];

export async function buildDeviceBookXlsx({ devices, scopeName, now }: { devices: Device[]; scopeName: string; now: Date }): Promise<Buffer> {
  const wb = new (await loadExcelJs()).Workbook();
  wb.creator = 'BMNN';
  wb.created = now;
  const ws = wb.addWorksheet('Sổ quản lý thiết bị', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' } });
  const font = { name: 'Times New Roman', size: 11 };
  const thin = { style: 'thin' as const };
  ws.columns = HEADERS.map((h) => ({ width: h.width }));
  const last = String.fromCharCode(64 + HEADERS.length);
  ws.mergeCells(`A1:${last}1`);
  ws.getCell('A1').value = 'SỔ QUẢN LÝ THIẾT BỊ ĐIỆN TỬ, SẢN PHẨM MẬT MÃ DÙNG CHO BÍ MẬT NHÀ NƯỚC';
  ws.getCell('A1').font = { ...font, size: 14, bold: true };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.mergeCells(`A2:${last}2`);
  ws.getCell('A2').value = `${scopeName} — lập ngày ${formatDate(todayInVietnam(now))}`;
  ws.getCell('A2').font = { ...font, italic: true };
  ws.getCell('A2').alignment = { horizontal: 'center' };
  const head = ws.getRow(4);
  head.values = HEADERS.map((h) => h.title);
  head.eachCell((c) => {
    c.font = { ...font, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = { top: thin, left: thin, bottom: thin, right: thin };
  });
  devices.forEach((d, i) => {
    const row = ws.getRow(5 + i);
    row.values = HEADERS.map((h) => h.value(d, i));
    row.eachCell({ includeEmpty: true }, (c) => {
      c.font = font;
      c.alignment = { vertical: 'middle', wrapText: true };
      c.border = { top: thin, left: thin, bottom: thin, right: thin };
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The device book of the actor's scope (or one unit of it), audited before it leaves. */
export async function exportDeviceBook(ctx: AppContext, { actor, unitId }: { actor: Actor; unitId?: string | undefined }) {
  const { devices } = await listDevices(ctx, { actor, filter: { unitId } });
  const unit = await ctx.db.selectFrom('units').select(['name']).where('id', '=', unitId ?? actor.unitId).executeTakeFirst();
  const now = ctx.clock();
  const buffer = await buildDeviceBookXlsx({ devices, scopeName: unit?.name ?? '', now });
  await inTransaction(ctx, async ({ audit }) => {
    await audit({ type: 'device.book_exported', chain: unitId ?? actor.unitId, actorId: actor.accountId, data: { format: 'xlsx', devices: devices.length } });
  });
  return { filename: `so-quan-ly-thiet-bi-${todayInVietnam(now)}.xlsx`, contentType: XLSX_TYPE, buffer };
}
