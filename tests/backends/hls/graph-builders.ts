/**
 * Hand-built IR graphs for the HLS backend and C simulation tests: a chain of layers from one input, seeded random
 * weights, every precision variable filled the way the apply-config pass would.
 */
import type { ProjectConfig } from '../../../src/config/project-config.ts';
import { fixedType, parseFixedType, type FixedType } from '../../../src/fixed/index.ts';
import type { Graph } from '../../../src/ir/graph.ts';
import { mulberry32 } from '../../../src/data/random-inputs.ts';
import type { Layer, Precision, Strategy } from '../../../src/ir/layers.ts';

/** Deterministic uniform numbers in [0, 1) (mulberry32). */
export const seededRandom = mulberry32;

export function uniform(n: number, rand: () => number, lo: number, hi: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = lo + (hi - lo) * rand();
  return out;
}

export const fx = (text: string): FixedType => parseFixedType(text);
export const TABLE_DEFAULT = fx('ap_fixed<18,8,AP_RND,AP_SAT>');

export interface LayerOptions {
  readonly precision?: Partial<Precision>;
  readonly reuseFactor?: number;
  readonly strategy?: Strategy;
  readonly name?: string;
}

/** A chain of layers from one input, built in order; `precision` fills every variable not given per layer. */
export class ChainBuilder {
  private readonly layers: Layer[] = [];
  private readonly rand: () => number;

  constructor(
    private readonly name: string,
    inputSize: number,
    private readonly precision: FixedType,
    seed: number,
  ) {
    this.rand = seededRandom(seed);
    this.layers.push({ ...this.base('input', [inputSize], {}, { name: 'input_1' }), kind: 'input' });
  }

  dense(nOut: number, opts: LayerOptions & { weightScale?: number } = {}): this {
    const nIn = this.size();
    const scale = opts.weightScale ?? 2 / Math.sqrt(nIn);
    return this.add({
      ...this.base('dense', [nOut], { weight: this.precision, bias: this.precision, accum: this.precision }, opts),
      kind: 'dense',
      nIn,
      nOut,
      weights: uniform(nIn * nOut, this.rand, -scale, scale),
      bias: uniform(nOut, this.rand, -0.5, 0.5),
    });
  }

  batchnorm(opts: LayerOptions = {}): this {
    const n = this.size();
    return this.add({
      ...this.base('batchnorm', [n], { scale: this.precision, bias: this.precision }, opts),
      kind: 'batchnorm',
      scale: uniform(n, this.rand, -2, 2),
      bias: uniform(n, this.rand, -1, 1),
    });
  }

  relu(opts: LayerOptions = {}): this {
    return this.add({ ...this.base('relu', [this.size()], {}, opts), kind: 'relu' });
  }
  linear(opts: LayerOptions = {}): this {
    return this.add({ ...this.base('linear', [this.size()], {}, opts), kind: 'linear' });
  }
  identity(opts: LayerOptions = {}): this {
    return this.add({ ...this.base('identity', [this.size()], {}, opts), kind: 'identity' });
  }
  leakyRelu(alpha: number, opts: LayerOptions = {}): this {
    return this.add({ ...this.base('leaky_relu', [this.size()], { param: this.precision }, opts), kind: 'leaky_relu', alpha });
  }
  clip(min: number, max: number, opts: LayerOptions = {}): this {
    return this.add({ ...this.base('clip', [this.size()], {}, opts), kind: 'clip', min, max });
  }
  sigmoid(tableSize = 1024, opts: LayerOptions = {}): this {
    return this.add({ ...this.base('sigmoid', [this.size()], { table: TABLE_DEFAULT }, opts), kind: 'sigmoid', tableSize });
  }
  tanh(tableSize = 1024, opts: LayerOptions = {}): this {
    return this.add({ ...this.base('tanh', [this.size()], { table: TABLE_DEFAULT }, opts), kind: 'tanh', tableSize });
  }
  softmax(tableSize = 1024, opts: LayerOptions = {}): this {
    const tables = { exp_table: TABLE_DEFAULT, inv_table: TABLE_DEFAULT, accum: TABLE_DEFAULT };
    return this.add({ ...this.base('softmax', [this.size()], tables, opts), kind: 'softmax', tableSize });
  }

  build(): Graph {
    return { name: this.name, layers: [...this.layers], outputs: [this.layers[this.layers.length - 1].name] };
  }

  private size(): number {
    const last = this.layers[this.layers.length - 1];
    return last.shape.reduce((a, b) => a * b, 1);
  }

  private add(layer: Layer): this {
    this.layers.push(layer);
    return this;
  }

  private base(kind: string, shape: number[], defaults: Partial<Precision>, opts: LayerOptions) {
    const previous = this.layers[this.layers.length - 1];
    return {
      name: opts.name ?? `${kind}_${this.layers.length}`,
      inputs: previous ? [previous.name] : [],
      shape,
      precision: { result: this.precision, ...defaults, ...opts.precision } as Precision,
      reuseFactor: opts.reuseFactor ?? 1,
      strategy: opts.strategy ?? 'latency',
    };
  }
}

export function projectConfig(projectName: string, outputDir: string): ProjectConfig {
  return {
    model: '/models/hand-built.onnx',
    outputDir,
    projectName,
    part: 'xcvu9p-flga2104-2-e',
    clockPeriod: 5,
    ioType: 'io_parallel',
    backend: 'Vivado',
    defaults: { precision: fixedType(16, 6), precisionVars: {}, reuseFactor: 1, strategy: 'latency', tableSize: 1024 },
    layerType: {},
    layerName: {},
  };
}
