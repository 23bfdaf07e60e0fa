// Worker threads load the TypeScript sources with Node's own type stripping (the scanner uses
// erasable syntax only): starting a worker through tsx's loader costs seconds per worker. Older
// runtimes fall back to tsx. Node's compile cache keeps pdf.js and the rest compiled on disk
// between runs, which is most of a worker's start-up.
import module from 'node:module';
module.enableCompileCache?.();
// pdf.js requires the native canvas library on import although text extraction never renders:
// in the workers it resolves to a stub (see no-canvas.cjs), ~0.1 s of CPU and ~40 MB less each.
const NO_CANVAS = new URL('./no-canvas.cjs', import.meta.url).href;
module.registerHooks?.({
  resolve: (specifier, context, nextResolve) =>
    specifier === '@napi-rs/canvas' ? { url: NO_CANVAS, format: 'commonjs', shortCircuit: true } : nextResolve(specifier, context),
});
try {
  await import('./scan.worker.ts');
} catch (error) {
  if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION' && !(error instanceof SyntaxError)) throw error;
  const { register } = await import('tsx/esm/api');
  register();
  await import('./scan.worker.ts');
}
