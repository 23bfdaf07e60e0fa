// `npm run bench:register [-- --items N] [--db sqlite,postgres] [--samples N]`: a province-sized
// register (default 1,000,000 items, ≈ 5 events each) generated into a temporary SQLite file and
// a throw-away PostgreSQL, then measured through the HTTP API of the real server (`bmnn serve`,
// a logged-in clerk, visibility rules on): item search p50/p95, XLSX export of a 100,000-line and
// a 10,000-line book with the server's peak memory, the yearly Thống kê as the screen asks for it
// (first page + summary of the year). Writes
// bench/register-results.json (only for full-size runs unless --write is given).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createPersonWithAccount } from '../../apps/server/src/modules/accounts/accounts.usecases.ts';
import { loadConfig } from '../../apps/server/src/platform/config.ts';
import { createContext } from '../../apps/server/src/platform/context.ts';
import { migrateTo, migrateToLatest, openDatabase } from '../../apps/server/src/platform/db/database.ts';
import { findFreePort, startThrowawayPostgres } from '../../apps/server/src/testing/postgres-server.ts';
import { BOOK_YEAR, generateRegister, type GeneratedRegister } from './generate.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'apps/cli/bin/bmnn.mjs');
const { values: args } = parseArgs({
  options: {
    items: { type: 'string', default: '1000000' },
    db: { type: 'string', default: 'sqlite,postgres' },
    samples: { type: 'string', default: '20' },
    write: { type: 'boolean', default: false },
    // Reuse a SQLite register generated before (make-sqlite.ts writes DIR/bmnn.sqlite and DIR/register.json).
    'sqlite-dir': { type: 'string' },
    // Keep the PostgreSQL register in DIR (created and generated on first use, reused after).
    'pg-dir': { type: 'string' },
    out: { type: 'string', default: 'bench/register-results.json' },
    // What to measure (all by default): search, dashboard, statistics, xlsx.
    only: { type: 'string', default: 'search,dashboard,statistics,xlsx' },
  },
});
const ITEMS = Number(args.items);
const SAMPLES = Number(args.samples);
const ONLY = new Set(args.only!.split(','));
const PASSWORD = 'Mat-khau-Bench-2026!';

type Client = { get: (url: string) => Promise<Response> };

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10;
};
const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
/** CPU time (user + system) the process has used, in ms: what a request costs, whatever else runs on the machine. */
const cpuMs = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function startServer(env: Record<string, string>) {
  const port = await findFreePort();
  const child = spawn(process.execPath, [bin, 'serve', '--port', String(port)], { cwd: root, env: { ...process.env, BMNN_LOG_LEVEL: 'warn', BMNN_LOGIN_RATE_LIMIT: '100000', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('BMNN đang chạy tại')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}
const stopServer = (child: ChildProcess) => new Promise<void>((r) => (child.exitCode !== null ? r() : (child.once('exit', () => r()), child.kill('SIGTERM'))));

async function login(base: string, username: string): Promise<Client> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return {
    get: async (url: string) => {
      const r = await fetch(base + url, { headers: { cookie } });
      if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`);
      return r;
    },
  };
}

function searchCases(g: GeneratedRegister) {
  return [
    { name: 'common words, level + status', q: 'ke hoach', level: 'MAT', status: 'RECEIVED' },
    { name: 'phrase, level + status', q: 'bi mat nha nuoc', level: 'TOI_MAT', status: 'RECEIVED' },
    { name: 'typed with accents, level + status', q: 'Phòng cháy', level: 'MAT', status: 'RECEIVED' },
    { name: 'rarer phrase, level + status', q: 'dien tap khu vuc phong thu', level: 'MAT', status: 'SENT' },
    { name: 'số ký hiệu fragment, level + status', q: '125/kh', level: 'MAT', status: 'RECEIVED' },
    { name: 'words, unit + level', q: 'an ninh mang', unitId: g.searchUnitId, level: 'MAT' },
    { name: 'rare words, unit + level', q: 'vat lieu no', unitId: g.searchUnitId, level: 'TOI_MAT' },
    { name: 'no match, level + status', q: 'tau ngam hat nhan', level: 'MAT', status: 'RECEIVED' },
    { name: 'two letters (fallback), level + status', q: 'qd', level: 'MAT', status: 'RECEIVED' },
  ].map(({ name, ...query }) => ({ name, url: `/api/items?${new URLSearchParams({ ...query, page: '1', pageSize: '50' })}` }));
}

async function measureSearch(clerk: Client, g: GeneratedRegister, serverPid: number) {
  const all: number[] = [];
  const cpuAll: number[] = [];
  const cases = [];
  for (const c of searchCases(g)) {
    const times: number[] = [];
    let body: { total: number; items: unknown[]; totalCapped?: boolean } = { total: 0, items: [] };
    let cpu0 = 0;
    for (let i = 0; i < SAMPLES + 2; i++) {
      if (i === 2) cpu0 = cpuMs(serverPid);
      const t0 = performance.now();
      body = (await (await clerk.get(c.url)).json()) as typeof body;
      const ms = performance.now() - t0;
      if (i >= 2) times.push(ms);
    }
    const cpuPerRequest = Math.round(((cpuMs(serverPid) - cpu0) / SAMPLES) * 10) / 10;
    all.push(...times);
    cpuAll.push(cpuPerRequest);
    cases.push({ name: c.name, url: c.url, total: body.total, totalCapped: body.totalCapped ?? false, firstPage: body.items.length, p50: percentile(times, 50), p95: percentile(times, 95), serverCpuMsPerRequest: cpuPerRequest });
    console.log(`  ${c.name}: p50 ${percentile(times, 50)} ms, p95 ${percentile(times, 95)} ms, server CPU ${cpuPerRequest} ms/request (total ${body.total}${body.totalCapped ? '+' : ''})`);
  }
  return { p50: percentile(all, 50), p95: percentile(all, 95), serverCpuMsPerRequestMean: Math.round((cpuAll.reduce((a, b) => a + b, 0) / cpuAll.length) * 10) / 10, samplesPerQuery: SAMPLES, cases };
}

/** One export per fresh server process, so that the process's peak RSS belongs to that export. */
async function measureExport(env: Record<string, string>, username: string, unitId: string, lines: number, heapLimitMb?: number) {
  const server = await startServer(heapLimitMb ? { ...env, NODE_OPTIONS: `--max-old-space-size=${heapLimitMb}` } : env);
  try {
    const clerk = await login(server.base, username);
    await clerk.get(`/api/items?pageSize=1`);
    const rssBefore = rssMb(server.child.pid!);
    const cpu0 = cpuMs(server.child.pid!);
    const t0 = performance.now();
    const res = await clerk.get(`/api/books/den/export?unitId=${unitId}&year=${BOOK_YEAR}&format=xlsx`);
    let bytes = 0;
    for await (const chunk of res.body!) bytes += (chunk as Uint8Array).length;
    const seconds = (performance.now() - t0) / 1000;
    const peak = peakRssMb(server.child.pid!);
    const cpuSeconds = (cpuMs(server.child.pid!) - cpu0) / 1000;
    console.log(`  XLSX ${lines} lines${heapLimitMb ? ` (server heap limited to ${heapLimitMb} MB)` : ''}: ${seconds.toFixed(2)} s, server CPU ${cpuSeconds.toFixed(1)} s, ${(bytes / 2 ** 20).toFixed(1)} MB, server RSS ${rssBefore.toFixed(0)} → peak ${peak.toFixed(0)} MB`);
    return { lines, heapLimitMb: heapLimitMb ?? null, seconds: Math.round(seconds * 100) / 100, serverCpuSeconds: Math.round(cpuSeconds * 10) / 10, fileMb: Math.round((bytes / 2 ** 20) * 10) / 10, serverRssBeforeMb: Math.round(rssBefore), serverPeakRssMb: Math.round(peak) };
  } catch (error) {
    console.log(`  XLSX ${lines} lines${heapLimitMb ? ` (server heap limited to ${heapLimitMb} MB)` : ''}: FAILED ${(error as Error).message}`);
    return { lines, heapLimitMb: heapLimitMb ?? null, failed: (error as Error).message };
  } finally {
    await stopServer(server.child);
  }
}

/** The clerk's home page ("Việc cần làm"): every deadline list over the whole scope. */
async function measureDashboard(clerk: Client, serverPid: number) {
  const times: number[] = [];
  let cpu0 = 0;
  for (let i = 0; i < SAMPLES + 2; i++) {
    if (i === 2) cpu0 = cpuMs(serverPid);
    const t0 = performance.now();
    await (await clerk.get('/api/dashboard')).json();
    if (i >= 2) times.push(performance.now() - t0);
  }
  const cpu = Math.round(((cpuMs(serverPid) - cpu0) / SAMPLES) * 10) / 10;
  console.log(`  dashboard ("Việc cần làm") of the clerk of Công an tỉnh: p50 ${percentile(times, 50)} ms, p95 ${percentile(times, 95)} ms, server CPU ${cpu} ms/request`);
  return { p50: percentile(times, 50), p95: percentile(times, 95), serverCpuMsPerRequest: cpu };
}

/** Median wall time and server CPU of one on-screen request, after a warm-up. */
async function timeRequest<T>(clerk: Client, url: string, serverPid: number, runs = 5) {
  const times: number[] = [];
  let body = (await (await clerk.get(url)).json()) as T;
  const cpu0 = cpuMs(serverPid);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    body = (await (await clerk.get(url)).json()) as T;
    times.push(performance.now() - t0);
  }
  return { body, medianMs: percentile(times, 50), maxMs: percentile(times, 100), serverCpuMsPerRequest: Math.round((cpuMs(serverPid) - cpu0) / runs) };
}

/**
 * The Thống kê of a year as the screen asks for it (issue #3): its first page of lines with the
 * summary of the whole year (counts by level, form, status; copies) computed by the database.
 * Also a filtered page (level + search without accents) and the last page (the deepest offset).
 */
async function measureStatistics(clerk: Client, unitId: string, label: string, serverPid: number) {
  type View = { lines: unknown[]; total: number; summary: { items: number } };
  const url = (query: Record<string, string>) => `/api/books/thong-ke?${new URLSearchParams({ unitId, year: String(BOOK_YEAR), ...query })}`;
  const first = await timeRequest<View>(clerk, url({ page: '1', pageSize: '50' }), serverPid);
  const lines = first.body.summary.items;
  const filtered = await timeRequest<View>(clerk, url({ page: '1', pageSize: '50', level: 'MAT', q: 'ke hoach' }), serverPid);
  const lastPage = await timeRequest<View>(clerk, url({ page: String(Math.max(1, Math.ceil(lines / 50))), pageSize: '50' }), serverPid);
  console.log(`  Thống kê ${BOOK_YEAR} (${label}, ${lines} lines): first page + summary median ${first.medianMs} ms, server CPU ${first.serverCpuMsPerRequest} ms/request; filtered (Mật, "ke hoach": ${filtered.body.total} lines) ${filtered.medianMs} ms; last page ${lastPage.medianMs} ms`);
  return {
    unit: label,
    lines,
    medianMs: first.medianMs,
    maxMs: first.maxMs,
    serverCpuMsPerRequest: first.serverCpuMsPerRequest,
    filtered: { query: 'level=MAT&q=ke hoach', total: filtered.body.total, medianMs: filtered.medianMs, serverCpuMsPerRequest: filtered.serverCpuMsPerRequest },
    lastPage: { medianMs: lastPage.medianMs, serverCpuMsPerRequest: lastPage.serverCpuMsPerRequest },
  };
}

async function benchOne(kind: 'sqlite' | 'postgres') {
  console.log(`\n== ${kind}: generating ${ITEMS} items`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bmnn-bench-register-'));
  const pgDir = kind === 'postgres' ? args['pg-dir'] : undefined;
  const pgServer = kind === 'postgres' ? await startThrowawayPostgres({ keepIn: pgDir }) : null;
  const pgRegister = pgDir ? path.join(pgDir, 'register.json') : null;
  try {
    const env: Record<string, string> = { BMNN_DATA_DIR: dataDir, ...(pgServer ? { DATABASE_URL: pgServer.url } : {}) };
    const reuse = kind === 'sqlite' && args['sqlite-dir'] ? args['sqlite-dir'] : null;
    const pgReused = pgRegister !== null && fs.existsSync(pgRegister);
    const handle = openDatabase({ url: pgServer?.url, dataDir: reuse ?? dataDir });
    // The data goes in before migration 0014, which then indexes a full register (as an upgrade would).
    if (!reuse && !pgReused) await migrateTo(handle.db, '0011-copies');
    const t0 = performance.now();
    let g: GeneratedRegister;
    if (reuse) {
      g = JSON.parse(fs.readFileSync(path.join(reuse, 'register.json'), 'utf8')) as GeneratedRegister;
      env.BMNN_DATA_DIR = reuse;
    } else if (pgReused) {
      g = JSON.parse(fs.readFileSync(pgRegister!, 'utf8')) as GeneratedRegister;
    } else if (pgServer) {
      const client = new pg.Client({ connectionString: pgServer.url });
      await client.connect();
      g = await generateRegister({ pg: client }, { items: ITEMS });
      await client.query('vacuum analyze');
      await client.end();
      if (pgRegister) fs.writeFileSync(pgRegister, JSON.stringify(g));
    } else {
      g = await generateRegister({ sqlite: handle.sqlite! }, { items: ITEMS });
    }
    const generationSeconds = (performance.now() - t0) / 1000;
    console.log(`  generated ${g.items} items, ${g.events} events in ${generationSeconds.toFixed(0)} s${reuse || pgReused ? ' (reused)' : ''}`);
    const m0 = performance.now();
    await migrateToLatest(handle.db);
    const migrationSeconds = (performance.now() - m0) / 1000;
    console.log(`  migrations after the data (0014: search index and list indexes): ${migrationSeconds.toFixed(0)} s`);
    const ctx = createContext({ handle, config: loadConfig({ ...process.env, ...env }) });
    const accounts = [
      { username: 'bench.cat', unitId: g.searchUnitId },
      { username: 'bench.vptu', unitId: g.bigBookUnitId },
      { username: 'bench.vpub', unitId: g.smallBookUnitId },
      { username: 'bench.snv', unitId: g.typicalUnitId },
    ];
    for (const a of accounts) if (!(await handle.db.selectFrom('accounts').select('id').where('username', '=', a.username).executeTakeFirst())) await createPersonWithAccount(ctx, { username: a.username, fullName: `Văn thư ${a.username}`, unitId: a.unitId, roles: ['VAN_THU'], clearance: 'TUYET_MAT', password: PASSWORD });
    await handle.close();
    const dbBytes = kind === 'sqlite' ? fs.statSync(path.join(reuse ?? dataDir, 'bmnn.sqlite')).size : 0;

    const server = await startServer(env);
    let search;
    let dashboard;
    let statistics;
    try {
      const clerk = await login(server.base, 'bench.cat');
      console.log(`  search as the clerk of Công an tỉnh (${g.itemsInSearchScope} items in scope)`);
      if (ONLY.has('search')) search = await measureSearch(clerk, g, server.child.pid!);
      if (ONLY.has('dashboard')) dashboard = await measureDashboard(clerk, server.child.pid!);
      if (ONLY.has('statistics')) statistics = [
        await measureStatistics(await login(server.base, 'bench.snv'), g.typicalUnitId, 'Sở Nội vụ', server.child.pid!),
        await measureStatistics(await login(server.base, 'bench.vpub'), g.smallBookUnitId, 'Văn phòng UBND tỉnh', server.child.pid!),
        await measureStatistics(await login(server.base, 'bench.vptu'), g.bigBookUnitId, 'Văn phòng Tỉnh ủy', server.child.pid!),
      ];
    } finally {
      await stopServer(server.child);
    }
    // The 100,000-line export once more with the server's heap limited to 128 MB: it completes only
    // if the export streams (the lines are never all in memory).
    const xlsx = !ONLY.has('xlsx') ? undefined : [await measureExport(env, 'bench.vpub', g.smallBookUnitId, g.smallBookLines), await measureExport(env, 'bench.vptu', g.bigBookUnitId, g.bigBookLines), await measureExport(env, 'bench.vptu', g.bigBookUnitId, g.bigBookLines, 128)];
    return { kind, generated: { ...g, searchSubtreeUnitIds: undefined, seconds: reuse || pgReused ? 'reused from an earlier run of the same generator' : Math.round(generationSeconds), migration0014Seconds: Math.round(migrationSeconds), sqliteFileMb: dbBytes ? Math.round(dbBytes / 2 ** 20) : undefined }, search, dashboard, xlsx, statistics };
  } finally {
    pgServer?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const results = [];
for (const kind of args.db!.split(',') as Array<'sqlite' | 'postgres'>) results.push(await benchOne(kind));
const out = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version} — shared with other jobs during the run`,
  items: ITEMS,
  aims: { searchP95Ms: { sqlite: 25, postgres: 40 }, xlsx100kSeconds: 10, yearlyStatisticsSeconds: 1 },
  results,
};
console.log(JSON.stringify(out, null, 2));
if (ITEMS >= 1_000_000 || args.write) {
  fs.writeFileSync(path.resolve(root, args.out!), JSON.stringify(out, null, 2) + '\n');
  console.log(`written to ${args.out}`);
}
