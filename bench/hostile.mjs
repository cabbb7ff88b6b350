// Hostile inputs for `npm run bench` (issue 16): small files built so that
// quadratic work would show, each written into a copy of the embedded data.
// Each case must be checked in under 2 s (the target in bench/run.mjs).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PROJECTS = join('plans', 'accsm-2021-2025', 'projects');

/** Files of about 1 MB for the git case, and how many: the issue's case is 600 (ENOBUFS before batching); 100 keep the row to a few seconds. */
export const GIT_FILES = 100;
/** The issue's case for the diagnostics formats: 50,000 empty files. */
const EMPTY_FILES = 50_000;
const PAD = `${`# ${'padding so that the file is about one megabyte; '.repeat(40)}\n`.repeat(490)}`;

/**
 * The cases: a label, what the run must find, and how to write the root. A
 * case runs `accsm validate --data ROOT --format json` and must exit 1 with
 * `code`, unless it gives its own `args` and `expect`.
 */
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
  {
    key: 'git-batches',
    label: `diff of a revision with ${GIT_FILES} files of about 1 MB (${Math.round((GIT_FILES * (PAD.length + 120)) / 1e6)} MB; read in 64 MB batches)`,
    limitS: 5,
    args: (root) => ['diff', 'HEAD', '--data', root, '--format', 'json'],
    // the revision and the working tree are the same: no change, and every file read (and counted) on both sides
    expect(r) {
      if (r.status !== 0) return false;
      const d = JSON.parse(r.stdout);
      const plan = d.plans.find((p) => p.id === 'accsm-2021-2025');
      return d.base.errors === 0 && d.head.errors === 0 && d.plans.every((p) => p.kind === 'unchanged') && plan.headline.before.total === 31 + GIT_FILES && plan.headline.after.total === 31 + GIT_FILES;
    },
    write(root) {
      for (let i = 1; i <= GIT_FILES; i++) {
        const id = `G${String(i).padStart(3, '0')}`;
        writeFileSync(join(root, PROJECTS, `${id}.yaml`), `id: ${id}\ntitle: Generated ${i}\npriority_areas: [competencies]\nlead: [VN]\nstatus:\n  - date: 2022-01-01\n    status: planned\n${PAD}# ${i}\n`);
      }
      const git = (...args) => execFileSync('git', ['-c', 'user.name=accsm bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: root, stdio: 'ignore' });
      git('init', '-q');
      git('add', '-A');
      git('commit', '-q', '-m', 'bench');
    },
  },
  ...['stylish', 'junit'].map((format) => ({
    key: `empty-files-${format}`,
    root: 'empty-files',
    // before issue 16, stylish took 52 s and junit 59 s here (grouping by file per diagnostic)
    label: `50,000 empty project files, --format ${format}`,
    args: (root) => ['validate', '--data', root, '--format', format],
    // every empty file is reported: 50,000 file-empty errors, each named once
    expect: (r) => r.status === 1 && (r.stdout.match(format === 'junit' ? /type="file-empty"/g : /file-empty$/gm) ?? []).length === EMPTY_FILES,
    write(root) {
      for (let i = 1; i <= EMPTY_FILES; i++) writeFileSync(join(root, PROJECTS, `E${String(i).padStart(5, '0')}.yaml`), '');
    },
  })),
];

/** Writes (or reuses) the root of a case under `out`, a copy of `embedded` with the hostile file added. */
export function hostileRoot(out, embedded, c) {
  // cases that differ only in the command share one root
  const root = join(out, `hostile-${c.root ?? c.key}`);
  if (!existsSync(root)) {
    mkdirSync(out, { recursive: true });
    cpSync(embedded, root, { recursive: true });
    c.write(root);
  }
  return root;
}
