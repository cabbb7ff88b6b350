/**
 * Reading one data file safely: size limit, binary and encoding checks,
 * symbolic links that leave the data root. A bad file is a result, not an exception.
 */
import { closeSync, fstatSync, lstatSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import type { RuleCode } from './codes.js';
import { diag, type RawDiagnostic } from './raw.js';

export const MAX_FILE_BYTES = 1024 * 1024;

/** The refusal of a file larger than MAX_FILE_BYTES. */
export function tooLarge(size: number): ReadResult {
  return fail('file-too-large', `the file is ${(size / 1024 / 1024).toFixed(1)} MB; accsm reads data files of at most ${MAX_FILE_BYTES / 1024 / 1024} MB. Check that this is the right file, or split it`);
}

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: RawDiagnostic };

/** A file with other hard links may be a file outside the root under another name: refused like a link leaving the root. */
function hardLinked(links: number): ReadResult {
  return fail('file-link-hard', `this file has ${links} hard links, so it may be a file outside the data root under another name; accsm does not read it. Replace it with a plain copy (cp the file, then move the copy into place)`);
}

function fail(code: RuleCode, message: string, line = 1, column = 1): ReadResult {
  return { ok: false, diagnostic: diag(code, message, { line, column }) };
}

/** Whether `target` (a real path) lies inside the real data root. */
export function isInside(realRoot: string, target: string): boolean {
  return target === realRoot || target.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

/**
 * Checks that a path stays inside the data root: the path itself may be a
 * symbolic link, or a folder on the way to it may be one (plans/ linked to
 * somewhere else). Never reads or reports the link's target.
 * The C library's realpath (realpathSync.native) resolves it, as it does the root.
 */
export function checkLink(path: string, realRoot: string): RawDiagnostic | undefined {
  let isLink = false;
  try {
    isLink = lstatSync(path).isSymbolicLink();
  } catch {
    return undefined;
  }
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch {
    if (!isLink) return undefined;
    return diag('file-link-broken', 'this is a symbolic link to something that does not exist; remove it or replace it with the file itself');
  }
  if (!isInside(realRoot, real)) {
    return diag(
      'file-link-outside',
      isLink
        ? 'this is a symbolic link that points outside the data root; accsm refuses to follow it. Replace it with the file itself'
        : 'this path leads outside the data root through a symbolically linked folder; accsm refuses to follow it. Replace the link with the folder itself',
    );
  }
  return undefined;
}

/**
 * Reads a data file. `linkChecked` says the caller already knows the path is a
 * regular file (not a link) in folders that were checked with checkLink, so the
 * per-file link check (an lstat and a realpath) can be skipped.
 */
export function readDataFile(path: string, realRoot: string, override?: string, options: { linkChecked?: boolean; buffer?: { bytes?: Buffer } } = {}): ReadResult {
  if (override !== undefined) return { ok: true, text: stripBom(override) };
  if (options.linkChecked) return readKnownFile(path, options.buffer ?? {});
  const link = checkLink(path, realRoot);
  if (link) return { ok: false, diagnostic: link };
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return fail('file-unreadable', 'this is not a regular file; a data file must be a plain text file');
    if (st.nlink > 1) return hardLinked(st.nlink);
    size = st.size;
  } catch (error) {
    return fail('file-unreadable', `the file cannot be read (${errorCode(error)})`);
  }
  if (size > MAX_FILE_BYTES) {
    return tooLarge(size);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return fail('file-unreadable', `the file cannot be read (${errorCode(error)})`);
  }
  return decode(bytes);
}

/**
 * Reads a file the listing saw as a regular file, without a path stat or
 * link check of its own (a stat per file is a fifth of the time on a root of
 * 10,000 files): one fstat of the open file gives its links and its size, so
 * a huge file is refused from its size, never loaded.
 * `buffer` is the caller's to reuse: a data file is decoded to text before the next one is read.
 */
function readKnownFile(path: string, buffer: { bytes?: Buffer }): ReadResult {
  const scratch = (buffer.bytes ??= Buffer.allocUnsafe(MAX_FILE_BYTES));
  let n = 0;
  try {
    const fd = openSync(path, 'r');
    try {
      const st = fstatSync(fd);
      // the listing saw a regular file; what is opened now is checked again (it may have been replaced since)
      if (!st.isFile()) return fail('file-unreadable', 'this is not a regular file; a data file must be a plain text file');
      if (st.nlink > 1) return hardLinked(st.nlink);
      if (st.size > MAX_FILE_BYTES) return tooLarge(st.size);
      // the size is known, so one read usually does (not a second one to see the end)
      for (let r = -1; r !== 0 && n < st.size; n += r) r = readSync(fd, scratch, n, st.size - n, null);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return fail('file-unreadable', `the file cannot be read (${errorCode(error)})`);
  }
  return decode(scratch.subarray(0, n));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes → text: refuses binary files and bytes that are not UTF-8, naming where they are. */
export function decode(bytes: Uint8Array): ReadResult {
  // an empty file has nothing to check (a root being set up can have thousands)
  if (bytes.length === 0) return { ok: true, text: '' };
  if (looksLikeUtf16(bytes)) return fail('file-encoding', 'the file is in UTF-16, not UTF-8; save it as UTF-8', 1, 1);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = positionOfByte(bytes, nul);
    return fail('file-binary', 'the file contains a NUL byte, so it looks like a binary file, not YAML text', line, column);
  }
  let text: string;
  try {
    text = stripBom(utf8.decode(bytes));
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = positionOfByte(bytes, bad);
    return fail('file-encoding', 'the file is not UTF-8 text (it may be in another encoding such as Latin-1 or UTF-16); save it as UTF-8', line, column);
  }
  const cr = loneCr(text);
  return cr === -1 ? { ok: true, text } : loneCrRefused(text, cr);
}

/**
 * The offset of the first carriage return not followed by a line feed, or -1.
 * YAML reads a lone CR as a line break but the editing code (the `yaml`
 * package's CST) does not, so such a file is refused on every path alike.
 */
function loneCr(text: string): number {
  let cr = text.indexOf('\r');
  while (cr !== -1 && text.charCodeAt(cr + 1) === 10) cr = text.indexOf('\r', cr + 2);
  return cr;
}

/** Lines before the first lone CR end in LF or CR LF only, so its line is the number of LFs before it, plus one. */
function loneCrRefused(text: string, cr: number): ReadResult {
  let line = 1;
  let start = 0;
  for (let lf = text.indexOf('\n'); lf !== -1 && lf < cr; lf = text.indexOf('\n', lf + 1)) {
    line++;
    start = lf + 1;
  }
  return fail(
    'file-line-endings',
    'the file uses old Mac line endings: this line ends with a lone carriage return (CR) and no line feed (LF). Save the file with LF (Unix) or CRLF (Windows) line endings; accsm reads only those',
    line,
    cr - start + 1,
  );
}

/** A UTF-16 byte order mark, or an even number of bytes starting with a NUL next to an ASCII byte (UTF-16 without a mark). */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return false;
  const [a, b] = [bytes[0]!, bytes[1]!];
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return true;
  return (a === 0 && b > 0 && b < 0x80) || (b === 0 && a > 0 && a < 0x80);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function errorCode(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EISDIR') return 'it is a folder';
  return code ?? 'unknown error';
}

/** Index of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629: no overlongs, surrogates or code points above U+10FFFF). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (n === 0) return i;
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= n; k++) {
      const x = bytes[i + k];
      if (x === undefined || x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return Math.max(0, bytes.length - 1);
}

function positionOfByte(bytes: Uint8Array, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // columns count characters, as editors and the YAML parser do, not bytes
  return { line, column: new TextDecoder('utf-8').decode(bytes.subarray(lineStart, index)).length + 1 };
}
