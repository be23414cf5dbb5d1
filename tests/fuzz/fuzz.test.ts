import { describe, expect, it } from 'vitest';
import { runFuzz } from '../../fuzz/engine.ts';

/**
 * The short seeded fuzz run of CI: mutated models, configurations and inputs through the CLI, in-process and a sample
 * as real processes. Bounded by count and by time (whichever comes first), so a slow machine runs fewer cases, never
 * a longer test; any crash, hang or leftover file fails it.
 */
describe('the seeded fuzz run', () => {
  it('finds no crash, hang or leftover file in up to 300 mutated cases', async () => {
    const summary = await runFuzz({ seed: 2026, count: 300, seconds: 90, outOfProcessEvery: 60, hangMs: 60_000 });
    console.log(`fuzz: seed ${summary.seed}, ${summary.cases} cases in ${summary.seconds.toFixed(1)} s: ${JSON.stringify(summary.counts)}`);
    const report = summary.bad.map((c) => `case ${c.index} (${c.mutated}, ${c.process}-process) ${c.outcome}: hlsforge ${c.args.join(' ')}\n${c.stderr}`).join('\n');
    expect(report).toBe('');
    expect(summary.cases).toBeGreaterThan(0);
    expect(summary.counts.success + summary.counts.error).toBe(summary.cases);
  });
});
