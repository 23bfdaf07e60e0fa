export { buildApp } from './app.ts';
export { startServer, openContext } from './server.ts';
export { loadConfig, VERSION, type AppConfig } from './platform/config.ts';
export { createContext, inTransaction, type AppContext } from './platform/context.ts';
export { openDatabase, migrateToLatest, type DatabaseHandle } from './platform/db/database.ts';
export { AppError, isAppError } from './platform/errors.ts';
