import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import Handlebars from 'handlebars';
import { VERSION } from '../version.ts';
import type { ReportData } from './build-report.ts';

const TEMPLATES = resolve(import.meta.dirname, '../../templates/report');

/** Apache ECharts' minified build, included whole in the page: it works from a file, with no network. */
function echartsSource(): string {
  return readFileSync(createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js'), 'utf8');
}

/**
 * JSON that stays inside its <script type="application/json">: every `<` becomes `\u003c` (JSON.parse reads it back
 * as `<`), so no value (a layer or file name) can close the element or open a comment.
 */
export const embeddedJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/** The self-contained page: styles, data, the charting library and the script that draws it, in one file. */
export function reportHtml(data: ReportData): string {
  const render = Handlebars.create().compile(readFileSync(resolve(TEMPLATES, 'report.html.hbs'), 'utf8'), { strict: true });
  return render({
    version: VERSION,
    project: data.project,
    css: readFileSync(resolve(TEMPLATES, 'report.css'), 'utf8'),
    data: embeddedJson(data),
    echarts: echartsSource(),
    script: readFileSync(resolve(TEMPLATES, 'page.js'), 'utf8'),
  });
}
