import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { parseFixedType } from '../../fixed/index.ts';
import type { RtlPortSegment, RtlProjectMeta } from './project.ts';

const TEMPLATE = fileURLToPath(new URL('../../../templates/rtl/README.md.hbs', import.meta.url));

export function renderReadme(meta: RtlProjectMeta): string {
  const render = Handlebars.create().compile(readFileSync(TEMPLATE, 'utf8'), { noEscape: true, strict: true });
  const [inputs, outputs] = [ranges(meta.inputs), ranges(meta.outputs)];
  return render({ ...meta, inputs, outputs, inMsb: inputs[inputs.length - 1].msb, outMsb: outputs[outputs.length - 1].msb, multiII: meta.ii > 1 });
}

/** Each segment with its bit range in the packed port. */
function ranges(segs: readonly RtlPortSegment[]) {
  let lo = 0;
  return segs.map((s) => {
    const msb = lo + s.size * widthOf(s.type) - 1;
    const r = { ...s, lsb: lo, msb };
    lo = msb + 1;
    return r;
  });
}

const widthOf = (type: string): number => parseFixedType(type).width;
