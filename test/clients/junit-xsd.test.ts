/** accsm's JUnit XML against the JUnit XSD in test/schemas/, with xmllint (libxml2-utils). */
import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { accsm, FIXTURES, REPO, tempDir } from '../helpers.js';
import { needs } from './programs.js';

const xmllint = needs('xmllint', ['--version'], 'apt-get install libxml2-utils');
const XSD = join(REPO, 'test', 'schemas', 'junit.xsd');
const { dir, cleanup } = tempDir('accsm-junit-');
afterAll(cleanup);

function lint(file: string) {
  return spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
}

describe.skipIf(!xmllint.ok)('JUnit XML in xmllint against the JUnit XSD', () => {
  it('validate --format junit validates, with failures and warnings, and with no problems', () => {
    cpSync(join(FIXTURES, 'invalid-rules'), join(dir, 'bad'), { recursive: true });
    for (const [name, root] of [['bad.xml', join(dir, 'bad')], ['good.xml', join(FIXTURES, 'valid-minimal')], ['shipped.xml', join(REPO, 'data')]] as const) {
      const r = accsm(['validate', '--format', 'junit', '--data', root]);
      expect(r.stdout).toContain('<testsuites');
      writeFileSync(join(dir, name), r.stdout);
      const check = lint(join(dir, name));
      expect(check.stderr).toContain('validates');
      expect(check.status).toBe(0);
    }
  });

  it('the XSD rejects a testcase without time (the check can fail)', () => {
    const r = accsm(['validate', '--format', 'junit', '--data', join(FIXTURES, 'valid-minimal')]);
    writeFileSync(join(dir, 'no-time.xml'), r.stdout.replace(/(<testcase [^>]*?) time="[^"]*"/, '$1'));
    expect(lint(join(dir, 'no-time.xml')).status).not.toBe(0);
  });
});
