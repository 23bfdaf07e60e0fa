import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, inject } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '@bmnn/contracts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../platform/config.ts';
import { createContext, type AppContext } from '../platform/context.ts';
import { migrateToLatest, openDatabase, type DatabaseKind } from '../platform/db/database.ts';
import type { Clock } from '../platform/ids.ts';
import { prepareFirstRunSetup } from '../modules/accounts/auth.usecases.ts';
import { createUnit } from '../modules/units/units.usecases.ts';
import { createPerson } from '../modules/people/people.usecases.ts';
import { hashPassword } from '../modules/accounts/accounts.passwords.ts';
import { generateId } from '../platform/ids.ts';

export const DATABASE_KINDS: DatabaseKind[] = ['sqlite', 'postgres'];

export type TestApp = {
  ctx: AppContext;
  app: FastifyInstance;
  dataDir: string;
  setClock: (clock: Clock) => void;
  close: () => Promise<void>;
};

/**
 * The app of every test in a `describe.each(DATABASE_KINDS)` block: a fresh database and data
 * folder before each test (its clock fixed at `now` when given), closed after it. The object
 * returned stays the same; its fields are those of the current test's app.
 */
export function useTestApp(kind: DatabaseKind, { now }: { now?: Date } = {}): TestApp {
  const current = {} as TestApp;
  beforeEach(async () => {
    Object.assign(current, await createTestApp(kind));
    if (now) current.setClock(() => now);
  });
  afterEach(async () => {
    await current.close();
  });
  return current;
}

/** A fresh database of the given kind with migrations applied, and the HTTP app on it. */
export async function createTestApp(kind: DatabaseKind): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bmnn-test-'));
  let url: string | undefined;
  let dropDatabase = async () => {};
  if (kind === 'postgres') {
    const adminUrl = inject('pgUrl');
    const name = `bmnn_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    url = adminUrl.replace(/\/postgres$/, `/${name}`);
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      // pg-pool's end() resolves before its clients' sockets have closed: a forced drop at that
      // moment kills them mid-goodbye and the error surfaces as uncaught. Wait for them to leave.
      for (let attempt = 0; attempt < 50; attempt++) {
        const { rows } = await c.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const config = loadConfig({}, { dataDir, databaseUrl: url, webDist: path.join(dataDir, 'no-web'), loginRateLimit: 1000 });
  const handle = openDatabase({ url, dataDir });
  await migrateToLatest(handle.db);
  let clock: Clock = () => new Date();
  const ctx = createContext({ handle, config, clock: () => clock() });
  const app = await buildApp({ ctx, logger: false });
  return {
    ctx,
    app,
    dataDir,
    setClock: (c) => {
      clock = c;
    },
    close: async () => {
      await app.close();
      await handle.close();
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const STRONG_PASSWORD = 'Mat-khau-Rat-Manh-2026';

/** A logged-in browser-like client: keeps the cookie and sends the CSRF token. */
export type Client = {
  csrfToken: string;
  cookie: string;
  request: (opts: { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; body?: unknown; headers?: Record<string, string> }) => Promise<LightMyRequestResponse>;
};

export function sessionCookieOf(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'bmnn_sid');
  if (!c) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return `bmnn_sid=${c.value}`;
}

export function clientFrom(app: FastifyInstance, cookie: string, csrfToken: string): Client {
  return {
    csrfToken,
    cookie,
    request: ({ method, url, body, headers }) =>
      app.inject({
        method,
        url,
        headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }), ...headers },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      }),
  };
}

/** A multipart/form-data body with one "file" part (after any text fields), as a browser's file upload sends it. */
export function multipartFile(file: Buffer, filename: string, fields: Record<string, string> = {}): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----bmnn-test-boundary';
  const body = Buffer.concat([
    ...Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Runs first-run setup through the API and returns the administrator's client. */
export async function setupAdmin(t: TestApp): Promise<Client & { provinceId: string }> {
  const setup = await prepareFirstRunSetup(t.ctx);
  if (!setup) throw new Error('already set up');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/setup',
    payload: { setupCode: setup.setupCode, provinceName: 'Tỉnh Bắc Ninh', provinceCode: 'BN', username: 'quantri', fullName: 'Nguyễn Văn Quản', password: STRONG_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`setup failed: ${res.body}`);
  const body = res.json() as { csrfToken: string; account: { unitId: string } };
  return { ...clientFrom(t.app, sessionCookieOf(res), body.csrfToken), provinceId: body.account.unitId };
}

/**
 * Creates a person with an account directly (no temporary password dance) and logs in.
 * For tests of other features; the account flow itself is tested through the API.
 */
export async function createUserAndLogin(
  t: TestApp,
  { unitId, roles, clearance = 'NONE', username = `u${randomBytes(4).toString('hex')}` }: { unitId: string; roles: Role[]; clearance?: 'NONE' | 'MAT' | 'TOI_MAT' | 'TUYET_MAT'; username?: string },
): Promise<Client & { personId: string; accountId: string; username: string }> {
  const { person } = await createPerson(t.ctx, { actor: null, input: { fullName: `Cán bộ ${username}`, unitId, clearance, handlesSecrets: clearance !== 'NONE' } });
  const now = new Date().toISOString();
  const accountId = generateId('acc');
  await t.ctx.db
    .insertInto('accounts')
    .values({ id: accountId, person_id: person.id, username, password_hash: await hashPassword(STRONG_PASSWORD), roles: JSON.stringify(roles), status: 'ACTIVE', must_change_password: 0, totp_secret: null, totp_enabled: 0, failed_attempts: 0, lock_count: 0, locked_until: null, last_login_at: null, password_changed_at: now, created_at: now, updated_at: now })
    .execute();
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: STRONG_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  return { ...clientFrom(t.app, sessionCookieOf(res), (res.json() as { csrfToken: string }).csrfToken), personId: person.id, accountId, username };
}

export async function createTestUnit(t: TestApp, { parentId, code, name, kind = 'SO_BAN_NGANH' }: { parentId: string | null; code: string; name: string; kind?: string }) {
  const { unit } = await createUnit(t.ctx, { actor: null, input: { parentId, code, name, kind } });
  return unit;
}
