import { describe, expect, it } from 'vitest';
import { eachLimited } from '../../src/util/each-limited.ts';

/** A task that records when it starts and ends, and ends when the test releases it. */
function recorder() {
  const events: string[] = [];
  const release = new Map<number, () => void>();
  let running = 0;
  let most = 0;
  const task = (n: number) =>
    new Promise<void>((resolve) => {
      events.push(`start ${n}`);
      most = Math.max(most, ++running);
      release.set(n, () => {
        events.push(`end ${n}`);
        running--;
        resolve();
      });
    });
  return { events, release, task, most: () => most };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('eachLimited', () => {
  it('starts the items in order, never more than the limit at once, the next as soon as one ends', async () => {
    const r = recorder();
    const run = eachLimited([0, 1, 2, 3, 4], 2, r.task);
    await tick();
    expect(r.events).toEqual(['start 0', 'start 1']);
    r.release.get(1)!();
    await tick();
    expect(r.events).toEqual(['start 0', 'start 1', 'end 1', 'start 2']);
    for (const n of [0, 2, 3, 4]) {
      await tick();
      r.release.get(n)!();
    }
    await run;
    expect(r.events.filter((e) => e.startsWith('start'))).toEqual([0, 1, 2, 3, 4].map((n) => `start ${n}`));
    expect(r.events.filter((e) => e.startsWith('end')).length).toBe(5);
    expect(r.most()).toBe(2);
  });

  it('runs one at a time with a limit below 1, and at most as many as there are items', async () => {
    for (const [limit, items, most] of [[0, 3, 1], [8, 3, 3]] as const) {
      const r = recorder();
      const run = eachLimited(Array.from({ length: items }, (_, i) => i), limit, r.task);
      for (let n = 0; n < items; n++) {
        await tick();
        r.release.get(n)!();
      }
      await run;
      expect(r.most()).toBe(most);
    }
    await expect(eachLimited([], 4, () => Promise.reject(new Error('never called')))).resolves.toBeUndefined();
  });

  it('rejects with the error of a task that throws', async () => {
    await expect(eachLimited([1, 2, 3], 2, async (n) => { if (n === 2) throw new Error(`task ${n} failed`); })).rejects.toThrow('task 2 failed');
  });
});
