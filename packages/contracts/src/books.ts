import { z } from 'zod';
import type { Level } from './enums.ts';
import { LIMITS } from './limits.ts';
import { levelSchema, type StatisticsLine } from './schemas.ts';

// The books on screen (issue #3): one page of lines at a time, filtered by level and by an
// accent-insensitive search on số ký hiệu / trích yếu. The printouts stream every line instead.

export const bookViewQuery = z.object({
  unitId: z.string().max(64),
  year: z.coerce.number().int().min(2000).max(2100),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.bookPageSizeMax).default(LIMITS.pageSizeDefault),
  level: levelSchema.optional(),
  q: z.string().trim().max(300).optional(),
});
export type BookViewQuery = z.input<typeof bookViewQuery>;

/** One page of a book: `total` lines match the filters; serials stay the book's own. */
export type BookView<Line> = { lines: Line[]; total: number; page: number; pageSize: number };

/** The Thống kê of a unit for a year in numbers, counted by the database over every item the reader may see. */
export type StatisticsSummary = {
  items: number;
  copies: number;
  byLevel: Array<{ level: Level; items: number; copies: number }>;
  byForm: Array<{ form: string; label: string; items: number }>;
  byStatus: Array<{ status: string; label: string; items: number }>;
};
export type StatisticsView = BookView<StatisticsLine> & { summary: StatisticsSummary };
