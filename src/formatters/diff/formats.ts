/** The diff format names, known without loading any formatter (they feed commander's .choices()). */
export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
