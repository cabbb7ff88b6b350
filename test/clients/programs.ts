/**
 * Which real client programs are installed. A client test that needs one calls
 * `needs(...)`: when a program is missing the test is skipped and a line says
 * so (never a silent pass), e.g.
 *
 *   const soffice = needs('soffice', ['--version']);
 *   describe.skipIf(!soffice.ok)('the .docx in LibreOffice', () => { ... });
 */
import { spawnSync } from 'node:child_process';

export interface Program {
  ok: boolean;
  path: string;
  version: string;
}

export function needs(command: string, versionArgs: string[] = ['--version'], installHint = `apt-get install ${command}`): Program {
  const r = spawnSync(command, versionArgs, { encoding: 'utf8', timeout: 120_000 });
  const ok = r.status === 0;
  if (!ok) console.warn(`client tests: ${command} is not installed, so the tests that need it are SKIPPED (install it with: ${installHint})`);
  return { ok, path: command, version: ok ? (r.stdout || r.stderr).split('\n')[0]!.trim() : '' };
}
