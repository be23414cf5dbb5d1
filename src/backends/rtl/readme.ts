import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { RtlProjectMeta } from './project.ts';

const TEMPLATE = fileURLToPath(new URL('../../../templates/rtl/README.md.hbs', import.meta.url));

export function renderReadme(meta: RtlProjectMeta): string {
  const render = Handlebars.create().compile(readFileSync(TEMPLATE, 'utf8'), { noEscape: true, strict: true });
  return render({ ...meta, inMsb: meta.inputSize * widthOf(meta.inputType) - 1, outMsb: meta.outputSize * widthOf(meta.outputType) - 1, multiII: meta.ii > 1 });
}

const widthOf = (type: string): number => Number(/<\s*(\d+)/.exec(type)?.[1] ?? 0);
