import { fail } from '../../diagnostics/diagnostic.ts';
import type { Window } from '../../ir/layers.ts';
import { samePadding, windowExtent } from '../../ir/window.ts';
import type { OpContext } from './op-context.ts';
import { showShape } from './values.ts';

const AUTO_PADS = ['NOTSET', 'VALID', 'SAME_UPPER', 'SAME_LOWER'];

/** An ints attribute with one value per spatial axis, or `fallback` when absent. */
function perAxis(ctx: OpContext, name: string, r: number, fallback: number, min: number): number[] {
  const v = ctx.attrs.ints(name) ?? new Array<number>(r).fill(fallback);
  if (v.length !== r || v.some((x) => !Number.isInteger(x) || x < min)) {
    throw fail('unsupported-attribute', ctx.where, `${name} must be ${r} integers ≥ ${min} (one per spatial axis), not ${showShape(v)}`);
  }
  return v;
}

/**
 * The window of a Conv or pooling node over `spatial` (the input's spatial extents): kernel_shape (or `kernel`, the
 * weights' extents), strides, dilations (when the op has them), and the padding: `pads` [begin…, end…] under
 * auto_pad NOTSET, none under VALID, ⌈S/s⌉ outputs under SAME_UPPER/SAME_LOWER (the odd pad at the end/begin).
 */
export function readWindow(ctx: OpContext, spatial: readonly number[], opts: { kernel?: readonly number[]; dilations?: boolean } = {}): Window {
  const r = spatial.length;
  const kernel = ctx.attrs.ints('kernel_shape') ?? opts.kernel;
  if (!kernel || kernel.length !== r || kernel.some((k) => !Number.isInteger(k) || k < 1)) {
    throw fail('unsupported-attribute', ctx.where, `kernel_shape must be ${r} integers ≥ 1 (one per spatial axis), not ${kernel ? showShape(kernel) : 'absent'}`);
  }
  if (opts.kernel && opts.kernel.some((k, a) => k !== kernel[a])) {
    throw fail('shape-mismatch', ctx.where, `kernel_shape must be the weights' ${showShape(opts.kernel)}, not ${showShape(kernel)}`);
  }
  const strides = perAxis(ctx, 'strides', r, 1, 1);
  const dilations = opts.dilations === false && !ctx.attrs.has('dilations') ? new Array<number>(r).fill(1) : perAxis(ctx, 'dilations', r, 1, 1);
  const autoPad = ctx.attrs.string('auto_pad', 'NOTSET');
  if (!AUTO_PADS.includes(autoPad)) throw fail('unsupported-attribute', ctx.where, `auto_pad must be one of ${AUTO_PADS.join(', ')}, not '${autoPad}'`);
  let padBegin = new Array<number>(r).fill(0);
  let padEnd = new Array<number>(r).fill(0);
  if (autoPad === 'NOTSET') {
    const pads = perAxis(ctx, 'pads', 2 * r, 0, 0);
    [padBegin, padEnd] = [pads.slice(0, r), pads.slice(r)];
  } else if (autoPad !== 'VALID') {
    const same = spatial.map((s, a) => samePadding(s, kernel[a], strides[a], dilations[a], autoPad === 'SAME_LOWER'));
    [padBegin, padEnd] = [same.map((p) => p[0]), same.map((p) => p[1])];
  }
  const w: Window = { kernel, strides, dilations, padBegin, padEnd };
  checkCeilMode(ctx, spatial, w);
  return w;
}

/** ceil_mode 1 (pooling) rounds the output extent up: accepted only where that equals the floor the IR computes. */
function checkCeilMode(ctx: OpContext, spatial: readonly number[], w: Window): void {
  if (ctx.attrs.int('ceil_mode', 0) === 0) return;
  const exact = spatial.every((s, a) => (s + w.padBegin[a] + w.padEnd[a] - w.dilations[a] * (w.kernel[a] - 1) - 1) % w.strides[a] === 0);
  if (!exact) {
    const floor = spatial.map((s, a) => windowExtent(s, w.kernel[a], w.strides[a], w.dilations[a], w.padBegin[a], w.padEnd[a]));
    throw fail('unsupported-attribute', ctx.where, `ceil_mode must be 0 (or 1 where the window tiles the input exactly), not 1 for input extents ${showShape(spatial)} (output ${showShape(floor)} rounded down)`);
  }
}
