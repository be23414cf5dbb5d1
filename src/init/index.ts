import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { ProjectConfig } from '../config/project-config.ts';
import { formatFixedType } from '../fixed/index.ts';
import type { Graph } from '../ir/graph.ts';
import { compile } from '../pipeline.ts';
import { readVectors } from '../data/vectors.ts';
import { inputLayers, sizeOf } from '../ir/graph.ts';
import { cppIdentifier } from '../backends/hls/names.ts';
import { fracBitsFor } from './choose-type.ts';
import { configGraph } from './config-graph.ts';
import { observedRanges } from './observe.ts';
import { planConfig, type Granularity, type InitPlan } from './plan.ts';
import { renderYaml, type TopEntry } from './render-yaml.ts';

export interface InitOptions {
  readonly model: string;
  /** input vectors (.dat, .csv, .json) to fit result types to; without them results grow exactly (auto) */
  readonly input?: string;
  readonly granularity: Granularity;
  /** headroom over the observed magnitudes (0.25 = 25 %) */
  readonly margin: number;
  /** largest rounding error wanted per value */
  readonly targetError: number;
  /** where the YAML goes (paths in it are relative to its folder); undefined: the working directory */
  readonly output?: string;
  /** compile the written config once to show the `auto` types in the comments (default: true) */
  readonly annotate?: boolean;
}

export interface InitResult {
  readonly yaml: string;
  readonly plan: InitPlan;
  readonly samples: number;
}

/** `hlsforge init`: an hls4ml-style configuration for a model, each precision commented with why it was chosen. */
export function initConfig(o: InitOptions): InitResult {
  const { config, graph } = configGraph(o.model);
  const width = inputLayers(graph).reduce((a, l) => a + sizeOf(l.shape), 0);
  const vectors = o.input ? readVectors(resolve(o.input), width) : undefined;
  const observed = vectors ? observedRanges(graph, vectors.data, vectors.batch) : undefined;
  const planned = planConfig({ graph, granularity: o.granularity, observed, margin: o.margin, targetError: o.targetError });
  const base = o.output ? dirname(resolve(o.output)) : process.cwd();
  const document = (plan: InitPlan, rel: (p: string) => string) => renderYaml(header(o, config.model, vectors?.batch), topKeys(o, config, rel), plan);
  // compiled once as written (absolute paths, in a temporary folder): the `auto` types precision inference picks go
  // into the comments, and a config that would not convert fails here, not later
  const plan = o.annotate === false ? planned : withInferredTypes(planned, compileText(document(planned, (p) => p)));
  return { yaml: document(plan, (p) => relative(base, p) || '.'), plan, samples: vectors?.batch ?? 0 };
}

function topKeys(o: InitOptions, config: ProjectConfig, rel: (p: string) => string): TopEntry[] {
  const project = cppIdentifier(basename(config.model, extname(config.model)));
  const top: TopEntry[] = [
    ...modelKeys(config.model, config.weights, rel),
    ['ProjectName', project],
    ['OutputDir', `${project}_prj`, 'relative to the working directory of convert'],
    ['Part', config.part],
    ['ClockPeriod', config.clockPeriod, 'ns'],
    ['IOType', config.ioType],
    ['Backend', config.backend],
    ...(o.input ? ([['InputData', rel(resolve(o.input)), 'the vectors the ranges were observed on; convert writes them as tb_data']] as TopEntry[]) : []),
  ];
  return top;
}

function header(o: InitOptions, model: string, samples: number | undefined): string[] {
  return [
    `hlsforge init ${basename(model)} (granularity ${o.granularity})`,
    samples
      ? `Result types fit the float outputs (quantizers applied) of the ${samples} input vectors: the largest magnitude +${Math.round(o.margin * 100)}% gives the integer bits; target error ${o.targetError} gives ${fracBitsFor(o.targetError)} fractional bits (AP_RND: error ≤ half a step; AP_SAT: values beyond the range saturate).`
      : `No input vectors: result types grow exactly from the input and weight types (auto, precision inference); pass -i inputs to fit them to data. Weights: ${fracBitsFor(o.targetError)} fractional bits for target error ${o.targetError}.`,
    "Types a QONNX/QKeras quantizer states are not written: the model's own type is used. Check with: hlsforge verify -c <this file>",
  ];
}

/** The compiled graph of a configuration text. */
function compileText(yaml: string): Graph {
  const dir = mkdtempSync(join(tmpdir(), 'hlsforge-init-'));
  try {
    writeFileSync(join(dir, 'config.yml'), yaml);
    return compile({ configFile: join(dir, 'config.yml') }).graph;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each `auto` of a LayerName block says the type it becomes (layers fused away by a pass keep the plain comment). */
function withInferredTypes(plan: InitPlan, graph: Graph): InitPlan {
  const byName = new Map(graph.layers.map((l) => [l.name, l]));
  const layerName = plan.layerName.map((b) => ({
    ...b,
    note: b.note && byName.get(b.key)?.quantizedAs ? `${b.note}: ${formatFixedType(byName.get(b.key)!.quantizedAs!)}` : b.note,
    precision: b.precision.map(([v, s]) => {
      const t = v !== 'default' && v !== 'maximum' && s.value === 'auto' ? byName.get(b.key)?.precision[v] : undefined;
      return [v, t ? { ...s, why: `→ ${formatFixedType(t)}: ${s.why}` } : s] as const;
    }),
  }));
  return { ...plan, layerName };
}

function modelKeys(model: string, weights: string | undefined, rel: (p: string) => string): TopEntry[] {
  const ext = extname(model).toLowerCase();
  if (ext === '.onnx') return [['OnnxModel', rel(model)]];
  if (ext === '.json') return [['KerasJson', rel(model)], ...(weights ? ([['KerasH5', rel(weights)]] as TopEntry[]) : [])];
  return [['KerasModel', rel(model)]];
}
