import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

/** Vitest global setup of the integration project: one throw-away PostgreSQL for the whole run. */
export default async function setup(project: TestProject) {
  const pg = await startThrowawayPostgres();
  project.provide('pgUrl', pg.url);
  return () => pg.stop();
}
