#!/usr/bin/env node
// Thin launcher: the TypeScript is compiled to dist/ by `npm ci` (the `prepare` script).
import { runCli } from '../dist/src/cli/main.js';

runCli(process.argv.slice(2));
