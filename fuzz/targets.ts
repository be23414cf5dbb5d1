import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mutateBytes } from './mutators/bytes.ts';
import { mutateOnnx } from './mutators/onnx.ts';
import { mutateVectors, mutateYaml } from './mutators/text.ts';
import type { Random } from './random.ts';

export type Mutator = (input: Uint8Array, r: Random) => Uint8Array;

/**
 * The files a case is made of, each with a valid seed and its mutators. A new frontend adds its kinds here (Keras:
 * `h5` and `json` entries with their seed model and structure mutators); the engine picks among all of them.
 */
export interface FileKind {
  /** the file name the case writes */
  readonly file: string;
  readonly seed: () => Uint8Array;
  readonly mutators: readonly Mutator[];
}

const EXAMPLE = resolve(import.meta.dirname, '../examples/jet_tagger');
const once = <T>(f: () => T): (() => T) => {
  let v: T | undefined;
  return () => (v ??= f());
};

export const FILE_KINDS = {
  model: { file: 'model.onnx', seed: once(() => readFileSync(resolve(EXAMPLE, 'jet_tagger.onnx'))), mutators: [mutateBytes, mutateOnnx, mutateOnnx] },
  config: {
    file: 'config.yml',
    seed: once(() => Buffer.from('OnnxModel: model.onnx\nProjectName: fuzzed\nClockPeriod: 5\nHLSConfig:\n  Model:\n    Precision: ap_fixed<16,6>\n    ReuseFactor: 1\n    Strategy: Latency\n')),
    mutators: [mutateYaml, mutateYaml, mutateBytes],
  },
  inputs: { file: 'inputs.dat', seed: once(() => Buffer.from(readFileSync(resolve(EXAMPLE, 'inputs.dat'), 'utf8').split('\n').slice(0, 4).join('\n') + '\n')), mutators: [mutateVectors, mutateBytes] },
} satisfies Record<string, FileKind>;

export type KindName = keyof typeof FILE_KINDS;

/** The commands a case runs on its files (every output goes into the case folder). */
export const COMMANDS: readonly ((f: Record<KindName, string>) => string[])[] = [
  (f) => ['predict', f.model, '-c', f.config, '-i', f.inputs],
  (f) => ['predict', f.model, '-c', f.config, '-i', f.inputs, '--float', '-o', 'predictions.csv'],
  (f) => ['estimate', f.model, '-c', f.config],
  (f) => ['convert', f.model, '-c', f.config, '-i', f.inputs, '-o', 'out'],
  (f) => ['convert', f.model, '-c', f.config, '-n', '3', '-o', 'out', '--backend', 'rtl'],
];
