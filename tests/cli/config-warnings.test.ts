import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hlsforge } from '../helpers/cli.ts';

const JET = resolve(import.meta.dirname, '../../examples/jet_tagger/jet_tagger.onnx');
const dir = mkdtempSync(join(tmpdir(), 'hlsforge-cfgwarn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an hls4ml config with settings hlsforge does not honour', () => {
  it('converts, printing one warning line per setting on stderr', () => {
    // what hls4ml's config_from_onnx_model(granularity='name') and create_config write, plus a Catapult backend
    writeFileSync(
      join(dir, 'c.yml'),
      `OnnxModel: ${JET}
OutputDir: prj
ProjectName: jets
Backend: Catapult
Version: 1.0.0
IOType: io_serial
HLSConfig:
  Model: { Precision: { default: 'fixed<16,6>' }, ReuseFactor: 1, Strategy: Latency, BramFactor: 1000000000, TraceOutput: false }
  LayerName:
    fc1: { Precision: { weight: 'fixed<8,2>', accum: auto, result: auto }, Trace: false, Compression: true }
    fc2: { Trace: false, Compression: true }
    fc3: { Trace: false, Compression: true }
    softmax: { Implementation: stable, Skip: false, exp_table_t: 'fixed<18,8,RND,SAT>', inv_table_t: 'fixed<18,8,RND,SAT>', TableSize: 1024 }
`,
    );
    const r = hlsforge(['convert', '-c', 'c.yml', '-n', '20'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const prefix = `hlsforge: warning[config-not-honoured]: ${join(dir, 'c.yml')}: key`;
    expect(r.stderr.trim().split('\n')).toEqual([
      `${prefix} 'Version': hls4ml setting accepted but not honoured: the project is not versioned as an IP core`,
      `${prefix} 'IOType': hls4ml setting accepted but not honoured: io_serial is not implemented; the project is written with io_parallel`,
      `${prefix} 'Backend': hls4ml setting accepted but not honoured: hlsforge does not write Catapult projects; a Vitis HLS project is written (supported: Vivado, Vitis, RTL)`,
      `${prefix} 'HLSConfig.LayerName.fc1.Compression': hls4ml setting accepted but not honoured: weights are written uncompressed (zero weights already cost no multiplier) (also at HLSConfig.LayerName.fc2.Compression, HLSConfig.LayerName.fc3.Compression)`,
    ]);
    expect(existsSync(join(dir, 'prj/firmware/jets.cpp'))).toBe(true);
    expect(readFileSync(join(dir, 'prj/firmware/defines.h'), 'utf8')).toContain('ap_fixed<8,2>');
  });

  it('predict without -i or InputData says what it needs', () => {
    writeFileSync(join(dir, 'bare.yml'), `OnnxModel: ${JET}\n`);
    const r = hlsforge(['predict', '-c', 'bare.yml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`hlsforge: error[config-bad-value]: ${join(dir, 'bare.yml')}: key 'InputData': bad configuration value: must name the input vectors (or pass -i), not nothing`);
  });
});
