import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planRtl, writeRtlProject, type RtlProjectMeta } from '../../../../src/backends/rtl/index.ts';
import { inputLayers, layerByName, sizeOf, type Graph } from '../../../../src/ir/graph.ts';
import { applyConfig } from '../../../../src/passes/apply-config.ts';
import { run } from '../../../../src/rtlsim/build.ts';
import { mlpGraph } from '../../../helpers/graphs.ts';
import { residualMlp } from '../../../rtlsim/branching-graphs.ts';
import { configFor, hasVerilator } from '../../../rtlsim/rtl-harness.ts';
import { conv1d, convChain, largeImage, upsample2d } from '../../../rtlsim/stream-conv-graphs.ts';
import { pixelBranches, pixelsOut } from '../../../rtlsim/stream-graphs.ts';

const config = { ...configFor({ reuseFactor: 1 }), ioType: 'io_stream' as const };

/** io_stream designs covering every stream stage: datapaths (R = 1 and > 1), joins, forks, FIFOs, repacking, windows, memories. */
const GRAPHS: { graph: () => Graph; configured: boolean }[] = [
  { graph: () => mlpGraph([6, 8, 4], { hidden: 'sigmoid', last: 'softmax', seed: 9 }), configured: false },
  { graph: () => residualMlp(4), configured: true },
  { graph: () => pixelBranches(20), configured: true },
  { graph: () => pixelsOut(6), configured: true },
  { graph: () => convChain(3), configured: true },
  { graph: conv1d, configured: true },
  { graph: upsample2d, configured: true },
  { graph: largeImage, configured: true },
];

describe('the generated io_stream Verilog', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  for (const g of GRAPHS) {
    const graph = g.configured ? g.graph() : applyConfig.run(g.graph(), config);
    it.skipIf(!hasVerilator)(`passes verilator --lint-only -Wall without warnings (${graph.name})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'hlsforge-lint-'));
      dirs.push(dir);
      const n = inputLayers(graph).reduce((k, l) => k + sizeOf(l.shape), 0);
      const out = sizeOf(layerByName(graph, graph.outputs[0])!.shape);
      const info = writeRtlProject(graph, config, dir, { inputs: new Float64Array(n), predictions: new Float64Array(out), batch: 1 });
      expect(planRtl(graph, config)).toEqual(info);
      const meta = JSON.parse(readFileSync(join(dir, 'hlsforge.json'), 'utf8')) as RtlProjectMeta;
      expect(meta.ioType).toBe('io_stream');
      const lint = await run('verilator', ['--lint-only', '-Wall', '--top-module', config.projectName, ...meta.sources], dir);
      expect(lint.output).toBe('');
      expect(lint.code).toBe(0);
    });
  }
});
