import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError, loadConfig, openContext, type AppContext } from '@bmnn/server';

// Shared by the commands: argument parsing with Vietnamese errors, stdin secrets, exit codes,
// and opening the configured database.

/** Exit codes of every command except `scan` (README: "Mã thoát"). */
export const EXIT = { OK: 0, CHECK_FAILED: 1, REFUSED: 2, USAGE: 3 } as const;

export class UsageError extends Error {}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(`Tham số không hợp lệ: ${(error as Error).message}`);
  }
}

export function required(value: string | undefined, flag: string): string {
  if (!value || !value.trim()) throw new UsageError(`Thiếu tham số ${flag}`);
  return value.trim();
}

export async function readStdinSecret(what: string): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError(`Hãy truyền ${what} qua đầu vào chuẩn, ví dụ: echo '…' | bmnn …`);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const value = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (!value) throw new UsageError(`${what} trống`);
  return value;
}

export const out = (line = '') => process.stdout.write(line + '\n');
export const err = (line: string) => process.stderr.write(line + '\n');

/** Opens the database named by BMNN_DATA_DIR / DATABASE_URL, runs `fn`, always closes it. */
export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(loadConfig());
  try {
    return await fn(ctx);
  } finally {
    await ctx.handle.close();
  }
}

/** Runs a command body, turning expected failures into a Vietnamese message and an exit code. */
export async function runCommand(help: string, argvHasHelp: boolean, body: () => Promise<number>): Promise<number> {
  if (argvHasHelp) {
    out(help);
    return EXIT.OK;
  }
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) {
      err(error.message);
      err('Gõ lệnh kèm --help để xem cách dùng.');
      return EXIT.USAGE;
    }
    if (error instanceof AppError) {
      err(`Lỗi: ${error.message}`);
      const issues = (error.details as { issues?: Array<{ path: string[]; message: string }> } | undefined)?.issues;
      for (const i of issues ?? []) err(`  - ${i.path.join('.')}: ${i.message}`);
      return EXIT.REFUSED;
    }
    const named = error as { name?: string; issues?: Array<{ path: PropertyKey[]; message: string }> };
    if (named?.name === 'ZodError' && named.issues) {
      err('Lỗi: dữ liệu nhập không hợp lệ');
      for (const i of named.issues) err(`  - ${i.path.map(String).join('.')}: ${i.message}`);
      return EXIT.REFUSED;
    }
    err(`Lỗi hệ thống: ${(error as Error)?.message ?? String(error)}`);
    return EXIT.USAGE;
  }
}
