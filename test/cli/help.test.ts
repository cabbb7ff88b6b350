/** Found in QA: the group commands (status, project, meeting) as a user meets them: their help, a typo in the subcommand. */
import { describe, expect, it } from 'vitest';
import { cli, copyRoot } from '../helpers.js';

const endsWithExamples = /\nExamples:\n( {2}accsm [^\n]+\n)+\n?$/;

describe('group commands', () => {
  it.each(['status', 'project', 'meeting'])('accsm %s --help ends with examples of its subcommands', async (group) => {
    const r = await cli([group, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(endsWithExamples);
    expect(r.stdout).toContain(`\n  accsm ${group} `);
  });

  it('accsm status alone: its help, with the examples, on stderr, exit 2', async () => {
    const r = await cli(['status']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: accsm status /);
    expect(r.stderr).toMatch(endsWithExamples);
  });

  it('a misspelt subcommand is named as an unknown command, not as "too many arguments"', async () => {
    const r = await cli(['status', 'sett', 'P07', 'completed']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown command 'sett'");
    expect(r.stderr).toContain('its commands: set');
    expect(r.stderr).not.toContain('too many arguments');
  });
});

describe('the examples in the editing commands\' help', () => {
  it('each runs on a copy of the embedded data (as a dry run)', async () => {
    const lines = new Set<string>();
    for (const cmd of [['status', 'set'], ['project', 'add'], ['meeting', 'add']]) {
      for (const m of (await cli([...cmd, '--help'])).stdout.matchAll(/^ {2}accsm (.+)$/gm)) lines.add(m[1]!);
    }
    expect(lines.size).toBeGreaterThanOrEqual(4);
    const { dir, cleanup } = copyRoot();
    try {
      for (const line of lines) {
        // the examples quote with "…" and hold no other shell syntax
        const args = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!).filter((a) => a !== '--dry-run');
        const r = await cli([...args, '--data', dir, '--dry-run']);
        expect({ line, code: r.code, stderr: r.stderr }).toMatchObject({ line, code: 0 });
      }
    } finally {
      cleanup();
    }
  });
});
