/** Format names, known without loading any formatter (they feed commander's .choices()). */
export const TABULAR_FORMATS = ['table', 'markdown', 'json', 'csv'] as const;
export type TabularFormat = (typeof TABULAR_FORMATS)[number];

export const SHOW_FORMATS = ['text', 'markdown', 'json'] as const;
export type ShowFormat = (typeof SHOW_FORMATS)[number];
