import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RTL_FILES, type RtlProjectMeta } from '../backends/rtl/index.ts';
import { readRtlProject } from '../rtlsim/read-project.ts';
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

/** Synthesizes an RTL project with Yosys (`synth_xilinx -family xcup -abc9 -flatten`) and counts its primitives. */
export async function synthesize(projectDir: string, opts: { onProgress?: (msg: string) => void } = {}): Promise<SynthResult> {
  const dir = resolve(projectDir);
  const meta = readRtlProject(dir);
  const log = join(dir, SYNTH_LOG);
  const run = await runYosys(synthScript(meta.sources, meta.top), dir, log, opts.onProgress);
  const cells = parseStat(run.log);
  return { project: meta.project, top: meta.top, cells, resources: resourcesOf(cells), seconds: run.seconds, log };
}
