import { describe, expect, it } from 'vitest';
import { dominates, paretoFront } from '../../src/sweep/pareto.ts';
import { seededRandom } from '../backends/hls/graph-builders.ts';

/** The definition, checked pair by pair. */
const bruteForce = (points: number[][]): number[] =>
  points.flatMap((p, i) => (points.some((q, j) => j !== i && q.every((v, k) => v <= p[k]) && q.some((v, k) => v < p[k])) ? [] : [i]));

describe('Pareto front', () => {
  it('keeps exactly the points no other point dominates, on random point sets with ties and duplicates', () => {
    const rand = seededRandom(3);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rand() * 30);
      // small integer coordinates, so ties and duplicate points are frequent
      const points = Array.from({ length: n }, () => Array.from({ length: 3 }, () => Math.floor(rand() * 5)));
      expect(paretoFront(points)).toEqual(bruteForce(points));
    }
  });

  it('treats equal points as not dominating each other', () => {
    expect(dominates([1, 2, 3], [1, 2, 3])).toBe(false);
    expect(paretoFront([[1, 2, 3], [1, 2, 3], [2, 2, 3]])).toEqual([0, 1]);
  });
});
