import { foldForSearch } from '@bmnn/contracts';
import type SQLite from 'better-sqlite3';
import type pg from 'pg';

// A province-sized register for `npm run bench:register`: a unit tree of departments, their
// offices and communes, people, and ITEMS secret items with about five events each (receiving,
// handovers, notices, extensions, outgoing registration), with Vietnamese titles built from the
// vocabulary of administrative documents. Deterministic (seeded PRNG); written in big batches
// straight through the database layer (prepared statements in one transaction per batch on
// SQLite, multi-row INSERT … SELECT unnest(…) on PostgreSQL).

export type GeneratedRegister = {
  provinceId: string;
  /** The unit whose incoming book of BOOK_YEAR has `bigBookLines` lines. */
  bigBookUnitId: string;
  bigBookLines: number;
  /** A unit whose incoming book of BOOK_YEAR has `smallBookLines` lines. */
  smallBookUnitId: string;
  smallBookLines: number;
  /** A large department (with its offices) used for the search: its clerk sees its subtree. */
  searchUnitId: string;
  searchSubtreeUnitIds: string[];
  /** An ordinary department, for the yearly statistics. */
  typicalUnitId: string;
  units: number;
  people: number;
  items: number;
  events: number;
  itemsInSearchScope: number;
};

export const BOOK_YEAR = 2025;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZabcdefghjkmnpqrstvwxyz';

const DEPARTMENTS: Array<[string, string, string]> = [
  ['VPTU', 'Văn phòng Tỉnh ủy', 'VPTU'],
  ['VPUB', 'Văn phòng Ủy ban nhân dân tỉnh', 'UBND'],
  ['CAT', 'Công an tỉnh', 'CAT'],
  ['BCHQS', 'Bộ Chỉ huy Quân sự tỉnh', 'BCH'],
  ['BDBP', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'BĐBP'],
  ['SNV', 'Sở Nội vụ', 'SNV'],
  ['STC', 'Sở Tài chính', 'STC'],
  ['SXD', 'Sở Xây dựng', 'SXD'],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường', 'SNNMT'],
  ['SCT', 'Sở Công Thương', 'SCT'],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 'SKHCN'],
  ['SGDĐT', 'Sở Giáo dục và Đào tạo', 'SGDĐT'],
  ['SYT', 'Sở Y tế', 'SYT'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'SVHTTDL'],
  ['STP', 'Sở Tư pháp', 'STP'],
  ['SDTTG', 'Sở Dân tộc và Tôn giáo', 'SDTTG'],
  ['TTT', 'Thanh tra tỉnh', 'TTr'],
  ['BTCTU', 'Ban Tổ chức Tỉnh ủy', 'BTCTU'],
  ['BNCTU', 'Ban Nội chính Tỉnh ủy', 'BNCTU'],
  ['BTGDV', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'BTGDV'],
  ['UBKT', 'Ủy ban Kiểm tra Tỉnh ủy', 'UBKTTU'],
  ['BQLKCN', 'Ban Quản lý các khu công nghiệp', 'BQLKCN'],
  ['TAND', 'Tòa án nhân dân tỉnh', 'TAND'],
  ['VKSND', 'Viện kiểm sát nhân dân tỉnh', 'VKSND'],
  ['KBNN', 'Kho bạc Nhà nước khu vực', 'KBNN'],
  ['CTHUE', 'Thuế tỉnh', 'CT'],
  ['HQ', 'Chi cục Hải quan khu vực', 'HQ'],
  ['VPĐĐBQH', 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh', 'VPĐĐBQH'],
];
const OFFICES = ['Phòng Tổng hợp', 'Phòng Hành chính – Tổ chức', 'Phòng Kế hoạch – Tài chính', 'Phòng Nghiệp vụ', 'Phòng Thanh tra – Pháp chế', 'Phòng An ninh chính trị nội bộ', 'Phòng Tham mưu'];
const COMMUNES = ['Bắc Giang', 'Kinh Bắc', 'Võ Cường', 'Từ Sơn', 'Thuận Thành', 'Quế Võ', 'Tiên Du', 'Yên Phong', 'Gia Bình', 'Lương Tài', 'Việt Yên', 'Hiệp Hòa', 'Tân Yên', 'Lạng Giang', 'Yên Dũng', 'Lục Nam', 'Lục Ngạn', 'Sơn Động', 'Yên Thế', 'Chũ', 'Nếnh', 'Đồng Nguyên', 'Phù Khê', 'Tam Sơn', 'Hạp Lĩnh', 'Nam Sơn', 'Đại Đồng', 'Phật Tích', 'Liên Bão', 'Cảnh Thụy', 'Tư Mại', 'Đồng Việt', 'Tiền Phong', 'Xuân Cẩm', 'Hợp Thịnh', 'Ngọc Thiện', 'Phúc Hòa', 'Bố Hạ', 'Đồng Kỳ', 'Xương Giang', 'Đa Mai', 'Tân Mỹ', 'Kép', 'Tân Dĩnh', 'Mỹ Thái', 'Tiên Lục', 'Biển Động', 'Kiên Lao', 'Tuấn Đạo', 'An Lạc'];

const DOC_TYPES: Array<[string, string]> = [
  ['Kế hoạch', 'KH'], ['Báo cáo', 'BC'], ['Quyết định', 'QĐ'], ['Công văn', 'CV'], ['Tờ trình', 'TTr'], ['Thông báo', 'TB'], ['Biên bản', 'BB'],
  ['Chỉ thị', 'CT'], ['Nghị quyết', 'NQ'], ['Phương án', 'PA'], ['Đề án', 'ĐA'], ['Hướng dẫn', 'HD'], ['Kết luận', 'KL'], ['Chương trình', 'CTr'],
];
const VERBS = ['về việc', 'triển khai', 'thực hiện', 'tổng kết', 'sơ kết', 'kiểm tra', 'đánh giá kết quả', 'tăng cường', 'bảo đảm', 'rà soát', 'điều chỉnh', 'phê duyệt'];
const TOPICS = [
  'công tác bảo vệ bí mật nhà nước', 'phòng, chống tham nhũng, tiêu cực', 'nhiệm vụ quốc phòng, quân sự địa phương', 'bảo đảm an ninh, trật tự an toàn xã hội',
  'diễn tập khu vực phòng thủ', 'công tác quy hoạch cán bộ', 'phòng, chống thiên tai và tìm kiếm cứu nạn', 'tuyển chọn và gọi công dân nhập ngũ',
  'bảo đảm an toàn, an ninh mạng', 'kiểm kê tài sản công', 'đấu thầu dự án trọng điểm', 'đo đạc, chỉnh lý bản đồ địa giới hành chính',
  'phương án bảo vệ mục tiêu quan trọng', 'tuần tra, kiểm soát biên giới', 'giải quyết khiếu nại, tố cáo đông người', 'nắm tình hình tôn giáo, dân tộc',
  'phòng, chống buôn lậu, gian lận thương mại', 'dự toán ngân sách nhà nước', 'sắp xếp đơn vị hành chính cấp xã', 'bầu cử đại biểu Quốc hội và Hội đồng nhân dân',
  'công tác cán bộ chủ chốt', 'phòng cháy, chữa cháy và cứu nạn, cứu hộ', 'bảo vệ chính trị nội bộ', 'đối ngoại và tiếp đoàn nước ngoài',
  'thanh tra việc quản lý đất đai', 'dự trữ quốc gia và vật tư chiến lược', 'ứng phó sự cố môi trường', 'phòng, chống dịch bệnh truyền nhiễm',
  'chuyển đổi số và cơ sở dữ liệu dân cư', 'quản lý vật liệu nổ công nghiệp', 'xây dựng thế trận an ninh nhân dân', 'bảo đảm an toàn giao thông',
];
const SCOPES = ['trên địa bàn tỉnh', 'năm 2025', 'năm 2024', 'quý I', 'quý II', 'quý III', 'quý IV', '6 tháng đầu năm', 'giai đoạn 2021 – 2025', 'giai đoạn 2026 – 2030', 'đợt 1', 'đợt 2', 'tháng cao điểm'];
const SENDERS = ['Ủy ban nhân dân tỉnh', 'Tỉnh ủy', 'Bộ Công an', 'Bộ Quốc phòng', 'Văn phòng Chính phủ', 'Bộ Nội vụ', 'Bộ Tài chính', 'Quân khu 1', 'Ban Chỉ đạo công tác bảo vệ bí mật nhà nước tỉnh', 'Công an tỉnh', 'Sở Nội vụ', 'Thanh tra Chính phủ'];
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý', 'Đào', 'Trịnh', 'Phan'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc', 'Hữu', 'Thanh', 'Xuân'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hằng', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Ngân', 'Phong', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Việt', 'Yến'];
const STATUSES: Array<[string, number]> = [['RECEIVED', 0.55], ['SENT', 0.15], ['REGISTERED', 0.08], ['DECLASSIFIED', 0.08], ['DESTROYED', 0.05], ['TAKEN_OUT', 0.03], ['RECEIVED_UNOPENED', 0.02], ['DETERMINED', 0.02], ['REGISTERED_OUT', 0.01], ['LOST', 0.005], ['DISCLOSED', 0.005]];
const FORMS = ['PAPER_DOC', 'PAPER_DOC', 'PAPER_DOC', 'E_DOC', 'E_DOC', 'DIGITISED_E_DOC', 'OBJECT'];

type Row = Record<string, string | number | null>;

/** Inserts rows of one table in big batches, the fast way for each database. */
function batchWriter(target: Target, table: string, columns: string[], pgTypes: string[], batchSize: number, parent?: { end: () => Promise<void> }) {
  let buffer: Row[] = [];
  let pending: Promise<unknown> = Promise.resolve();
  const { sqlite, pg: client } = target;
  const insert = sqlite?.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
  const writeSqlite = sqlite?.transaction((rows: Row[]) => {
    for (const r of rows) insert!.run(columns.map((c) => r[c] ?? null));
  });
  const text = `insert into ${table} (${columns.join(', ')}) select * from unnest(${columns.map((_, i) => `$${i + 1}::${pgTypes[i]}[]`).join(', ')})`;
  const flush = async () => {
    if (buffer.length === 0) return;
    // Rows that reference the parent table's rows go in after them (foreign keys).
    if (parent) await parent.end();
    const rows = buffer;
    buffer = [];
    if (writeSqlite) {
      writeSqlite(rows);
      return;
    }
    // One statement per batch; the next batch is built while this one runs.
    await pending;
    pending = client!.query(text, columns.map((c) => rows.map((r) => r[c] ?? null)));
  };
  return {
    add: async (row: Row) => {
      buffer.push(row);
      if (buffer.length >= batchSize) await flush();
    },
    end: async () => {
      await flush();
      await pending;
    },
  };
}

/** Where the rows go: the raw SQLite connection, or a PostgreSQL client. */
export type Target = { sqlite?: SQLite.Database; pg?: pg.Client };

export async function generateRegister(handle: Target, { items: itemCount, seed = 20251123, log = console.log }: { items: number; seed?: number; log?: (s: string) => void }): Promise<GeneratedRegister> {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const id = (prefix: string) => {
    let s = `${prefix}_`;
    for (let i = 0; i < 20; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
    return s;
  };
  const iso = '2020-01-01T00:00:00.000Z';
  // A big page cache: ids are random, so index inserts land all over the file.
  if (handle.sqlite) handle.sqlite.pragma('synchronous = OFF');
  const cacheSize = handle.sqlite?.pragma('cache_size', { simple: true });
  if (handle.sqlite) handle.sqlite.pragma('cache_size = -1000000');
  if (handle.pg) await handle.pg.query('set synchronous_commit = off');

  // Units: the province, its departments with their offices, and the communes.
  const units: Row[] = [];
  const addUnit = (code: string, name: string, kind: string, parentId: string | null) => {
    const u = { id: id('unt'), code, name, name_folded: foldForSearch(name), kind, parent_id: parentId, valid_from: '2020-01-01', valid_to: null, successor_id: null, is_key_post: 0, note: null, created_at: iso, updated_at: iso };
    units.push(u);
    return u;
  };
  const province = addUnit('BENCH-TINH', 'Tỉnh Bắc Ninh', 'TINH', null);
  const departments = DEPARTMENTS.map(([code, name, symbol]) => {
    const dept = addUnit(`BENCH-${code}`, name, 'SO_BAN_NGANH', province.id as string);
    const offices = OFFICES.slice(0, 3 + Math.floor(rand() * 5)).map((o, i) => addUnit(`BENCH-${code}-P${i + 1}`, `${o} – ${name}`, 'PHONG_BAN', dept.id as string));
    return { dept, offices, symbol };
  });
  const communes = COMMUNES.flatMap((n, i) => [addUnit(`BENCH-XA${i + 1}`, `${i % 3 === 0 ? 'Phường' : 'Xã'} ${n}`, 'XA_PHUONG', province.id as string)]);

  // People: a few per unit; custodians and receivers are drawn from the unit's people.
  const people: Row[] = [];
  const peopleOf = new Map<string, string[]>();
  for (const u of units) {
    const n = u.kind === 'XA_PHUONG' ? 4 : 8;
    for (let i = 0; i < n; i++) {
      const fullName = `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
      const p = { id: id('psn'), unit_id: u.id, full_name: fullName, full_name_folded: foldForSearch(fullName), position: null, handles_secrets: 1, clearance: pick(['MAT', 'TOI_MAT', 'TUYET_MAT']), is_key_post: 0, created_at: iso, updated_at: iso };
      people.push(p);
      peopleOf.set(u.id as string, [...(peopleOf.get(u.id as string) ?? []), p.id]);
    }
  }
  const unitWriter = batchWriter(handle, 'units', Object.keys(units[0]!), ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'text', 'text', 'text'], 1000);
  for (const u of units) await unitWriter.add(u);
  await unitWriter.end();
  const peopleWriter = batchWriter(handle, 'people', Object.keys(people[0]!), ['text', 'text', 'text', 'text', 'text', 'int', 'text', 'int', 'text', 'text'], 1000);
  for (const p of people) await peopleWriter.add(p);
  await peopleWriter.end();

  // Where items go: the two book units get fixed incoming books for BOOK_YEAR, the rest is
  // spread with a skew (big departments hold much more than a commune).
  const bigBook = departments[0]!; // Văn phòng Tỉnh ủy
  const smallBook = departments[1]!; // Văn phòng UBND tỉnh
  const search = departments[2]!; // Công an tỉnh
  const typical = departments[5]!; // Sở Nội vụ
  const bigBookLines = Math.min(100_000, Math.floor(itemCount / 5));
  const smallBookLines = Math.min(10_000, Math.floor(itemCount / 50));
  const weighted: Array<{ unitId: string; symbol: string; w: number }> = [];
  departments.forEach((d, i) => {
    // The two book units receive only their fixed books.
    if (i < 2) return;
    const w = 1 / i;
    weighted.push({ unitId: d.dept.id as string, symbol: d.symbol, w: w * 2 });
    for (const o of d.offices) weighted.push({ unitId: o.id as string, symbol: d.symbol, w: w / 2 });
  });
  for (const c of communes) weighted.push({ unitId: c.id as string, symbol: 'UBND', w: 0.01 });
  const totalW = weighted.reduce((s, x) => s + x.w, 0);
  let acc = 0;
  const cumulative = weighted.map((x) => (acc += x.w / totalW));
  const pickUnit = () => {
    const r = rand();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return weighted[lo]!;
  };
  const pickStatus = () => {
    let r = rand();
    for (const [s, p] of STATUSES) if ((r -= p) < 0) return s;
    return 'RECEIVED';
  };

  const itemCols = ['id', 'unit_id', 'level', 'so_ky_hieu', 'so_ky_hieu_folded', 'trich_yeu', 'trich_yeu_folded', 'trich_yeu_consent_by', 'custodian_id', 'status', 'form', 'sender', 'document_date', 'copies', 'recall_deadline', 'protection_end', 'storage_location', 'created_by', 'created_at', 'updated_at'];
  const itemTypes = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'text', 'text', 'text', 'text', 'text', 'text'];
  const eventCols = ['id', 'unit_id', 'item_id', 'type', 'occurred_at', 'recorded_at', 'actor_id', 'data', 'corrects_event_id', 'book', 'book_year', 'book_serial'];
  const eventTypes = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'int'];
  const itemWriter = batchWriter(handle, 'items', itemCols, itemTypes, 5000);
  const eventWriter = batchWriter(handle, 'item_events', eventCols, eventTypes, 10000, itemWriter);
  const serials = new Map<string, number>();
  const nextSerial = (unitId: string, book: string, year: number) => {
    const key = `${unitId}|${book}|${year}`;
    const n = (serials.get(key) ?? 0) + 1;
    serials.set(key, n);
    return n;
  };
  const yearOf = (isoAt: string) => new Date(Date.parse(isoAt) + 7 * 3600_000).getUTCFullYear();

  // Items are registered in time order over 2020-01-01 … 2026-11-20 (rowid follows time, as in
  // a real register); the book units' BOOK_YEAR lines are interleaved in their year.
  const start = Date.parse('2020-01-01T01:00:00Z');
  const end = Date.parse('2026-11-20T10:00:00Z');
  const yearStart = Date.parse(`${BOOK_YEAR - 1}-12-31T17:00:00Z`);
  const yearEnd = Date.parse(`${BOOK_YEAR}-12-31T16:00:00Z`);
  const inYearShare = (yearEnd - yearStart) / (end - start);
  const spread = itemCount - bigBookLines - smallBookLines;
  const inYear = Math.round(spread * inYearShare);
  const timeline: Array<{ t: number; forced: 'big' | 'small' | null }> = [];
  // Build the plan lazily per slot to keep memory small: a slot index → time mapping.
  let events = 0;
  let itemsInSearchScope = 0;
  const searchScope = new Set([search.dept.id as string, ...search.offices.map((o) => o.id as string)]);
  const t0 = performance.now();
  let made = 0;
  const emit = async (t: number, forced: 'big' | 'small' | null) => {
    const target = forced === 'big' ? { unitId: bigBook.dept.id as string, symbol: bigBook.symbol } : forced === 'small' ? { unitId: smallBook.dept.id as string, symbol: smallBook.symbol } : pickUnit();
    const unitId = target.unitId;
    if (searchScope.has(unitId)) itemsInSearchScope++;
    const staff = peopleOf.get(unitId)!;
    const created = new Date(t).toISOString();
    const year = yearOf(created);
    const r = rand();
    const level = r < 0.7 ? 'MAT' : r < 0.95 ? 'TOI_MAT' : 'TUYET_MAT';
    const [docType, docSymbol] = pick(DOC_TYPES);
    const title = `${docType} ${pick(VERBS)} ${pick(TOPICS)}${rand() < 0.6 ? ` ${pick(SCOPES)}` : ''}`;
    const soKyHieu = `${1 + Math.floor(rand() * 3000)}/${docSymbol}-${target.symbol}`;
    const trichYeu = level === 'TUYET_MAT' ? null : title;
    const status = forced ? 'RECEIVED' : pickStatus();
    const custodian = pick(staff);
    const itemId = id('itm');
    const documentDate = new Date(t - Math.floor(rand() * 5) * 86400_000).toISOString().slice(0, 10);
    const protectionEnd = `${year + (level === 'MAT' ? 10 : level === 'TOI_MAT' ? 20 : 30)}-${documentDate.slice(5)}`;
    await itemWriter.add({ id: itemId, unit_id: unitId, level, so_ky_hieu: soKyHieu, so_ky_hieu_folded: foldForSearch(soKyHieu), trich_yeu: trichYeu, trich_yeu_folded: trichYeu ? foldForSearch(trichYeu) : null, trich_yeu_consent_by: null, custodian_id: custodian, status, form: pick(FORMS), sender: pick(SENDERS), document_date: documentDate, copies: 1 + Math.floor(rand() * 3), recall_deadline: null, protection_end: protectionEnd, storage_location: rand() < 0.9 ? `Phòng ${100 + Math.floor(rand() * 300)}, tủ sắt số ${1 + Math.floor(rand() * 6)}` : null, created_by: 'acc_bench', created_at: created, updated_at: created });
    made++;
    // The events: how the item came in, then what happened to it (≈ 5 per item).
    let at = t;
    const event = async (type: string, data: unknown, book: string | null) => {
      const when = new Date(at).toISOString();
      const y = yearOf(when);
      events++;
      await eventWriter.add({ id: id('evt'), unit_id: unitId, item_id: itemId, type, occurred_at: when, recorded_at: when, actor_id: 'acc_bench', data: JSON.stringify(data), corrects_event_id: null, book, book_year: book ? y : null, book_serial: book ? nextSerial(unitId, book, y) : null });
      at += (1 + Math.floor(rand() * 20)) * 3600_000;
    };
    const outgoing = !forced && (status === 'SENT' || status === 'REGISTERED_OUT' || status === 'DETERMINED' || status === 'REGISTERED');
    if (outgoing) {
      await event('PROPOSED', { proposedBy: custodian, level, citedRefs: ['DM-01'], recipients: 2, copies: 2, copyPermitted: false }, null);
      await event('DETERMINED', { determinedBy: pick(staff), level, protectionEnd, rule: 'R9.1', legalBasis: 'Luật Bảo vệ bí mật nhà nước 2018, Điều 19', confirmed: true }, null);
      if (status === 'SENT' || status === 'REGISTERED_OUT') await event('REGISTERED_OUTGOING', { soKyHieu, documentDate, envelopeMark: level === 'MAT' ? 'C' : level === 'TOI_MAT' ? 'B' : 'A', doubleEnvelope: level === 'TUYET_MAT', recipients: [pick(SENDERS)] }, 'DI');
      if (status === 'SENT') await event('SENT', { sentBy: pick(staff) }, null);
    } else {
      await event('RECEIVED', { sender: pick(SENDERS), receivedBy: pick(staff), condition: { envelopeIntact: true, countMatches: true, packagingCorrect: true }, namedRecipientId: null, opened: true, recallDeadline: null, copies: 1, note: null }, 'DEN');
    }
    const more = forced ? 4 : outgoing ? 1 + Math.floor(rand() * 3) : 3 + Math.floor(rand() * 3);
    for (let k = 0; k < more; k++) {
      const r2 = rand();
      if (r2 < 0.7) await event('HANDED_OVER', { fromPersonId: custodian, toPersonId: pick(staff), toUnitId: unitId, note: null }, 'CHUYEN_GIAO');
      else if (r2 < 0.85) await event('NOTICE_SENT', { kind: 'EXPIRY_NOTICE', sentTo: pick(SENDERS), sentOn: new Date(at).toISOString().slice(0, 10) }, null);
      else await event('TAKEN_OUT', { requestId: 'rel_bench', returnDue: new Date(at + 7 * 86400_000).toISOString().slice(0, 10), previousStatus: 'RECEIVED' }, null);
    }
    if (made % 100_000 === 0) log(`  ${made} items, ${events} events (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  };

  // Slots in time order: before the book year, the book year (with the forced lines mixed in),
  // after it. Deterministic interleaving by the PRNG.
  const before = Math.round((spread - inYear) * ((yearStart - start) / (yearStart - start + end - yearEnd)));
  const after = spread - inYear - before;
  for (let i = 0; i < before; i++) await emit(start + ((yearStart - start) * i) / before, null);
  const yearSlots = inYear + bigBookLines + smallBookLines;
  let bigLeft = bigBookLines;
  let smallLeft = smallBookLines;
  for (let i = 0; i < yearSlots; i++) {
    const left = yearSlots - i;
    const r = rand() * left;
    const kind = r < bigLeft ? 'big' : r < bigLeft + smallLeft ? 'small' : null;
    if (kind === 'big') bigLeft--;
    if (kind === 'small') smallLeft--;
    await emit(yearStart + ((yearEnd - yearStart) * i) / yearSlots, kind);
  }
  for (let i = 0; i < after; i++) await emit(yearEnd + ((end - yearEnd) * i) / Math.max(after, 1), null);
  void timeline;
  await itemWriter.end();
  await eventWriter.end();
  if (handle.sqlite) handle.sqlite.pragma('synchronous = FULL');
  if (handle.sqlite) handle.sqlite.pragma(`cache_size = ${Number(cacheSize)}`);

  return {
    provinceId: province.id as string,
    bigBookUnitId: bigBook.dept.id as string,
    bigBookLines: serials.get(`${bigBook.dept.id}|DEN|${BOOK_YEAR}`) ?? 0,
    smallBookUnitId: smallBook.dept.id as string,
    smallBookLines: serials.get(`${smallBook.dept.id}|DEN|${BOOK_YEAR}`) ?? 0,
    searchUnitId: search.dept.id as string,
    searchSubtreeUnitIds: [...searchScope],
    typicalUnitId: typical.dept.id as string,
    units: units.length,
    people: people.length,
    items: made,
    events,
    itemsInSearchScope,
  };
}
