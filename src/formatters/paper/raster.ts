/**
 * The chart as a PNG, for Word versions that cannot show SVG: the same SVG,
 * drawn by resvg (@resvg/resvg-js) with DejaVu Sans from the dejavu-fonts-ttf
 * package, so the picture has every word of the SVG and does not depend on
 * the fonts of the machine that writes it. resvg is a native module, loaded
 * only when a Word paper with a chart is written.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** How wide the chart is printed in the Word paper, and at what resolution. */
export const PRINT_WIDTH_INCHES = 6.25;
export const PRINT_DPI = 300;

export interface ChartPng {
  png: Uint8Array;
  /** pixels */
  width: number;
  height: number;
}

const FONT = 'DejaVu Sans';

/** The TrueType files resvg draws the chart's text with (regular and bold). */
export function chartFontFiles(): string[] {
  const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => join(dir, f));
}

/** Renders the chart's SVG at print resolution (PRINT_WIDTH_INCHES at PRINT_DPI). */
export async function chartPng(svg: string, widthPx = Math.round(PRINT_WIDTH_INCHES * PRINT_DPI)): Promise<ChartPng> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx },
    background: '#ffffff',
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: FONT, sansSerifFamily: FONT },
  });
  const image = resvg.render();
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
}
