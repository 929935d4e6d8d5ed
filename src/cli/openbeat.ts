#!/usr/bin/env node
// The `openbeat` executable (package.json "bin"); the commands live in main.ts.
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
