import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCastLines, TRUTH_TABLE_DIR, type CastLine } from '../../helpers/truth-table.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { ModuleBuilder } from '../../../src/backends/rtl/netlist/builder.ts';
import { castFx } from '../../../src/backends/rtl/netlist/cast.ts';
import { writeVerilog } from '../../../src/backends/rtl/netlist/verilog.ts';
import { run, VERILATOR_FLAGS } from '../../../src/rtlsim/build.ts';
import { fracBits, parseFixedType, type FixedType } from '../../../src/fixed/index.ts';
import { hasVerilator } from '../../rtlsim/rtl-harness.ts';

const DIR = TRUTH_TABLE_DIR;
const present = existsSync(DIR + 'casts-small.jsonl.gz') && existsSync(DIR + 'casts-wide.jsonl.gz');
if (!present) console.warn(`SKIPPED: ${DIR} is missing, the Verilog cast is not checked against the vendor truth table`);


/** Every cast input is an exact multiple of 2^−IN_FRAC that fits IN_WIDTH bits (checked below). */
const IN_FRAC = 20;
const IN_WIDTH = 48;

/** One combinational module: input x (IN_WIDTH-bit mantissa, IN_FRAC fractional bits), output y = every cast packed. */
function castBank(types: FixedType[]): { verilog: string; offsets: number[]; outBits: number } {
  const b = new ModuleBuilder();
  const xPort = b.port('input', 'x', IN_WIDTH);
  const y = b.port('output', 'y', types.reduce((n, t) => n + t.width, 0));
  const x = { sig: b.resize(xPort, IN_WIDTH, true, 'xs'), frac: IN_FRAC };
  const parts = types.map((t, i) => b.slice(castFx(b, x, t, `c${i}`).sig, 0, t.width, `c${i}_bits`));
  b.cell({ op: 'concat', out: y, parts: [...parts].reverse() });
  const offsets: number[] = [];
  types.reduce((off, t) => (offsets.push(off), off + t.width), 0);
  return { verilog: writeVerilog({ name: 'cast_bank', comment: ['cast bank'], ports: b.ports, sigs: b.sigs, cells: b.cells, roms: b.roms }), offsets, outBits: y.width };
}

const TB = (outWords: number) => `#include <cstdio>
#include <cstdint>
#include "verilated.h"
#include "Vcast_bank.h"
int main(int argc, char** argv) {
  VerilatedContext* ctx = new VerilatedContext;
  Vcast_bank* top = new Vcast_bank{ctx};
  std::FILE* in = std::fopen(argv[1], "r");
  unsigned long long v;
  while (std::fscanf(in, "%llx", &v) == 1) {
    top->x = v;
    top->eval();
    for (int k = 0; k < ${outWords}; k++) std::printf("%x ", static_cast<unsigned int>(top->y[k]));
    std::printf("\\n");
  }
  delete top;
  return 0;
}
`;

describe('the Verilog cast against the Xilinx ap_fixed truth table', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hlsforge-cast-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!present || !hasVerilator)('reproduces every cast of the chosen types in every Q and O mode', async () => {
    // casts-small: every 4-bit type (signed and unsigned, all I, all modes); casts-wide: every type and mode
    const lines = [...readCastLines('casts-small.jsonl.gz').filter((l) => parseFixedType(l.type).width === 4), ...readCastLines('casts-wide.jsonl.gz')];
    const types = lines.map((l) => parseFixedType(l.type));
    const inputsOf = (l: CastLine, t: FixedType): number[] =>
      l.inputs ?? Array.from({ length: l.kmax! - l.kmin! + 1 }, (_, j) => (l.kmin! + j) * 2 ** -(fracBits(t) + 2));
    const all = new Map<number, bigint>();
    lines.forEach((l, i) =>
      inputsOf(l, types[i]).forEach((v) => {
        const m = v * 2 ** IN_FRAC;
        if (!Number.isSafeInteger(m) || Math.abs(m) >= 2 ** (IN_WIDTH - 1)) throw new Error(`input ${v} does not fit the bank's input`);
        all.set(v, BigInt(m));
      }),
    );
    const values = [...all.keys()];
    const bank = castBank(types);
    writeFileSync(join(dir, 'cast_bank.v'), bank.verilog);
    writeFileSync(join(dir, 'tb.cpp'), TB(Math.ceil(bank.outBits / 32)));
    writeFileSync(join(dir, 'x.hex'), values.map((v) => (all.get(v)! & ((1n << 64n) - 1n)).toString(16)).join('\n') + '\n');
    const lint = await run('verilator', ['--lint-only', '-Wall', 'cast_bank.v'], dir);
    expect(lint.output).toBe('');
    const build = await run('verilator', [...VERILATOR_FLAGS, '-o', 'Vtb', 'cast_bank.v', join(dir, 'tb.cpp')], dir);
    expect(build.code, build.output.slice(-2000)).toBe(0);
    const sim = await run(join(dir, 'obj_dir', 'Vtb'), [join(dir, 'x.hex')], dir);
    const rows = new Map<number, bigint>();
    sim.stdout.trim().split('\n').forEach((line, r) => {
      const words = line.trim().split(/\s+/);
      let v = 0n;
      for (let k = words.length - 1; k >= 0; k--) v = (v << 32n) | BigInt(`0x${words[k]}`);
      rows.set(values[r], v);
    });
    const bad: string[] = [];
    let checked = 0;
    lines.forEach((l, i) => {
      const t = types[i];
      inputsOf(l, t).forEach((v, j) => {
        let m = (rows.get(v)! >> BigInt(bank.offsets[i])) & ((1n << BigInt(t.width)) - 1n);
        if (t.signed && m >> BigInt(t.width - 1)) m -= 1n << BigInt(t.width);
        checked++;
        if (Number(m) !== l.out[j]) bad.push(`${l.type}: ${v} -> ${m}, want ${l.out[j]}`);
      });
    });
    console.log(`Verilog cast: ${lines.length} types, ${checked} casts checked, ${bad.length} mismatches`);
    expect(bad.slice(0, 20)).toEqual([]);
    expect(checked).toBeGreaterThan(100_000);
  });
});
