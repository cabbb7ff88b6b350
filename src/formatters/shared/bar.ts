/** A small progress bar for a percentage: Unicode eighth blocks, or plain ASCII. */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar `width` characters wide, filled to `percent` (0–100), padded with spaces (Unicode) or dots (ASCII). */
export function progressBar(percent: number, options: { width?: number; ascii?: boolean } = {}): string {
  const width = options.width ?? 10;
  const p = Math.min(Math.max(percent, 0), 100);
  if (options.ascii) {
    const full = Math.round((p * width) / 100);
    return '#'.repeat(full) + '.'.repeat(width - full);
  }
  const eighths = Math.round((p * width * 8) / 100);
  const full = Math.floor(eighths / 8);
  const part = EIGHTHS[eighths % 8]!;
  return ('█'.repeat(full) + part).padEnd(width, ' ');
}
