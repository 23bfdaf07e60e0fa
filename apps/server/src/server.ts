import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { loadConfig, type AppConfig } from './platform/config.ts';
import { createContext, type AppContext } from './platform/context.ts';
import { migrateToLatest, openDatabase } from './platform/db/database.ts';
import { prepareFirstRunSetup } from './modules/accounts/auth.usecases.ts';
import { scheduleDailyJobs } from './modules/register/register.periods.ts';

/** Opens the database named by the configuration and applies pending migrations. */
export async function openContext(config: AppConfig = loadConfig()): Promise<AppContext> {
  const handle = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(handle.db);
  return createContext({ handle, config });
}

/**
 * Starts the server: migrations, the first-run setup code when there is no administrator yet,
 * then listening. Returns the app and a function that stops it cleanly.
 */
export async function startServer({ config = loadConfig(), print = (line: string) => process.stdout.write(line + '\n') }: { config?: AppConfig; print?: (line: string) => void } = {}) {
  const ctx = await openContext(config);
  const app: FastifyInstance = await buildApp({ ctx });
  const setup = await prepareFirstRunSetup(ctx);
  const address = await app.listen({ port: config.port, host: config.host });
  print(`BMNN đang chạy tại ${address.replace('127.0.0.1', 'localhost')} (cơ sở dữ liệu: ${ctx.dbKind === 'sqlite' ? `SQLite, ${ctx.handle.sqliteFile}` : 'PostgreSQL'})`);
  if (setup) {
    print('Chưa có tài khoản quản trị. Mở địa chỉ trên để thiết lập lần đầu.');
    print(`Mã thiết lập lần đầu: ${setup.setupCode}`);
  }
  const stopJobs = scheduleDailyJobs(ctx, (message) => app.log.warn(message));
  const stop = async () => {
    stopJobs();
    await app.close();
    await ctx.handle.close();
  };
  return { app, ctx, address, stop };
}
