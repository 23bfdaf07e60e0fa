import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// A throw-away PostgreSQL server for tests: initdb into a temporary folder, start on a free
// loopback port, remove everything afterwards. initdb refuses to run as root, so as root it
// runs as the `postgres` user (DESIGN.md §8).

function findBinary(name: string): string {
  const candidates = fs.existsSync('/usr/lib/postgresql')
    ? fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)).map((v) => `/usr/lib/postgresql/${v}/bin/${name}`)
    : [];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  const which = spawnSync('which', [name], { encoding: 'utf8' });
  if (which.status === 0) return which.stdout.trim();
  throw new Error(`PostgreSQL's ${name} was not found: run scripts/ensure-system-deps.sh (installs postgresql)`);
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type ThrowawayPostgres = { url: string; stop: () => void };

/**
 * `keepIn`: a folder kept between runs (the register bench reuses a generated register): the
 * cluster is created there on first use, started again later, and stopped without removal.
 */
export async function startThrowawayPostgres({ keepIn }: { keepIn?: string } = {}): Promise<ThrowawayPostgres> {
  const initdb = findBinary('initdb');
  const pgCtl = findBinary('pg_ctl');
  if (keepIn) fs.mkdirSync(keepIn, { recursive: true });
  const dir = keepIn ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bmnn-pg-'));
  const dataDir = path.join(dir, 'data');
  const isRoot = process.getuid?.() === 0;
  const run = (bin: string, args: string[]) => {
    if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: 'pipe' });
    else execFileSync(bin, args, { stdio: 'pipe' });
  };
  if (isRoot) execFileSync('chown', ['postgres:postgres', dir]);
  fs.chmodSync(dir, 0o700);
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) run(initdb, ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C.UTF-8']);
  const port = await findFreePort();
  run(pgCtl, ['-D', dataDir, '-l', path.join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        if (!keepIn) fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
