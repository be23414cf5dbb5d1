import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fail } from '../diagnostics/diagnostic.ts';
import type { Ctx } from './read-layer-settings.ts';

/**
 * A path written in the configuration file: relative to the file's folder. hls4ml opens such paths relative to the
 * working directory, from which its examples are run: the config's folder (where both agree) or, in hls4ml's
 * example-models repository, the repository root above `config-files/`. So when the path does not exist beside the
 * file, the working directory and then the file's ancestor folders are tried, nearest first; the first that holds
 * it wins. A path found nowhere stays relative to the file (and is reported as not found by whoever reads it).
 */
export function resolveConfigPath(rel: string, base: string, cwd: string): string {
  const fromFile = resolve(base, rel);
  if (isAbsolute(rel) || existsSync(fromFile)) return fromFile;
  const candidates = [resolve(cwd, rel)];
  for (let dir = dirname(base); dir !== dirname(dir); dir = dirname(dir)) candidates.push(resolve(dir, rel));
  return candidates.find((c) => existsSync(c)) ?? fromFile;
}

export interface ModelPaths {
  readonly model: string;
  /** weights of a Keras JSON architecture (`KerasH5` beside `KerasJson`) */
  readonly weights?: string;
}

const MODEL_KEYS = ['OnnxModel', 'KerasJson', 'KerasModel', 'KerasH5'] as const;

/**
 * The model file and its weights file from hls4ml's keys:
 *   OnnxModel → the .onnx;  KerasJson (+ KerasH5) → the JSON, with the H5 as its weights;
 *   KerasModel or KerasH5 alone → a full-model file (.h5 with model_config, .keras).
 * A model argument on the command line replaces them all (KerasH5 stays with it if it is the config's KerasJson).
 */
export function readModelPaths(doc: Record<string, unknown>, ctx: Ctx, base: string, cwd: string, cliModel?: string): ModelPaths {
  if (doc.PytorchModel !== undefined)
    throw fail('unsupported-model-format', { file: ctx.file, key: 'PytorchModel' }, 'a PyTorch model must be exported to ONNX first (torch.onnx.export); supported: OnnxModel, KerasJson, KerasH5, KerasModel');
  const text = (k: (typeof MODEL_KEYS)[number]) => pathText(doc[k], ctx, k);
  const [onnx, json, full, h5] = MODEL_KEYS.map(text);
  const path = (rel: string) => resolveConfigPath(rel, base, cwd);
  if (cliModel !== undefined) {
    // KerasH5 stays the weights of the config's KerasJson when the command line names that same JSON
    const model = resolve(cwd, cliModel);
    return { model, weights: json !== undefined && h5 !== undefined && path(json) === model ? path(h5) : undefined };
  }
  // KerasH5 beside KerasJson holds its weights; anywhere else it is a model of its own
  const named = [onnx && 'OnnxModel', json && 'KerasJson', full && 'KerasModel', !json && h5 && 'KerasH5'].filter((k): k is string => !!k);
  if (named.length > 1)
    throw fail('config-bad-value', { file: ctx.file, key: named[1] }, `must name one model, not ${named.join(' and ')}; supported: OnnxModel, KerasJson (+ KerasH5), KerasModel, KerasH5`);
  if (onnx !== undefined) return { model: path(onnx) };
  if (json !== undefined) return { model: path(json), weights: h5 === undefined ? undefined : path(h5) };
  if (full !== undefined) return { model: path(full) };
  if (h5 !== undefined) return { model: path(h5) };
  throw fail('config-bad-value', { file: ctx.file, key: 'OnnxModel' }, 'no model given: pass a model file or set OnnxModel, KerasJson (+ KerasH5), KerasModel or KerasH5');
}

function pathText(v: unknown, ctx: Ctx, key: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !v.trim()) throw fail('config-bad-value', { file: ctx.file, key }, `must be a file path, not ${JSON.stringify(v)}`);
  return v.trim();
}
