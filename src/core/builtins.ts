/**
 * Node built-in modules that cost a start time they rarely repay, loaded on
 * first use instead of with the bundle. `node:crypto` takes 4-9 ms to load
 * and only the cache and the edits need it; `node:child_process` only the
 * commands that ask git. process.getBuiltinModule is Node >= 20.16.
 */
import type * as Crypto from 'node:crypto';
import type * as ChildProcess from 'node:child_process';

let crypto: typeof Crypto | undefined;
let childProcess: typeof ChildProcess | undefined;

export const nodeCrypto = (): typeof Crypto => (crypto ??= process.getBuiltinModule('node:crypto'));
export const nodeChildProcess = (): typeof ChildProcess => (childProcess ??= process.getBuiltinModule('node:child_process'));
