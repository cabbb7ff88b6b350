/** The shape of src/: no import cycle, and no command imports another command. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers.js';

type Graph = Map<string, string[]>;

const SRC = join(REPO, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import of a TypeScript file in src/ (static, type-only, re-export and dynamic), as paths relative to src/; JSON from ../schemas and the generated validators are leaves. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
  return specs
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(SRC, resolve(dirname(file), s)).replace(/\.js$/, '.ts'))
    .filter((s) => !s.startsWith('core/generated/') && !s.startsWith('../'));
}

function srcGraph(): Graph {
  return new Map(sourceFiles(SRC).map((f) => [relative(SRC, f), importsOf(f)]));
}

/** Each import cycle once, as the list of files around it (depth-first search, colouring). */
export function findCycles(graph: Graph): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

/** `cli/commands/a.ts → cli/commands/b.ts` for each command importing another (index.ts registers them all). */
export function commandToCommand(graph: Graph): string[] {
  const isCommand = (f: string) => f.startsWith('cli/commands/') && f !== 'cli/commands/index.ts';
  return [...graph].flatMap(([from, tos]) => (isCommand(from) ? tos.filter((to) => isCommand(to) && to !== from).map((to) => `${from} → ${to}`) : []));
}

describe('import graph of src/', () => {
  const graph = srcGraph();

  it('reads the real tree (the walk finds the CLI and its commands)', () => {
    expect(graph.get('cli/program.ts')).toContain('cli/commands/index.ts');
    expect(graph.get('cli/commands/index.ts')).toContain('cli/commands/report.ts');
    // a dynamic import counts too
    expect(graph.get('cli/commands/report.ts')).toContain('formatters/report/index.ts');
  });

  it('every import resolves to a file in src/', () => {
    const missing = [...graph].flatMap(([from, tos]) => tos.filter((to) => !graph.has(to)).map((to) => `${from} → ${to}`));
    expect(missing).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('no command imports another command', () => {
    expect(commandToCommand(graph)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('find a cycle, and a command importing a command', () => {
    const bad: Graph = new Map([
      ['cli/program.ts', ['cli/commands/index.ts']],
      ['cli/commands/index.ts', ['cli/commands/a.ts']],
      ['cli/commands/a.ts', ['cli/commands/b.ts', 'cli/program.ts']],
      ['cli/commands/b.ts', []],
    ]);
    expect(findCycles(bad)).toEqual([['cli/commands/a.ts', 'cli/program.ts', 'cli/commands/index.ts', 'cli/commands/a.ts']]);
    expect(commandToCommand(bad)).toEqual(['cli/commands/a.ts → cli/commands/b.ts']);
  });
});
