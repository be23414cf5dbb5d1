import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RTL_FILES, type RtlProjectMeta } from '../backends/rtl/index.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import type { Resources } from '../estimate/types.ts';
import { parseStat, resourcesOf } from './parse-stat.ts';
import { runYosys, synthScript } from './yosys.ts';

export interface SynthResult {
  readonly project: string;
  readonly top: string;
  /** primitive counts of Yosys's final stat */
  readonly cells: Record<string, number>;
  readonly resources: Resources;
  readonly seconds: number;
  readonly log: string;
}

/** the log is written here, inside the project */
export const SYNTH_LOG = 'synth/yosys.log';

/** Reads an RTL project's hlsforge.json (written by `hlsforge convert --backend RTL`), or `not-a-project`. */
export function readRtlProject(projectDir: string): RtlProjectMeta {
  const dir = resolve(projectDir);
  const metaPath = join(dir, RTL_FILES.meta);
  if (!existsSync(metaPath)) throw fail('not-a-project', { file: dir }, `${RTL_FILES.meta} must exist, not be missing`);
  let meta: RtlProjectMeta;
  try {
    meta = JSON.parse(readFileSync(metaPath, 'utf8')) as RtlProjectMeta;
  } catch (e) {
    throw fail('not-a-project', { file: metaPath }, `must be JSON, not unreadable (${(e as Error).message})`);
  }
  if (meta?.backend !== 'RTL' || !Array.isArray(meta.sources) || typeof meta.top !== 'string')
    throw fail('not-a-project', { file: metaPath }, `backend must be 'RTL' with sources and a top module, not ${JSON.stringify(meta?.backend)}`);
  for (const s of meta.sources) if (!existsSync(join(dir, s))) throw fail('not-a-project', { file: dir }, `${s} must exist, not be missing`);
  return meta;
}

/** Synthesizes an RTL project with Yosys (`synth_xilinx -family xcup -abc9 -flatten`) and counts its primitives. */
export async function synthesize(projectDir: string, opts: { onProgress?: (msg: string) => void } = {}): Promise<SynthResult> {
  const dir = resolve(projectDir);
  const meta = readRtlProject(dir);
  const log = join(dir, SYNTH_LOG);
  const run = await runYosys(synthScript(meta.sources, meta.top), dir, log, opts.onProgress);
  const cells = parseStat(run.log);
  return { project: meta.project, top: meta.top, cells, resources: resourcesOf(cells), seconds: run.seconds, log };
}
