// Small-cell suppression for every statistic the exchange shows: a count that covers fewer than
// MIN_CELL organisations is withheld, and so is a second cell whenever one withheld cell could
// otherwise be recovered by subtracting the shown cells from a shown total.

/** Cells covering fewer organisations than this are withheld (DESIGN.md). */
export const MIN_CELL = 3;

/** Withholds small counts of one row whose total is `total` (shown when it is 0 or at least MIN_CELL). */
export function suppressRow<K extends string>(
  counts: Readonly<Record<K, number>>,
  total: number,
): { cells: Record<K, number | null>; total: number | null } {
  const small = (n: number) => n > 0 && n < MIN_CELL;
  const cells = Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, small(n as number) ? null : n])) as Record<
    K,
    number | null
  >;
  let shownTotal: number | null = small(total) ? null : total;
  const withheld = () => Object.values(cells).filter((v) => v === null).length;
  if (shownTotal !== null && withheld() === 1) {
    // One withheld cell equals the total minus the others: withhold the smallest other non-zero cell too.
    const other = (Object.entries(cells) as [K, number | null][])
      .filter(([, v]) => v !== null && v > 0)
      .sort((a, b) => (a[1] as number) - (b[1] as number))[0];
    if (other) cells[other[0]] = null;
    else shownTotal = null;
  }
  return { cells, total: shownTotal };
}
