// Hostile inputs for `npm run bench` (issue 16): small files built so that
// quadratic work would show, each written into a copy of the embedded data.
// Each case must be checked in under 2 s (the target in bench/run.mjs).
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PROJECTS = join('plans', 'accsm-2021-2025', 'projects');

/** The cases: a label, what validate must find, and how to write the root. */
export const HOSTILE = [
  {
    key: 'duplicate-key',
    label: '100,000 keys and a duplicate (989 kB)',
    code: 'yaml-duplicate-key',
    write(root) {
      writeFileSync(join(root, PROJECTS, 'DUP.yaml'), `${Array.from({ length: 100_000 }, (_, i) => `k${i}: v`).join('\n')}\nk0: again\n`);
    },
  },
  {
    key: 'long-ids',
    label: '40 meetings and 40 references with 1,500-character ids (130 kB)',
    code: 'meeting-unknown',
    write(root) {
      const meetings = Array.from({ length: 40 }, (_, i) => `- id: ${'m'.repeat(1496)}${String(i).padStart(4, '0')}\n  name: n\n  date: 2021-09-14\n  body: ACCSM\n`).join('');
      writeFileSync(join(root, 'meetings.yaml'), `${readFileSync(join(root, 'meetings.yaml'), 'utf8')}\n${meetings}`);
      const status = Array.from({ length: 40 }, (_, i) => `  - date: 2021-09-${String((i % 28) + 1).padStart(2, '0')}\n    status: planned\n    meeting: ${'m'.repeat(1495)}x${String(i).padStart(4, '0')}\n`).join('');
      writeFileSync(join(root, PROJECTS, 'LONG.yaml'), `id: LONG\ntitle: t\npriority_areas: [competencies]\nlead: [BN]\nstatus:\n${status}`);
    },
  },
];

/** Writes (or reuses) the root of a case under `out`, a copy of `embedded` with the hostile file added. */
export function hostileRoot(out, embedded, c) {
  const root = join(out, `hostile-${c.key}`);
  if (!existsSync(root)) {
    mkdirSync(out, { recursive: true });
    cpSync(embedded, root, { recursive: true });
    c.write(root);
  }
  return root;
}
