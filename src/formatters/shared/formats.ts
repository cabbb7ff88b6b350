/** Format names, known without loading any formatter (they feed commander's .choices()). */
export const TABULAR_FORMATS = ['table', 'markdown', 'json', 'csv'] as const;
export type TabularFormat = (typeof TABULAR_FORMATS)[number];

/** report and list also write a workbook (with --out), laid out by src/formatters/xlsx. */
export const SCOPE_FORMATS = [...TABULAR_FORMATS, 'xlsx'] as const;
export type ScopeFormat = (typeof SCOPE_FORMATS)[number];

export const SHOW_FORMATS = ['text', 'markdown', 'json'] as const;
export type ShowFormat = (typeof SHOW_FORMATS)[number];
