#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so `npx zoneguard` works right after
// `npm ci` with no build step.
import { register } from 'tsx/esm/api';

// A reader that stops early (`zoneguard scan ... | head`) closes the pipe; that
// ends the output, and is no error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
