// Worker threads load the TypeScript sources with Node's own type stripping (the scanner uses
// erasable syntax only): starting a worker through tsx's loader costs seconds per worker. Older
// runtimes fall back to tsx. Node's compile cache keeps the modules compiled on disk between runs.
import module from 'node:module';
module.enableCompileCache?.();
try {
  await import('./scan.worker.ts');
} catch (error) {
  if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION' && !(error instanceof SyntaxError)) throw error;
  const { register } = await import('tsx/esm/api');
  register();
  await import('./scan.worker.ts');
}
