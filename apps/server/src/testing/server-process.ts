import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './cli-runner.ts';
import { findFreePort } from './postgres-server.ts';

export type ServerProcess = { child: ChildProcess; baseUrl: string; setupCode: string | null; output: () => string };

/**
 * Starts the real server (`bmnn serve`) as a child process on a free port, with the network
 * guard preloaded so that any outbound connection attempt is refused and reported.
 */
export async function startServerProcess({ dataDir, env = {}, guardReport }: { dataDir: string; env?: Record<string, string>; guardReport?: string }): Promise<ServerProcess> {
  const port = await findFreePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', path.join(REPO_ROOT, 'apps/server/src/testing/network-guard.ts'), path.join(REPO_ROOT, 'apps/cli/bin/bmnn.mjs'), 'serve', '--port', String(port)],
    { cwd: REPO_ROOT, env: { ...process.env, BMNN_DATA_DIR: dataDir, BMNN_LOG_LEVEL: 'warn', BMNN_LOGIN_RATE_LIMIT: '1000', ...(guardReport ? { BMNN_NETWORK_GUARD_REPORT: guardReport } : {}), ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const check = () => {
      if (output.includes('BMNN đang chạy tại')) {
        // The setup code line follows right after the address line.
        setTimeout(() => {
          clearTimeout(timer);
          resolve();
        }, 50);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const setupCode = /Mã thiết lập lần đầu: (\S+)/.exec(output)?.[1] ?? null;
  return { child, baseUrl: `http://127.0.0.1:${port}`, setupCode, output: () => output };
}

export async function stopServerProcess(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill(signal);
  });
}

/** A tiny cookie-keeping JSON client for a real server. */
export function httpClient(baseUrl: string) {
  let cookie = '';
  let csrf = '';
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(baseUrl + url, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie ? { cookie } : {}), ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    if (json && typeof json.csrfToken === 'string') csrf = json.csrfToken;
    return { status: res.status, json };
  };
  return { call };
}
