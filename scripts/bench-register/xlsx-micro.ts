// Experiment: writeBookXlsx alone on N synthetic lines (no database), time and peak memory.
import { Writable } from 'node:stream';
import { templateFor } from '@bmnn/rules';
import { writeBookXlsx } from '../../apps/server/src/modules/books/books.export.ts';
const n = Number(process.argv[2] ?? 100000);
const template = templateFor({ book: 'SO_DEN', date: '2025-12-31' });
// Pages of 2,000 lines with a turn of the event loop between them, as when read from the database.
async function* rows() {
  for (let i = 1; i <= n; i++) {
    if (i % 2000 === 0) await new Promise((r) => setImmediate(r));
    yield { incomingNo: i, receivedDate: '02/01/2025', sender: 'Ủy ban nhân dân tỉnh', soKyHieu: `${i}/CV-UBND`, documentDate: '01/01/2025', trichYeu: `Kế hoạch triển khai công tác bảo vệ bí mật nhà nước năm 2025 số ${i}`, level: 'Mật', receiver: 'Nguyễn Văn An', signature: '', conditionCheck: 'Nguyên vẹn', recallDeadline: '', form: '', notes: null };
  }
}
let bytes = 0;
let peak = 0;
let peakExternal = 0;
const timer = setInterval(() => {
  const m = process.memoryUsage();
  peak = Math.max(peak, m.rss);
  peakExternal = Math.max(peakExternal, m.external + m.arrayBuffers);
}, 50);
const t0 = performance.now();
await writeBookXlsx({ template, unitName: 'Văn phòng Tỉnh ủy', year: 2025, rows: rows(), highestLevel: 'MAT', printedAt: '23/11/2026', printedBy: 'x' }, new Writable({ write(c, _e, cb) { bytes += c.length; cb(); } }));
clearInterval(timer);
console.log(JSON.stringify({ n, seconds: (performance.now() - t0) / 1000, mb: bytes / 2 ** 20, peakRssMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20, peakExternalMb: peakExternal / 2 ** 20 }));
