import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hlsforge } from '../helpers/cli.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';
import { hasVerilator } from '../rtlsim/rtl-harness.ts';
import { tempDirForTest } from '../helpers/temp.ts';

const MODEL = sharedPath('models/onnx/three_layer_keras.onnx');

describe.skipIf(!hasShared || !hasVerilator)('hlsforge verify on three_layer_keras.onnx (hls4ml example-models)', () => {
  it('agrees bit for bit across emulator, C simulation and RTL simulation on 1000 inputs, with the predicted latency', () => {
    const out = join(tempDirForTest('verify'), 'prj');
    const r = hlsforge(['verify', MODEL, '-n', '1000', '--seed', '7', '--project-name', 'three_layer', '-o', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.ok).toBe(true);
    expect(j.samples).toBe(1000);
    expect(j.rows.map((row: { backend: string }) => row.backend)).toEqual(['emulator', 'hls-csim', 'rtl-sim']);
    for (const row of j.rows) {
      expect(row.outputsCompared).toBe(5000);
      expect(row.mismatches).toBe(0);
    }
    const rtl = j.rows[2];
    expect(rtl.latencyCycles).toBe(rtl.expectedLatencyCycles);
    expect(rtl.ii).toBe(rtl.expectedIi);
    expect(rtl.latencyCycles).toBeGreaterThan(3);
  });
});
