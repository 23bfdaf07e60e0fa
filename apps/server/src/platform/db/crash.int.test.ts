import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../testing/cli-runner.ts';
import { httpClient, startServerProcess, stopServerProcess, type ServerProcess } from '../../testing/server-process.ts';

const PASSWORD = 'Mat-khau-Rat-Manh-2026';
const ROUNDS = 5;

describe('crash safety on the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bmnn-crash-'));
  const guardReport = path.join(dataDir, 'network-guard.txt');
  let server: ServerProcess | undefined;
  afterAll(async () => {
    if (server) await stopServerProcess(server, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged write and an intact audit chain across ${ROUNDS} SIGKILLs in the middle of writes`, async () => {
    server = await startServerProcess({ dataDir, guardReport });
    const setup = await httpClient(server.baseUrl).call('POST', '/api/setup', { setupCode: server.setupCode, provinceName: 'Tỉnh Bắc Ninh', provinceCode: 'BN', username: 'quantri', fullName: 'Nguyễn Văn Quản', password: PASSWORD });
    expect(setup.status).toBe(200);
    const provinceId = (setup.json!.account as { unitId: string }).unitId;
    const acknowledged: string[] = [];

    for (let round = 0; round < ROUNDS; round++) {
      const client = httpClient(server.baseUrl);
      expect((await client.call('POST', '/api/auth/login', { username: 'quantri', password: PASSWORD })).status).toBe(200);
      let stop = false;
      // Four writers in parallel, each creating people as fast as the server answers.
      const writers = Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; !stop; i++) {
          try {
            const res = await client.call('POST', '/api/people', { fullName: `Cán bộ ${round}-${w}-${i}`, unitId: provinceId });
            if (res.status === 200) acknowledged.push((res.json!.person as { id: string }).id);
          } catch {
            return; // connection cut by the kill: this write was never acknowledged
          }
        }
      });
      await new Promise((r) => setTimeout(r, 300 + Math.floor(Math.random() * 500)));
      await stopServerProcess(server, 'SIGKILL');
      stop = true;
      await Promise.all(writers);
      server = await startServerProcess({ dataDir, guardReport });
    }

    const client = httpClient(server.baseUrl);
    await client.call('POST', '/api/auth/login', { username: 'quantri', password: PASSWORD });
    const people = (await client.call('GET', `/api/people?unitId=${provinceId}`)).json!.people as Array<{ id: string }>;
    const stored = new Set(people.map((p) => p.id));
    expect(acknowledged.length).toBeGreaterThan(ROUNDS * 4);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    await stopServerProcess(server);
    server = undefined;

    const verify = await runCli(['audit', 'verify'], { env: { BMNN_DATA_DIR: dataDir } });
    expect(verify.stdout).toMatch(/toàn vẹn/);
    expect(verify.code).toBe(0);
    expect(fs.existsSync(guardReport) ? fs.readFileSync(guardReport, 'utf8') : '').toBe('');
  }, 180_000);
});
