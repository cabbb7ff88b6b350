// Types of bench/generate.mjs, for the unit test.
export declare const GENERATOR_VERSION: number;
export declare const DEFAULT_SEED: number;
export declare const GENERATED_UNTIL: string;
export declare const PROJECTS_PER_PLAN: number;
export interface GenerateOptions {
  projects: number;
  seed?: number;
}
export declare function prng(seed: number): () => number;
export declare function generateFiles(options: GenerateOptions): [path: string, text: string][];
export declare function writeRoot(dir: string, options: GenerateOptions): string;
export declare function ensureRoot(dir: string, options: GenerateOptions): boolean;
