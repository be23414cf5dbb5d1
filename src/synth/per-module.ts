import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from '../diagnostics/diagnostic.ts';
import type { Resources } from '../estimate/types.ts';
import { eachLimited } from '../util/each-limited.ts';
import { parseStat, resourcesOf } from './parse-stat.ts';
import { YOSYS_TARGET, runYosys } from './yosys.ts';

/**
 * Out-of-context synthesis (docs/estimation.md, "Per-module synthesis"): every module of an RTL project is
 * synthesized on its own (`synth_xilinx -family xcup -abc9 -top <module>`, the modules it instantiates read as black
 * boxes), at most `jobs` Yosys processes at a time, and the design's counts are each module's own cells times the
 * number of its instances under the top. What a flattened run would optimize across a module boundary (logic whose
 * output no module reads, constants crossing a port) is kept; on the generated designs it is a small fraction.
 */
export interface ModuleSynth {
  readonly module: string;
  readonly source: string;
  /** the module's own primitives, and their resources (black-box instances of other modules are in `instances`) */
  readonly cells: Readonly<Record<string, number>>;
  readonly resources: Resources;
  readonly instances: Readonly<Record<string, number>>;
  readonly seconds: number;
  readonly log: string;
}

export interface PerModuleResult {
  readonly modules: readonly ModuleSynth[];
  /** every primitive of the design (instances multiplied out) */
  readonly cells: Record<string, number>;
  readonly resources: Resources;
  /** wall-clock seconds of the whole run */
  readonly seconds: number;
}

/** `module <name>` declarations of one source: the generator writes one module per file. */
function moduleOf(dir: string, source: string): string {
  const names = [...readFileSync(join(dir, source), 'utf8').matchAll(/^\s*module\s+([A-Za-z_][\w$]*)/gm)].map((m) => m[1]);
  if (names.length !== 1) throw fail('not-a-project', { file: join(dir, source) }, `a source must declare exactly one module for per-module synthesis, not ${names.length}`);
  return names[0];
}

const quote = (s: string) => `"${s.replace(/["\\]/g, '')}"`;

/** The script of one module: the other sources as black boxes (`-lib`), then the module's own. */
export function moduleScript(sources: readonly string[], source: string, module: string): string {
  const others = sources.filter((s) => s !== source);
  return `${others.length ? `read_verilog -lib ${others.map(quote).join(' ')}; ` : ''}read_verilog ${quote(source)}; ${YOSYS_TARGET} -top ${module}`;
}

export async function synthesizePerModule(
  dir: string,
  sources: readonly string[],
  top: string,
  opts: { jobs?: number; logDir: string; onProgress?: (msg: string) => void },
): Promise<PerModuleResult> {
  const start = performance.now();
  const units = sources.map((source) => ({ source, module: moduleOf(dir, source) }));
  const names = new Set(units.map((u) => u.module));
  if (!names.has(top)) throw fail('not-a-project', { file: dir }, `the top module '${top}' must be declared by a source, not missing`);
  const done: ModuleSynth[] = [];
  await eachLimited(units, opts.jobs ?? 1, async ({ source, module }) => {
    const log = join(opts.logDir, `${module}.log`);
    const run = await runYosys(moduleScript(sources, source, module), dir, log);
    const cells = parseStat(run.log);
    const instances = Object.fromEntries(Object.entries(cells).filter(([c]) => names.has(c)));
    const own = Object.fromEntries(Object.entries(cells).filter(([c]) => !names.has(c)));
    done.push({ module, source, cells: own, resources: resourcesOf(own), instances, seconds: run.seconds, log });
    opts.onProgress?.(`yosys: ${done.length} of ${units.length} modules (${module}: ${run.seconds.toFixed(0)} s)`);
  });

  const byName = new Map(done.map((m) => [m.module, m]));
  // every primitive of `module` and what it instantiates (a module instantiating itself is not Verilog)
  const expand = (module: string, times: number, cells: Record<string, number>, seen: readonly string[]): void => {
    if (seen.includes(module)) throw new Error(`per-module synthesis: '${module}' instantiates itself`);
    for (const [c, n] of Object.entries(byName.get(module)!.cells)) cells[c] = (cells[c] ?? 0) + n * times;
    for (const [child, n] of Object.entries(byName.get(module)!.instances)) expand(child, times * n, cells, [...seen, module]);
  };
  const cells: Record<string, number> = {};
  expand(top, 1, cells, []);
  const modules = units.map((u) => byName.get(u.module)!);
  return { modules, cells, resources: resourcesOf(cells), seconds: (performance.now() - start) / 1000 };
}
