#!/usr/bin/env node
// Entry point of the `bmnn` command: loads the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

// `npx bmnn` runs in the nearest package folder; paths on the command line are meant from where
// the person typed the command, which npm passes as INIT_CWD.
if (process.env.INIT_CWD && process.env.INIT_CWD !== process.cwd()) process.chdir(process.env.INIT_CWD);
register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
