import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { parseFixedType } from '../../fixed/index.ts';
import type { Graph } from '../../ir/graph.ts';
import type { RtlPortSegment, RtlProjectMeta } from './project.ts';

const TEMPLATE = fileURLToPath(new URL('../../../templates/rtl/README.md.hbs', import.meta.url));

/** Ports with at most this many elements get a table of every element's bits in the README. */
export const ELEMENT_TABLE_MAX = 64;

/** The generated README: port table, element order (every element's bits on small ports), plan, layers. */
export function renderReadme(meta: RtlProjectMeta, graph: Graph): string {
  const render = Handlebars.create().compile(readFileSync(TEMPLATE, 'utf8'), { noEscape: true, strict: true });
  const shapeOf = (name: string): readonly number[] | undefined => graph.layers.find((l) => l.name === name)?.shape;
  const [inputs, outputs] = [ranges(meta.inputs, shapeOf), ranges(meta.outputs, shapeOf)];
  const elements = [...elementRows('in_data', inputs, meta.inputSize), ...elementRows('out_data', outputs, meta.outputSize)];
  return render({
    ...meta, inputs, outputs, elements, elementTableMax: ELEMENT_TABLE_MAX,
    inMsb: inputs[inputs.length - 1].msb, outMsb: outputs[outputs.length - 1].msb, multiII: meta.ii > 1,
  });
}

/** Each segment with its bit range in the packed port and its shape. */
function ranges(segs: readonly RtlPortSegment[], shapeOf: (name: string) => readonly number[] | undefined) {
  let lo = 0;
  return segs.map((s) => {
    const width = widthOf(s.type);
    const msb = lo + s.size * width - 1;
    const base = lo === 0 ? '' : `${lo} + `;
    const bits = `${base}${width}·i + ${width - 1} : ${base}${width}·i`;
    const r = { ...s, width, lsb: lo, msb, bits, shape: `[${(shapeOf(s.name) ?? [s.size]).join(', ')}]` };
    lo = msb + 1;
    return r;
  });
}

/** `port[hi:lo]` of every element (row-major index) of a port with at most ELEMENT_TABLE_MAX elements. */
function elementRows(port: string, segs: ReturnType<typeof ranges>, size: number) {
  if (size > ELEMENT_TABLE_MAX) return [];
  return segs.flatMap((s) =>
    Array.from({ length: s.size }, (_, i) => ({ port, msb: s.lsb + (i + 1) * s.width - 1, lsb: s.lsb + i * s.width, tensor: s.name, index: i, type: s.type })),
  );
}

const widthOf = (type: string): number => parseFixedType(type).width;
