/** The options every report, list and show formatter takes. */
export interface FormatOptions {
  /** ANSI color (table and text only) */
  color: boolean;
  /** plain ASCII borders, bars and markers instead of Unicode (table and text only) */
  ascii?: boolean;
  /** the terminal's width in columns; tables and text fit it when they can (table and text only) */
  width?: number;
}
