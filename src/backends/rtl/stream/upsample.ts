import { ModuleBuilder } from '../netlist/builder.ts';
import type { Sig } from '../netlist/netlist.ts';
import { signalPrefix, verilogComment } from '../names.ts';
import { countWidth, increment, stagePorts } from './handshake.ts';
import { streamShape, type StreamLayer } from './types.ts';
import { lineBuffer } from './window-stage.ts';

/**
 * Nearest upsampling by (f_r, f_c) as a stream transform: the walker visits the output positions row-major, one per
 * enabled cycle. In the first copy of an input row it takes input pixel (r, c) at the first of its f_c columns,
 * offers it f_c times and pushes it into a row buffer of the input width; in the other f_r − 1 copies it rotates the
 * row buffer (the oldest pixel is the next one of the row). The row buffer is the window generator's line buffer
 * (registers, or a read-first memory from 1024 bits). Planned like a window walker: one output per cycle, waiting
 * for the input pixel where one is taken.
 */
export const upsampleStream: StreamLayer<'upsample'> = (layer, ctx) => {
  const x = ctx.inputs[0];
  const sp = x.shape.slice(0, -1);
  const [inRows, inCols] = sp.length === 2 ? sp : [1, sp[0]];
  const [fr, fc] = layer.factors.length === 2 ? layer.factors : [1, layer.factors[0]];
  const pixel = streamShape(x.shape).elements * x.type.width;
  const b = new ModuleBuilder(signalPrefix(layer.name));
  const p = stagePorts(b, [pixel], pixel);
  const xi = p.xs[0];
  const yv = b.sig(1, false, 'y_full');
  const ce = b.or(b.not(yv, 'y_empty'), p.y.ready, 'ce');
  const cnt = (n: number, hint: string, en: Sig): { q: Sig; last: Sig } => {
    const w = countWidth(n);
    const q = b.sig(w, false, hint);
    const last = b.eq(q, b.constant(BigInt(n - 1), w + 1, true), `${hint}_last`);
    b.reg(b.resize(b.mux(last, b.constant(0n, w, false), increment(b, q, hint), `${hint}_next`), w, false, `${hint}_next`), { out: q, en, reset: 0n });
    return { q, last };
  };
  const step = b.sig(1, false, 'step');
  const repC = cnt(fc, 'rep_col', step);
  const col = cnt(inCols, 'col', b.and(step, repC.last, 'col_step'));
  const repR = cnt(fr, 'rep_row', b.and(step, b.and(repC.last, col.last, 'row_end'), 'rep_row_step'));
  cnt(inRows, 'row', b.and(step, b.and(b.and(repC.last, col.last, 'row_end2'), repR.last, 'copy_end'), 'row_step'));
  const fresh = b.eq(repC.q, b.constant(0n, repC.q.width + 1, true), 'fresh');
  const needInput = b.and(fresh, b.eq(repR.q, b.constant(0n, repR.q.width + 1, true), 'first_copy'), 'need_input');
  b.cell({ op: 'and', out: step, a: ce, b: b.or(b.not(needInput, 'no_input'), xi.valid, 'can_step') });
  b.cell({ op: 'and', out: xi.ready, a: ce, b: needInput });
  const advance = b.and(step, fresh, 'advance');
  const head = b.sig(pixel, false, 'row_head');
  const src = b.mux(needInput, xi.data, head, 'src');
  const lb = lineBuffer(b, b.resize(src, pixel, false, 'src_bits'), advance, [inCols - 1]);
  b.cell({ op: 'resize', out: head, a: lb.get(inCols - 1)! });
  b.reg(b.resize(src, pixel, false, 'src_bits2'), { out: p.y.data, en: advance });
  b.reg(step, { out: yv, en: ce, reset: 0n });
  b.cell({ op: 'resize', out: p.y.valid, a: yv });
  const comment = [`layer '${layer.name}' (upsample x${fr} x${fc}): module ${ctx.moduleName}, io_stream nearest upsampling, row buffer of ${inCols} pixels`];
  const outRows = inRows * fr;
  const outCols = inCols * fc;
  return [
    {
      module: { name: ctx.moduleName, comment: comment.map(verilogComment), ports: b.ports, sigs: b.sigs, cells: b.cells, roms: b.roms },
      role: 'window', latency: 1, ii: 1, outType: x.type, outShape: layer.shape,
      timing: (a) => {
        const out: number[] = [];
        let [prev, i] = [-Infinity, 0];
        for (let r = 0; r < outRows; r++)
          for (let c = 0; c < outCols; c++) {
            const takes = r % fr === 0 && c % fc === 0;
            prev = Math.max(prev + 1, takes ? a[i++] : -Infinity);
            out.push(prev + 1);
          }
        return out;
      },
    },
  ];
};
