/** The meeting paper: a document model built from the report, and its markdown, Word and chart renderers. */
export { buildPaper, figureCaption, type Block, type Inline, type PaperDoc, type PaperInput, type PaperOptions, type TableRow } from './model.js';
export { paperMarkdown } from './markdown.js';
export { paperChart, STATUS_FILL } from './svg.js';
export { chartPng, chartFontFiles, PRINT_DPI, PRINT_WIDTH_INCHES, type ChartPng } from './raster.js';
export { paperDocx, type DocxChart, type DocxOptions } from './docx.js';
export * as words from './words.js';
