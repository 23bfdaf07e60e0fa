// Worker threads load the TypeScript sources through tsx, like the CLI does.
import { register } from 'tsx/esm/api';
register();
await import('./scan.worker.ts');
