// Loads the bundled CLI. dist/cli.cjs is compiled with the V8 code cache made
// at build time (dist/cli.cjs.cache), so a start skips compiling the bundle
// (Node 20 has no compile cache of its own). A cache from another Node version
// is rejected by V8 and the file compiles normally; without dist/cli.cjs the
// ES module bundle dist/cli.js is used.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

/**
 * Compiles a CommonJS file written as its own wrapper (`(function (exports,
 * require, module, __filename, __dirname) {...})`, as scripts/build.mjs writes
 * dist/cli.cjs) with its code cache; returns its exports and a function that
 * saves a fresh cache.
 */
function loadCommonJs(file) {
  const source = readFileSync(file, 'utf8');
  let cachedData;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    // no cache yet: compile normally
  }
  const script = new vm.Script(source, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, saveCache: () => writeFileSync(`${file}.cache`, script.createCachedData()) };
}

async function loadCli() {
  try {
    return loadCommonJs(join(__dirname, '..', 'dist', 'cli.cjs')).exports.run;
  } catch (error) {
    if (error?.code !== 'ENOENT') throw error;
    return (await import('../dist/cli.js')).run;
  }
}

module.exports = { loadCommonJs, loadCli };
