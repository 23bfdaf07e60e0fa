import path from 'node:path';

export type AppConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Set when served over HTTPS: adds `Secure` to the session cookie and turns on HSTS. */
  cookieSecure: boolean;
  /** Login attempts per client address per minute. */
  loginRateLimit: number;
  /** Folder with the built web app. */
  webDist: string;
  logLevel: string;
};

const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..');

/** Reads the configuration from the environment (README: "Cấu hình"). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.BMNN_DATA_DIR ?? path.join(REPO_ROOT, 'data')),
    databaseUrl: env.DATABASE_URL || undefined,
    cookieSecure: env.BMNN_COOKIE_SECURE === '1' || env.BMNN_COOKIE_SECURE === 'true',
    loginRateLimit: Number(env.BMNN_LOGIN_RATE_LIMIT ?? 20),
    webDist: path.resolve(env.BMNN_WEB_DIST ?? path.join(REPO_ROOT, 'apps/web/dist')),
    logLevel: env.BMNN_LOG_LEVEL ?? 'info',
    ...overrides,
  };
}

export const VERSION = '0.1.0';
