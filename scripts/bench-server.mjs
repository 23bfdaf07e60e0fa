#!/usr/bin/env node
// `npm run bench:server`: requests per second and p50/p99 latency of an authenticated list
// endpoint under 50 concurrent connections (autocannon), against a bare Fastify "hello" in the
// same run on the same machine; cold start time; idle memory. Writes bench/server-results.json.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'apps/cli/bin/bmnn.mjs');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 50;
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 2000);

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

function startBmnn(dataDir, port) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, 'serve', '--port', String(port)], { env: { ...process.env, BMNN_DATA_DIR: dataDir, BMNN_LOG_LEVEL: 'warn', BMNN_LOGIN_RATE_LIMIT: '100000' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('BMNN đang chạy tại')) resolve({ child, startMs: performance.now() - t0, out: () => out });
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

const stop = (child) => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM'))));
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function run(url, headers = {}) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bmnn-bench-'));
try {
  // Demo province plus PEOPLE people in one unit, created through the use cases.
  const demo = spawn(process.execPath, [bin, 'demo'], { env: { ...process.env, BMNN_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
  let demoOut = '';
  demo.stdout.on('data', (d) => (demoOut += d));
  await new Promise((r) => demo.once('exit', r));
  const password = /demo\.quantri\s+(\S+)/.exec(demoOut)[1];

  // Cold start: fresh process to "listening", five times.
  const starts = [];
  for (let i = 0; i < 5; i++) {
    const s = await startBmnn(dataDir, await freePort());
    starts.push(s.startMs);
    await stop(s.child);
  }

  const port = await freePort();
  const server = await startBmnn(dataDir, port);
  const base = `http://127.0.0.1:${port}`;
  await new Promise((r) => setTimeout(r, 3000));
  const idleRss = rssMb(server.child.pid);

  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo.quantri', password }) });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const { csrfToken } = await login.json();
  const units = (await (await fetch(`${base}/api/units`, { headers: { cookie } })).json()).units;
  const snv = units.find((u) => u.code === 'DEMO-SNV');
  for (let i = 0; i < PEOPLE; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, PEOPLE - i) }, (_, k) =>
        fetch(`${base}/api/people`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ fullName: `Cán bộ thử tải ${i + k}`, unitId: snv.id }) }),
      ),
    );
  }
  const listUrl = `${base}/api/units`;
  await run(listUrl, { cookie }); // warm-up
  const list = await run(listUrl, { cookie });
  const rssAfter = rssMb(server.child.pid);
  await stop(server.child);

  // Bare Fastify on the same Node, same machine, same run.
  const barePort = await freePort();
  const bare = spawn(process.execPath, ['-e', `const f=require('fastify')();f.get('/',async()=>({hello:'world'}));f.listen({port:${barePort},host:'127.0.0.1'}).then(()=>console.log('up'))`], { cwd: path.join(root, 'apps/server'), stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((r) => bare.stdout.once('data', r));
  await run(`http://127.0.0.1:${barePort}/`);
  const hello = await run(`http://127.0.0.1:${barePort}/`);
  await stop(bare);

  const results = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    endpoint: `GET /api/units (authenticated, ${units.length} units; ${PEOPLE} extra people in the database)`,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    list,
    bareFastifyHello: hello,
    ratio: list.rps / hello.rps,
    coldStartMs: { median: median(starts), all: starts.map((s) => Math.round(s)) },
    idleRssMb: Math.round(idleRss),
    rssAfterLoadMb: Math.round(rssAfter),
  };
  fs.mkdirSync(path.join(root, 'bench'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench/server-results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(JSON.stringify(results, null, 2));
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
