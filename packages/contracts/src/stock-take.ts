import { z } from 'zod';
import type { Level } from './enums.ts';
import { nullableText, requiredText } from './fields.ts';
import { LIMITS } from './limits.ts';
import { idSchema } from './schemas.ts';

// Stock-take (kiểm kê, LEGAL.md R6.1): reconciling the register with what is physically held.

export const STOCK_TAKE_RESULTS = ['PRESENT', 'MISPLACED', 'MISSING'] as const;
export type StockTakeResult = (typeof STOCK_TAKE_RESULTS)[number];
export const STOCK_TAKE_RESULT_LABELS: Record<StockTakeResult, string> = {
  PRESENT: 'Có, đúng nơi lưu giữ',
  MISPLACED: 'Có, nhưng không đúng nơi lưu giữ',
  MISSING: 'Không tìm thấy',
};

export const startStockTakeRequest = z.object({
  unitId: idSchema('unt'),
  title: requiredText('Tên đợt kiểm kê'),
  /** Only items kept at a place starting with this text (a room, a cabinet); empty for all. */
  locationPrefix: nullableText('Nơi lưu giữ', LIMITS.nameMax),
});
export type StartStockTakeRequest = z.input<typeof startStockTakeRequest>;

export const markStockTakeLinesRequest = z
  .object({
    lineIds: z.array(idSchema('stl')).min(1, { error: 'Chọn ít nhất một dòng' }).max(LIMITS.pageSizeMax * 10),
    result: z.enum(STOCK_TAKE_RESULTS, { error: 'Kết quả kiểm kê không hợp lệ' }),
    foundLocation: nullableText('Nơi tìm thấy', LIMITS.nameMax),
    note: nullableText('Ghi chú'),
  })
  .refine((v) => v.result !== 'MISPLACED' || !!v.foundLocation, { path: ['foundLocation'], error: 'Ghi nơi thực tế tìm thấy tài liệu' });
export type MarkStockTakeLinesRequest = z.input<typeof markStockTakeLinesRequest>;

export const closeStockTakeRequest = z.object({ note: nullableText('Kết luận') });

export type StockTakeLine = {
  id: string;
  itemId: string;
  soKyHieu: string;
  trichYeu: string | null;
  level: Level;
  expectedLocation: string | null;
  custodianName: string | null;
  result: StockTakeResult | null;
  foundLocation: string | null;
  note: string | null;
  checkedAt: string | null;
};

export type StockTakeSummary = {
  id: string;
  unitId: string;
  unitName: string;
  title: string;
  locationPrefix: string | null;
  status: 'OPEN' | 'CLOSED';
  startedAt: string;
  closedAt: string | null;
  /** Counts over the lines the reader may see. */
  counts: { total: number; unchecked: number; present: number; misplaced: number; missing: number };
  incidentId: string | null;
};

export type StockTake = StockTakeSummary & { note: string | null; lines: StockTakeLine[] };
