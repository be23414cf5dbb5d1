import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OnnxModelBuilder, float, int } from '../fixtures/onnx-builder.ts';
import { ramp } from '../frontends/onnx/helpers.ts';
import { hlsforge } from '../helpers/cli.ts';
import { hasVerilator } from '../rtlsim/rtl-harness.ts';

/** x[N,6] → Gemm → Selu → Gemm → PRelu → HardSigmoid … : every new ONNX activation between small dense layers. */
function model(): Uint8Array {
  const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 6]);
  let prev = 'x';
  const gemm = (k: number) => {
    m.initializer(`W${k}`, [6, 6], ramp(36, k).map((v) => v * 1.5)).initializer(`b${k}`, [6], ramp(6, k + 3));
    m.node('Gemm', [prev, `W${k}`, `b${k}`], [`g${k}`], { transB: int(1) }, `fc${k}`);
    prev = `g${k}`;
  };
  const act = (op: string, attrs = {}, extra: string[] = []) => {
    m.node(op, [prev, ...extra], [`${op}_out`], attrs, op.toLowerCase());
    prev = `${op}_out`;
  };
  gemm(1), act('Selu');
  gemm(2), m.initializer('slope', [6], ramp(6, 9)), act('PRelu', {}, ['slope']);
  gemm(3), act('Elu', { alpha: float(0.5) });
  gemm(4), act('Softplus');
  gemm(5), act('ThresholdedRelu', { alpha: float(0.25) });
  gemm(6), act('HardSigmoid');
  gemm(7), act('Softsign');
  return m.output(prev, ['N', 6]).encode();
}

describe.skipIf(!hasVerilator)('hlsforge verify on an ONNX model with Elu, Selu, PRelu, Softplus, Softsign, HardSigmoid, ThresholdedRelu', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hlsforge-acts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('agrees bit for bit across emulator, C simulation and RTL simulation', { timeout: 600_000 }, () => {
    const file = join(dir, 'acts.onnx');
    writeFileSync(file, model());
    const r = hlsforge(['verify', file, '-n', '500', '--seed', '3', '-o', join(dir, 'prj'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.rows.map((row: { backend: string }) => row.backend)).toEqual(['emulator', 'hls-csim', 'rtl-sim']);
    for (const row of j.rows) expect([row.backend, row.outputsCompared, row.mismatches]).toEqual([row.backend, 3000, 0]);
    expect(j.rows[2].latencyCycles).toBe(j.rows[2].expectedLatencyCycles);
  });
});
