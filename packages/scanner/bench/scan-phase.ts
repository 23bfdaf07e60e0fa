// One measured phase of the bench, run in its own process so that its peak memory is its own:
// scans the files listed in a file with the worker pool and prints one JSON line.
import { readFileSync } from 'node:fs';
import { createScanPool } from '../src/scan/pool.ts';
import { DEFAULT_LIMITS } from '../src/scanner.types.ts';

const [listFile, jobs, cacheDir] = process.argv.slice(2);
const files = readFileSync(listFile as string, 'utf8').split('\n').filter(Boolean);
const started = performance.now();
const pool = createScanPool({ jobs: Number(jobs), limits: DEFAULT_LIMITS, ocr: true, cacheDir: cacheDir === '-' ? undefined : cacheDir });
const results = await Promise.all(files.map((f) => pool.scan(f)));
await pool.close();
const seconds = (performance.now() - started) / 1000;
const decisions = { block: 0, review: 0, pass: 0 };
for (const r of results) decisions[r.decision]++;
process.stdout.write(
  JSON.stringify({
    files: results.length,
    bytes: results.reduce((a, r) => a + r.size, 0),
    seconds,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    // This process' own CPU (main thread and workers), without the tools it started (tesseract, pdftoppm).
    ownCpu: ((usage) => (usage.user + usage.system) / 1e6)(process.cpuUsage()),
    decisions,
    cached: results.filter((r) => r.cached).length,
    problems: results.filter((r) => r.problems.length > 0).map((r) => `${r.path}: ${r.problems.map((p) => p.code).join(',')}`).slice(0, 5),
  }) + '\n',
);
