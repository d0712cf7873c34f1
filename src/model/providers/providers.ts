import { awsProvider } from './aws/index.ts';
import type { Provider } from './registry.ts';

/** The providers `buildModel` uses when the caller passes none. */
export const DEFAULT_PROVIDERS: readonly Provider[] = [awsProvider];
