/**
 * `npm run fuzz -- [--seed N] [--count N] [--seconds S] [--out-of-process-every N] [--hang-ms MS] [--save DIR]`:
 * mutate the example model, configuration and inputs, run the CLI on each case and classify it (docs/errors.md).
 * Exit code 1 if any case crashed, hung or left files behind.
 */
import { runFuzz } from './engine.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const save = process.argv.includes('--save') ? process.argv[process.argv.indexOf('--save') + 1] : undefined;

const summary = await runFuzz({
  seed: arg('seed', 1),
  count: arg('count', 1000),
  seconds: arg('seconds', 300),
  outOfProcessEvery: arg('out-of-process-every', 25),
  hangMs: arg('hang-ms', 30_000),
  saveDir: save,
  onCase: (c) => {
    if (c.outcome !== 'success' && c.outcome !== 'error') process.stderr.write(`case ${c.index} (${c.mutated}, ${c.process}-process): ${c.outcome}: hlsforge ${c.args.join(' ')}\n${c.stderr}\n`);
  },
});
const { counts } = summary;
process.stdout.write(
  `fuzz: seed ${summary.seed}, ${summary.cases} cases in ${summary.seconds.toFixed(1)} s: ${counts.success} success, ${counts.error} catalogued errors, ` +
    `${counts.crash} crashes, ${counts.hang} hangs, ${counts.leftover} with leftover files\n`,
);
process.exitCode = summary.bad.length ? 1 : 0;
