/** The seven cells of one row of a shipped price CSV, with its line number for error messages. */
export interface CsvRow {
  line: number;
  cells: [string, string, string, string, string, string, string];
}

/**
 * Splits a shipped price CSV (no quoted fields, seven columns) into rows after checking its header.
 * A wrong header or a row with another column count is an error naming `label` and the line.
 */
export function splitSevenColumnCsv(text: string, header: string, label: string): CsvRow[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (lines[0] !== header) throw new Error(`${label}: expected header "${header}"`);
  return lines.slice(1).map((text, i) => {
    const line = i + 2;
    const cells = text.split(",");
    if (cells.length !== 7) throw new Error(`${label} line ${line}: expected 7 columns, got ${cells.length}`);
    return { line, cells: cells as CsvRow["cells"] };
  });
}
