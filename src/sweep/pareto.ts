/**
 * Pareto front over objectives that are all minimized: a point is on the front when no other point is at least as
 * good in every objective and strictly better in one. (Accuracy is minimized as 1 − accuracy.)
 */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let strictly = false;
  for (let k = 0; k < a.length; k++) {
    if (a[k] > b[k]) return false;
    if (a[k] < b[k]) strictly = true;
  }
  return strictly;
}

/**
 * Indices of the non-dominated points, ascending. Points are visited in lexicographic order, so a point can only be
 * dominated by one visited before it; and if any earlier point dominates it, a point of the front so far does
 * (dominance is transitive), so each point is checked against the front only.
 */
export function paretoFront(points: readonly (readonly number[])[]): number[] {
  const order = points.map((_, i) => i).sort((i, j) => lexCompare(points[i], points[j]) || i - j);
  const front: number[] = [];
  for (const i of order) if (!front.some((f) => dominates(points[f], points[i]))) front.push(i);
  return front.sort((a, b) => a - b);
}

function lexCompare(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] - b[k];
  return 0;
}
