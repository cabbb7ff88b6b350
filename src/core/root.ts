/**
 * Which data root a command works on, in this order: --data, ACCSM_DATA, the
 * `data:` of the nearest accsm.config.yaml (walking up from the working
 * directory), the working directory when it holds plans/, ./data when it holds
 * plans/, and last the data shipped with accsm (`source: 'embedded'`, which a
 * command must say it uses). Pure: env and cwd are passed in.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findConfig, readConfig, type LoadedConfig } from './config.js';

export type RootSource = '--data' | 'ACCSM_DATA' | 'accsm.config.yaml' | 'working directory' | './data' | 'embedded';

export interface ResolvedRoot {
  dir: string;
  source: RootSource;
  /** the accsm.config.yaml in force, if any (check its diagnostics before using the root) */
  config?: LoadedConfig;
}

export interface ResolveRootOptions {
  /** the --data flag, relative to cwd */
  data?: string;
  /** environment variables; only ACCSM_DATA is read. Default: none */
  env?: Readonly<Record<string, string | undefined>>;
  /** the folder the search starts from; relative paths are resolved against it */
  cwd: string;
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

export function resolveDataRoot(options: ResolveRootOptions): ResolvedRoot {
  const cwd = resolve(options.cwd);
  const given = options.data ?? (options.env?.ACCSM_DATA || undefined);
  if (given !== undefined) {
    const dir = resolve(cwd, given);
    return withConfig({ dir, source: options.data !== undefined ? '--data' : 'ACCSM_DATA' }, configOf(dir));
  }
  const found = findConfig(cwd);
  const config = found === undefined ? undefined : readConfig(found);
  if (config && (config.diagnostics.length > 0 || config.config.data !== undefined)) return withConfig({ dir: config.config.data ?? dirname(found!), source: 'accsm.config.yaml' }, config);
  if (hasPlans(cwd)) return withConfig({ dir: cwd, source: 'working directory' }, config);
  if (hasPlans(join(cwd, 'data'))) return withConfig({ dir: join(cwd, 'data'), source: './data' }, config);
  return { dir: embeddedDataDir(), source: 'embedded' };
}

/** The config that belongs to a root given by path: the nearest one above it, unless its data: names another root. */
function configOf(dir: string): LoadedConfig | undefined {
  const found = findConfig(dir);
  if (found === undefined) return undefined;
  const config = readConfig(found);
  if (config.diagnostics.length === 0 && config.config.data !== undefined && config.config.data !== dir) return undefined;
  return config;
}

function withConfig(root: ResolvedRoot, config: LoadedConfig | undefined): ResolvedRoot {
  return config ? { ...root, config } : root;
}

function hasPlans(dir: string): boolean {
  try {
    return statSync(join(dir, 'plans')).isDirectory();
  } catch {
    return false;
  }
}
