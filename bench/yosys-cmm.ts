/**
 * `node bin/run-ts.js bench/yosys-cmm.ts [--only <name,…>]`: synthesize the constant-multiplier calibration designs
 * (bench/cmm-designs.ts) with Yosys synth_xilinx -family xcup -abc9 and record LUT/FF/DSP/CARRY beside the estimate
 * in bench/yosys-cmm.json (a few minutes each).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRtlProject } from '../src/backends/rtl/index.ts';
import { estimateRtl } from '../src/estimate/index.ts';
import { synthesize } from '../src/synth/index.ts';
import { CMM_DESIGNS, cmmConfig } from '../tests/estimate/rtl/cmm-designs.ts';

const FILE = new URL('./yosys-cmm.json', import.meta.url);
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const work = mkdtempSync(join(tmpdir(), 'hlsforge-cmm-'));
try {
  for (const d of CMM_DESIGNS) {
    if (only && !only.includes(d.name)) continue;
    const dir = join(work, d.name);
    const config = cmmConfig(d, dir);
    const g = d.graph();
    const nIn = g.layers[0].shape[0];
    writeRtlProject(g, config, dir, { inputs: new Float64Array(nIn), predictions: new Float64Array(g.layers.at(-1)!.shape[0]), batch: 1 });
    const s = await synthesize(dir);
    const e = estimateRtl(g, config).total;
    const record = existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : { tool: 'Debian yosys 0.23, synth_xilinx -family xcup -abc9 (hlsforge synth)', results: {} };
    const { lut, ff, dsp, carry } = s.resources;
    record.recorded = new Date().toISOString().slice(0, 10);
    record.results[d.name] = { lut, ff, dsp, carry, seconds: Math.round(s.seconds) };
    writeFileSync(FILE, JSON.stringify(record, null, 2) + '\n');
    console.log(`${d.name}: yosys LUT ${lut} FF ${ff} DSP ${dsp} CARRY ${carry} (${s.seconds.toFixed(0)} s); estimate LUT ${e.lut} FF ${e.ff} DSP ${e.dsp} CARRY ${e.carry}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
