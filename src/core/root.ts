/** Which data root a command works on. */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type RootSource = '--data' | 'ACCSM_DATA' | './data' | 'embedded';

export interface ResolvedRoot {
  dir: string;
  source: RootSource;
}

/** The data shipped inside the package (dist/../data or src/core/../../data). */
export function embeddedDataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data', 'plans'))) return join(dir, 'data');
    dir = dirname(dir);
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'data');
}

/** --data DIR, else ACCSM_DATA, else ./data when it holds plans/, else the embedded data. */
export function resolveDataRoot(options: { data?: string; env: Record<string, string | undefined>; cwd: string }): ResolvedRoot {
  if (options.data) return { dir: resolve(options.cwd, options.data), source: '--data' };
  const fromEnv = options.env.ACCSM_DATA;
  if (fromEnv) return { dir: resolve(options.cwd, fromEnv), source: 'ACCSM_DATA' };
  const local = join(options.cwd, 'data');
  try {
    if (statSync(join(local, 'plans')).isDirectory()) return { dir: local, source: './data' };
  } catch {
    // no ./data/plans: fall through
  }
  return { dir: embeddedDataDir(), source: 'embedded' };
}
