#!/usr/bin/env node
// The accsm executable: runs the bundled CLI and sets the exit code. It is
// CommonJS (bin/package.json), so a start does not bring up Node's ES module
// loader for the two files of bin/ (about 10 ms of each run).
'use strict';
const { loadCli } = require('./load-cli.js');

process.stdout.on('error', (error) => {
  // a closed pipe (accsm report | head) is not an error
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
loadCli()
  .then((run) => run(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
    // nothing left to write: end now, rather than wait for V8's background
    // compile jobs and the heap's teardown (10-20 ms after the last line);
    // output still queued (a pipe is asynchronous on some systems) drains first
    if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
  });
