/**
 * Percentages from exact integers. The rule (README, "Counting rules"):
 * round half up (39.5% → 40%), except that a share above 0 never shows as 0%
 * and a share below the whole never shows as 100%. 0 of 0 is 0%.
 */
export function percent(part: number, whole: number): number {
  if (!Number.isInteger(part) || !Number.isInteger(whole) || part < 0 || whole < 0 || part > whole) {
    throw new RangeError(`percent(${part}, ${whole}): part and whole must be whole numbers with 0 ≤ part ≤ whole`);
  }
  if (whole === 0 || part === 0) return 0;
  if (part === whole) return 100;
  // floor((100·part + whole/2) / whole) in integers: half up
  const rounded = Math.floor((200 * part + whole) / (2 * whole));
  if (rounded === 0) return 1;
  if (rounded === 100) return 99;
  return rounded;
}
