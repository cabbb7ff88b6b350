/** Reading one data file safely: bytes, encodings, sizes and links. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, checkLink, decode, firstInvalidUtf8, isInside, readDataFile } from '../../src/core/read.js';
import { tempDir } from '../helpers.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const problem = (r: ReturnType<typeof decode>) => (r.ok ? 'ok' : `${r.diagnostic.line}:${r.diagnostic.column} ${r.diagnostic.code}`);

describe('decode', () => {
  it('UTF-8 text, with or without a byte order mark', () => {
    expect(decode(bytes('id: café\n'))).toEqual({ ok: true, text: 'id: café\n' });
    expect(decode(new Uint8Array(0))).toEqual({ ok: true, text: '' });
    expect(decode(bytes([0xef, 0xbb, 0xbf], 'id: x\n'))).toEqual({ ok: true, text: 'id: x\n' });
    expect(decode(bytes(''))).toEqual({ ok: true, text: '' });
  });

  it('a NUL byte: binary, at its line and column', () => {
    const r = decode(bytes('id: x\ntitle: ', [0], 'z\n'));
    expect(problem(r)).toBe('2:8 file-binary');
    expect(!r.ok && r.diagnostic.message).toBe('the file contains a NUL byte, so it looks like a binary file, not YAML text');
    expect(problem(decode(bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 0x0d])))).toBe('3:1 file-binary');
  });

  it('not UTF-8: Latin-1, at the offending byte, counting characters (not bytes) before it', () => {
    const latin1 = decode(bytes('id: x\ntitle: Caf', [0xe9], '\n'));
    expect(problem(latin1)).toBe('2:11 file-encoding');
    expect(!latin1.ok && latin1.diagnostic.message).toMatch(/^the file is not UTF-8 text .*save it as UTF-8$/);
    // 20 two-byte characters before the bad byte: column 28, not byte 48
    expect(problem(decode(bytes(`title: ${'é'.repeat(20)}`, [0xff], '\n')))).toBe('1:28 file-encoding');
    // a sequence cut short at the end of the file
    expect(problem(decode(bytes(`${'é'.repeat(7)}x`, [0xc3])))).toBe('1:9 file-encoding');
    // overlong encoding, UTF-16 surrogate, beyond U+10FFFF
    expect(problem(decode(bytes('a: ', [0xc0, 0xaf])))).toBe('1:4 file-encoding');
    expect(problem(decode(bytes('a: ', [0xed, 0xa0, 0x80])))).toBe('1:4 file-encoding');
    expect(problem(decode(bytes('a: ', [0xf4, 0x90, 0x80, 0x80])))).toBe('1:4 file-encoding');
  });

  it('lone-CR (old Mac) line endings are refused at the first lone CR; CRLF and LF are read as they are', () => {
    const mac = decode(bytes('id: x\rtitle: t\r'));
    expect(problem(mac)).toBe('1:6 file-line-endings');
    expect(!mac.ok && mac.diagnostic.message).toBe(
      'the file uses old Mac line endings: this line ends with a lone carriage return (CR) and no line feed (LF). Save the file with LF (Unix) or CRLF (Windows) line endings; accsm reads only those',
    );
    // CRLF and LF lines before the first lone CR count as lines
    expect(problem(decode(bytes('id: x\r\ntitle: t\nnote: a\rb\r\n')))).toBe('3:8 file-line-endings');
    expect(problem(decode(bytes('a: 1\r')))).toBe('1:5 file-line-endings');
    expect(decode(bytes('id: x\r\ntitle: t\r\n'))).toEqual({ ok: true, text: 'id: x\r\ntitle: t\r\n' });
    expect(decode(bytes([0xef, 0xbb, 0xbf], 'id: x\r\n'))).toEqual({ ok: true, text: 'id: x\r\n' });
  });

  it('UTF-16, with or without a byte order mark, is named as such', () => {
    for (const b of [Buffer.from('\ufeffid: x\n', 'utf16le'), Buffer.from('id: x\n', 'utf16le'), Buffer.from([0xfe, 0xff, 0, 0x69, 0, 0x64])]) {
      const r = decode(b);
      expect(problem(r)).toBe('1:1 file-encoding');
      expect(!r.ok && r.diagnostic.message).toBe('the file is in UTF-16, not UTF-8; save it as UTF-8');
    }
  });

  it('firstInvalidUtf8 finds the first byte TextDecoder refuses (property)', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const valid = (b: Uint8Array) => {
      try {
        fatal.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 12 }), (b) => {
        fc.pre(!valid(b));
        const i = firstInvalidUtf8(b);
        // everything before it is UTF-8, and no longer prefix through it is
        expect(valid(b.subarray(0, i))).toBe(true);
        for (let j = i + 1; j <= b.length; j++) expect(valid(b.subarray(0, j))).toBe(false);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});

describe('files on disk', () => {
  const t = tempDir();
  const outside = tempDir('accsm-outside-');
  afterAll(() => {
    t.cleanup();
    outside.cleanup();
  });
  const root = join(t.dir, 'root');
  mkdirSync(join(root, 'plans', 'p'), { recursive: true });
  writeFileSync(join(outside.dir, 'secret.yaml'), 'secret: 1\n');

  it('reads a file, and an override instead of the file', () => {
    writeFileSync(join(root, 'a.yaml'), '\ufeffa: 1\n');
    expect(readDataFile(join(root, 'a.yaml'), root)).toEqual({ ok: true, text: 'a: 1\n' });
    expect(readDataFile(join(root, 'nope.yaml'), root, '\ufeffb: 2\n')).toEqual({ ok: true, text: 'b: 2\n' });
  });

  it(`the size limit: ${MAX_FILE_BYTES} bytes are read, one more is refused`, () => {
    writeFileSync(join(root, 'limit.yaml'), 'x'.repeat(MAX_FILE_BYTES));
    expect(readDataFile(join(root, 'limit.yaml'), root).ok).toBe(true);
    writeFileSync(join(root, 'big.yaml'), 'x'.repeat(MAX_FILE_BYTES + 1));
    const r = readDataFile(join(root, 'big.yaml'), root);
    expect(r.ok ? 'ok' : r.diagnostic).toEqual({ severity: 'error', code: 'file-too-large', message: expect.stringMatching(/^the file is 1\.0 MB; accsm reads data files of at most 1 MB/), line: 1, column: 1 });
  });

  it('a missing file or a folder cannot be read', () => {
    const missing = readDataFile(join(root, 'missing.yaml'), root);
    expect(missing.ok ? 'ok' : [missing.diagnostic.code, missing.diagnostic.message]).toEqual(['file-unreadable', 'the file cannot be read (it does not exist)']);
    const folder = readDataFile(join(root, 'plans'), root);
    expect(folder.ok ? 'ok' : folder.diagnostic.code).toBe('file-unreadable');
  });

  it('links: inside the root followed, outside refused without reading, broken named', () => {
    writeFileSync(join(root, 'inside.yaml'), 'in: 1\n');
    symlinkSync(join(root, 'inside.yaml'), join(root, 'link-in.yaml'));
    symlinkSync(join(outside.dir, 'secret.yaml'), join(root, 'link-out.yaml'));
    symlinkSync(join(root, 'gone.yaml'), join(root, 'link-broken.yaml'));
    symlinkSync(outside.dir, join(root, 'plans', 'linked'));
    expect(readDataFile(join(root, 'link-in.yaml'), root)).toEqual({ ok: true, text: 'in: 1\n' });
    const out = readDataFile(join(root, 'link-out.yaml'), root);
    expect(out.ok ? 'ok' : out.diagnostic.code).toBe('file-link-outside');
    expect(JSON.stringify(out)).not.toMatch(/secret|accsm-outside/);
    expect(checkLink(join(root, 'link-broken.yaml'), root)?.code).toBe('file-link-broken');
    // a file reached through a linked folder is outside too, though it is no link itself
    expect(checkLink(join(root, 'plans', 'linked', 'secret.yaml'), root)?.code).toBe('file-link-outside');
    expect(checkLink(join(root, 'plans', 'linked'), root)?.message).toMatch(/^this is a symbolic link that points outside the data root/);
    expect(checkLink(join(root, 'inside.yaml'), root)).toBeUndefined();
    expect(checkLink(join(root, 'not-there.yaml'), root)).toBeUndefined();
  });

  it('isInside compares whole path segments', () => {
    expect(isInside('/data', '/data')).toBe(true);
    expect(isInside('/data', '/data/plans/x.yaml')).toBe(true);
    expect(isInside('/data', '/data-evil/x.yaml')).toBe(false);
    expect(isInside('/data/', '/data/x')).toBe(true);
  });
});
