#!/usr/bin/env node
// `renkei` in a checkout without a build: registers tsx in this process and runs the TypeScript CLI.
// Paths are taken from this file, so it works from any working directory; the CLI sets process.exitCode.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import(new URL('../src/cli/main.ts', import.meta.url).href);
