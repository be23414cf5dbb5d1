import type { Command } from 'commander';
import { fail } from '../diagnostics/diagnostic.ts';
import { sizeOf } from '../ir/graph.ts';
import { compile, testVectors } from '../pipeline.ts';
import { parseIntegerBits, parsePrecisionRange, parseReuseList, parseSamples } from '../sweep/args.ts';
import { readLabels } from '../sweep/labels.ts';
import { runSweep, withSynthesis, type SweepPoint, type SweepResult } from '../sweep/sweep.ts';
import { synthesizePoints } from '../sweep/synth-points.ts';
import { DEFAULT_SYNTH_CACHE } from '../synth/cache.ts';
import { endProgress, MAX_SAMPLES, positiveInteger, positiveNumber, progress } from './options.ts';
import { availableParallelism } from 'node:os';
import { table } from './summary.ts';
import { deferInterrupts, yieldToSignals } from '../util/interrupt.ts';

/** commander calls the parser; a thrown Error becomes one `bad-option` diagnostic naming the flag */
const arg =
  <T>(flag: string, parse: (text: string) => T) =>
  (text: string): T => {
    try {
      return parse(text);
    } catch (e) {
      throw fail('bad-option', { key: flag }, (e as Error).message.replace(`${flag} `, ''));
    }
  };

interface SweepFlags {
  config?: string;
  precision: number[];
  reuse: number[];
  integerBits?: number;
  input?: string;
  labels?: string;
  samples: number;
  json?: boolean;
  synth?: boolean;
  jobs: number;
  cache: string;
  scheduler: 'local' | 'slurm';
  slurmPartition?: string;
  slurmTime?: string;
  slurmAccount?: string;
  slurmMem?: string;
  slurmPoll: number;
}

const scheduler = (text: string): 'local' | 'slurm' => {
  if (text !== 'local' && text !== 'slurm') throw fail('bad-option', { key: '--scheduler' }, `must be local or slurm, not ${JSON.stringify(text)}`);
  return text;
};

export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description('design-space sweep: uniform precision ap_fixed<W,I> × reuse factor; error vs float (or accuracy) from the bit-exact emulator, resources and latency from the estimator, and the Pareto front')
    .argument('[model]', 'model file (.onnx, Keras .json/.h5/.keras); defaults to the model in the config')
    .option('-c, --config <file>', 'hls4ml-style YAML configuration')
    .requiredOption('--precision <widths>', 'total widths W: a range 6..16, a range with a step 8..16:2, or a list 6,8,12', arg('--precision', parsePrecisionRange))
    .option('--reuse <factors>', 'reuse factors, e.g. 1,2,4', arg('--reuse', parseReuseList), [1])
    .option('--integer-bits <I>', 'integer bits I of ap_fixed<W,I> (default: from the float activation ranges)', arg('--integer-bits', parseIntegerBits))
    .option('-i, --input <file>', 'input vectors (.dat, .csv, .json); default: random, seeded')
    .option('--labels <file>', 'class labels, one per input line (an integer class, or a one-hot row): report accuracy')
    .option('-n, --samples <n>', 'number of random inputs when no --input is given', arg('--samples', (t) => {
      const n = parseSamples(t);
      if (n > MAX_SAMPLES) throw new Error(`--samples must be a positive integer up to ${MAX_SAMPLES}, not ${t}`);
      return n;
    }), 1000)
    .option('--synth', 'also synthesize every point with Yosys (synth_xilinx -family xcup -abc9): its LUT/FF/DSP/BRAM beside the estimate, cached by content hash')
    .option('--jobs <n>', 'Yosys processes at a time with --synth (default: the number of cores)', positiveInteger('--jobs', 1024), availableParallelism())
    .option('--cache <dir>', 'cache folder of synthesis results (content-hashed: a re-run synthesizes only what changed)', DEFAULT_SYNTH_CACHE)
    .option('--scheduler <name>', 'where --synth runs Yosys: local (worker processes) or slurm (one sbatch job array; implies --synth)', scheduler, 'local')
    .option('--slurm-partition <name>', 'sbatch --partition of the job array')
    .option('--slurm-time <time>', 'sbatch --time of one point, e.g. 2:00:00')
    .option('--slurm-account <name>', 'sbatch --account to charge')
    .option('--slurm-mem <size>', 'sbatch --mem of one point, e.g. 8G')
    .option('--slurm-poll <seconds>', 'seconds between two squeue polls', positiveNumber('--slurm-poll'), 10)
    .option('--json', 'machine-readable output on stdout')
    .action(async (model: string | undefined, f: SweepFlags) => {
      // a signal is handled between the sweep's steps: exit 130 with one `interrupted` line
      const release = deferInterrupts();
      try {
        const { config, graph } = compile({ model, configFile: f.config });
        const v = testVectors(graph, config, { input: f.input, samples: f.samples });
        const outWidth = sizeOf(graph.layers.find((l) => l.name === graph.outputs[0])!.shape);
        const labels = f.labels ? readLabels(f.labels, v.batch, outWidth) : undefined;
        const sweep = await runSweep({ model: config.model, configFile: f.config, widths: f.precision, reuseFactors: f.reuse, integerBits: f.integerBits, inputs: v.data, batch: v.batch, labels, onProgress: progress(f.json), pause: yieldToSignals });
        const r = f.synth || f.scheduler === 'slurm' ? await synthesized(sweep, config.model, f, v.data.subarray(0, v.data.length / v.batch)) : sweep;
        endProgress(f.json);
        if (f.json) process.stdout.write(JSON.stringify({ samples: v.batch, ...r }, null, 2) + '\n');
        else process.stdout.write(formatSweep(r, v.batch));
      } finally {
        release();
      }
    });
}

async function synthesized(r: SweepResult, model: string, f: SweepFlags, row: Float64Array): Promise<SweepResult> {
  if (r.backend !== 'RTL') throw fail('bad-option', { key: '--synth' }, 'the model must build with the RTL backend to be synthesized, not only with the HLS one');
  const slurm = { partition: f.slurmPartition, time: f.slurmTime, account: f.slurmAccount, mem: f.slurmMem, poll: f.slurmPoll };
  const synth = await synthesizePoints(r.points, { model, configFile: f.config, cache: f.cache, scheduler: f.scheduler, jobs: f.jobs, slurm, row, onProgress: progress(f.json) });
  return withSynthesis(r, synth);
}

function formatSweep(r: SweepResult, samples: number): string {
  const withAccuracy = r.points.some((p) => p.accuracy !== undefined);
  const synth = r.points.some((p) => p.yosys);
  const header = ['precision', 'RF', withAccuracy ? 'accuracy' : 'mean |Δ|', 'max |Δ|', 'overflows', 'LUT', 'FF', 'DSP', 'BRAM', ...(synth ? ['Yosys LUT', 'Yosys FF', 'Yosys DSP', 'Yosys BRAM'] : []), 'latency', 'II', 'pareto'];
  const row = (p: SweepPoint) => [
    p.precision,
    p.reuseFactor,
    p.accuracy !== undefined ? `${(100 * p.accuracy).toFixed(2)}%` : p.meanAbsError.toPrecision(3),
    p.maxAbsError.toPrecision(3),
    p.overflows,
    Math.round(p.lut),
    Math.round(p.ff),
    p.dsp,
    p.bram,
    ...(p.yosys ? [p.yosys.lut, p.yosys.ff, p.yosys.dsp, p.yosys.bram] : []),
    `${p.latencyCycles} (${p.latencyNs} ns)`,
    p.ii,
    p.pareto ? '*' : '',
  ];
  const front = r.points.filter((p) => p.pareto);
  return (
    `sweep: ${r.points.length} points on ${samples} samples, ap_fixed<W,${r.integerBits}>, estimates of the ${r.backend} backend` +
    (r.floatAccuracy !== undefined ? `, float accuracy ${(100 * r.floatAccuracy).toFixed(2)}%` : '') +
    `, ${r.seconds.toFixed(1)} s\n` +
    (synth ? `Yosys synth_xilinx -family xcup -abc9: ${r.points.filter((p) => p.yosys && !p.yosys.cached).length} points synthesized, ${r.points.filter((p) => p.yosys?.cached).length} from the cache\n` : '') +
    `\n${table(header, r.points.map(row))}\n\n` +
    `Pareto front (${withAccuracy ? 'accuracy' : 'mean |Δ| vs float'}, ${synth ? 'Yosys ' : ''}LUT + DSP, latency): ${front.length} points\n${table(header.slice(0, -1), front.map((p) => row(p).slice(0, -1)))}\n`
  );
}
