// Worker threads do not inherit vitest's TypeScript transform, so the worker
// registers tsx itself before it loads the TypeScript worker module.
import { register } from 'tsx/esm/api';

register();
await import('./property-worker.ts');
