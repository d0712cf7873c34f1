/**
 * Aligns rows into columns two spaces apart; the last column is not padded.
 * Widths count UTF-16 code units, which matches the terminal for the Latin and
 * Vietnamese text zoneguard prints.
 */
export function formatTable(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, cell.length);
    });
  }
  return rows
    .map((row) =>
      row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index]!))).join('  '),
    )
    .join('\n')
    .concat('\n');
}
