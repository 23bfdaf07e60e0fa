import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDemoProvince, loadConfig, openContext } from '@bmnn/server';
import type {} from '../../server/src/testing/pg-global-setup.ts';
import { runCli } from '../../server/src/testing/cli-runner.ts';
import { computeRecordHash } from '../../server/src/modules/audit/audit.chain.ts';

type Target = { env: Record<string, string>; cleanup: () => Promise<void> };
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** A fresh, empty installation of the given kind: a data folder, or a new PostgreSQL database. */
async function newTarget(kind: 'sqlite' | 'postgres'): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bmnn-cli-'));
  const env: Record<string, string> = { BMNN_DATA_DIR: dataDir, DATABASE_URL: '' };
  let dropDb = async () => {};
  if (kind === 'postgres') {
    const admin = inject('pgUrl');
    const name = `bmnn_cli_${randomBytes(5).toString('hex')}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    env.DATABASE_URL = admin.replace(/\/postgres$/, `/${name}`);
    dropDb = async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    };
  }
  const target = { env, cleanup: async () => { await dropDb(); fs.rmSync(dataDir, { recursive: true, force: true }); } };
  cleanups.push(target.cleanup);
  return target;
}

async function withTargetContext<T>(target: Target, fn: (ctx: Awaited<ReturnType<typeof openContext>>) => Promise<T>): Promise<T> {
  const ctx = await openContext(loadConfig({ ...process.env, ...target.env }));
  try {
    return await fn(ctx);
  } finally {
    await ctx.handle.close();
  }
}

async function demoTarget(kind: 'sqlite' | 'postgres') {
  const target = await newTarget(kind);
  await withTargetContext(target, (ctx) => createDemoProvince(ctx));
  return target;
}

describe.each(['sqlite', 'postgres'] as const)('bmnn audit verify on %s', (kind) => {
  it('reports an intact trail with exit code 0', async () => {
    const target = await demoTarget(kind);
    const res = await runCli(['audit', 'verify'], { env: target.env });
    expect(res.stdout).toMatch(/Tất cả \d+ chuỗi nhật ký toàn vẹn/);
    expect(res.code).toBe(0);
  });

  // Each attack is raw SQL on the chain of the demo's Sở Nội vụ, which has several records.
  const attacks: Array<{ name: string; label: string; kind: string; sql: (chain: string) => string[]; forge?: boolean }> = [
    { name: 'an edited record', label: 'bản ghi bị sửa', kind: 'EDITED', sql: (c) => [`update audit_records set actor_id = 'acc_attacker000000000' where chain = '${c}' and seq = 2`] },
    { name: 'a deleted record', label: 'bản ghi bị xóa', kind: 'DELETED', sql: (c) => [`delete from audit_records where chain = '${c}' and seq = 2`] },
    {
      name: 'an inserted record',
      label: 'bản ghi bị chèn thêm',
      kind: 'INSERTED',
      // A forged record with a correct hash and link, slipped in after record 1 (renumbering the rest).
      sql: (c) => [
        `update audit_records set seq = seq + 1000 where chain = '${c}' and seq >= 2`,
        `update audit_records set seq = seq - 999 where chain = '${c}' and seq >= 1000`,
      ],
      forge: true,
    },
    {
      name: 'two swapped records',
      label: 'bản ghi bị đổi thứ tự',
      kind: 'REORDERED',
      sql: (c) => [
        `update audit_records set seq = 1000 where chain = '${c}' and seq = 2`,
        `update audit_records set seq = 2 where chain = '${c}' and seq = 3`,
        `update audit_records set seq = 3 where chain = '${c}' and seq = 1000`,
      ],
    },
  ];

  for (const attack of attacks) {
    it(`reports ${attack.name} with its kind and exit code 1`, async () => {
      const target = await demoTarget(kind);
      await withTargetContext(target, async (ctx) => {
        const unit = await ctx.db.selectFrom('units').select('id').where('code', '=', 'DEMO-SNV').executeTakeFirstOrThrow();
        const { sql } = await import('kysely');
        for (const statement of attack.sql(unit.id)) await sql.raw(statement).execute(ctx.db);
        if (attack.forge) {
          const first = await ctx.db.selectFrom('audit_records').selectAll().where('chain', '=', unit.id).where('seq', '=', 1).executeTakeFirstOrThrow();
          const forged = { chain: unit.id, at: first.at, type: 'person.updated', actorId: first.actor_id, subjectId: null, data: '{}', prevHash: first.hash };
          await ctx.db.insertInto('audit_records').values({ id: 'aud_forged000000000001', chain: unit.id, seq: 2, at: forged.at, type: forged.type, actor_id: forged.actorId, subject_id: null, data: forged.data, prev_hash: forged.prevHash, hash: computeRecordHash(forged) }).execute();
        }
      });
      const res = await runCli(['audit', 'verify', '--unit', 'DEMO-SNV', '--format', 'json'], { env: target.env });
      expect(res.code).toBe(1);
      const report = JSON.parse(res.stdout).reports[0];
      expect(report.firstBreak.kind).toBe(attack.kind);
      const text = await runCli(['audit', 'verify'], { env: target.env });
      expect(text.stdout).toContain(attack.label);
      expect(text.code).toBe(1);
    });
  }
});

describe.each(['sqlite', 'postgres'] as const)('bmnn backup and restore on %s', (kind) => {
  it('restores the same data with a verified chain into a new installation', async () => {
    const source = await demoTarget(kind);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bmnn-bak-')), 'bmnn.bak');
    const backup = await runCli(['backup', '--out', file, '--passphrase-stdin'], { env: source.env, stdin: 'mat khau sao luu rat dai\n' });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 8).toString()).toBe('BMNNBAK1');
    expect(fs.readFileSync(file).includes(Buffer.from('Sở Nội vụ'))).toBe(false);

    const target = await newTarget(kind);
    const restore = await runCli(['restore', '--from', file, '--passphrase-stdin'], { env: target.env, stdin: 'mat khau sao luu rat dai\n' });
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toContain('tất cả toàn vẹn');
    expect(restore.code).toBe(0);

    const snapshot = (env: Target) =>
      withTargetContext(env, async (ctx) => ({
        units: await ctx.db.selectFrom('units').selectAll().orderBy('id').execute(),
        people: await ctx.db.selectFrom('people').selectAll().orderBy('id').execute(),
        accounts: await ctx.db.selectFrom('accounts').selectAll().orderBy('id').execute(),
        audit: await ctx.db.selectFrom('audit_records').selectAll().where('type', 'not like', 'backup.%').orderBy('id').execute(),
      }));
    const [a, b] = [await snapshot(source), await snapshot(target)];
    expect(b.units).toEqual(a.units);
    expect(b.people).toEqual(a.people);
    expect(b.accounts).toEqual(a.accounts);
    expect(b.audit.map((r) => r.hash)).toEqual(a.audit.map((r) => r.hash));
    expect((await runCli(['audit', 'verify'], { env: target.env })).code).toBe(0);
  });

  it('refuses a wrong passphrase and a truncated file with a clear message, writing nothing', async () => {
    const source = await demoTarget(kind);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bmnn-bak-'));
    const file = path.join(dir, 'bmnn.bak');
    await runCli(['backup', '--out', file, '--passphrase-stdin'], { env: source.env, stdin: 'mat khau sao luu rat dai' });

    const target = await newTarget(kind);
    const wrong = await runCli(['restore', '--from', file, '--passphrase-stdin'], { env: target.env, stdin: 'mat khau khac han' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Mật khẩu của bản sao lưu không đúng');

    const truncated = path.join(dir, 'cut.bak');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const cut = await runCli(['restore', '--from', truncated, '--passphrase-stdin'], { env: target.env, stdin: 'mat khau sao luu rat dai' });
    expect(cut.code).toBe(2);
    expect(cut.stderr).toContain('bị hỏng');

    const flipped = path.join(dir, 'flip.bak');
    const copy = Buffer.from(bytes);
    copy[copy.length - 100] = copy[copy.length - 100]! ^ 0xff;
    fs.writeFileSync(flipped, copy);
    const bad = await runCli(['restore', '--from', flipped, '--passphrase-stdin'], { env: target.env, stdin: 'mat khau sao luu rat dai' });
    expect(bad.code).toBe(2);

    await withTargetContext(target, async (ctx) => {
      expect(await ctx.db.selectFrom('units').select('id').execute()).toHaveLength(0);
    });
  });
});

describe('bmnn user and unit commands', () => {
  it('creates a unit and an administrator from the command line, with Vietnamese errors for bad input', async () => {
    const target = await newTarget('sqlite');
    expect((await runCli(['unit', 'create', '--code', 'BN', '--name', 'Tỉnh Bắc Ninh', '--kind', 'TINH'], { env: target.env })).code).toBe(0);
    const district = await runCli(['unit', 'create', '--code', 'H1', '--name', 'Huyện X', '--kind', 'HUYEN', '--parent', 'BN'], { env: target.env });
    expect(district.code).toBe(2);
    expect(district.stderr).toContain('huyện');
    const weak = await runCli(['user', 'create', '--username', 'qt', '--full-name', 'Nguyễn Văn A', '--unit', 'BN', '--role', 'QUAN_TRI', '--password-stdin'], { env: target.env, stdin: 'ngan' });
    expect(weak.code).toBe(3);
    expect(weak.stderr).toMatch(/Tên đăng nhập|Mật khẩu/);
    const ok = await runCli(['user', 'create', '--username', 'quantri', '--full-name', 'Nguyễn Văn A', '--unit', 'BN', '--role', 'QUAN_TRI', '--password-stdin'], { env: target.env, stdin: 'Mat-khau-Rat-Manh-2026\n' });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const list = JSON.parse((await runCli(['unit', 'list', '--format', 'json'], { env: target.env })).stdout);
    expect(list.units.map((u: { code: string }) => u.code)).toEqual(['BN']);
    const reset = await runCli(['user', 'reset-password', '--username', 'quantri'], { env: target.env });
    expect(reset.stdout).toMatch(/Mật khẩu tạm thời của quantri: \S{16}/);
    expect((await runCli(['khong-co'], { env: target.env })).code).toBe(3);
  });
});
