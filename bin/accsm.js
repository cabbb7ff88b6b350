#!/usr/bin/env node
// The accsm executable: runs the bundled CLI and sets the exit code.
import { loadCli } from './load-cli.js';

process.stdout.on('error', (error) => {
  // a closed pipe (accsm report | head) is not an error
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const run = await loadCli();
process.exitCode = await run(process.argv.slice(2));
