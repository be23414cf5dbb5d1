import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { embeddedJson, reportHtml } from '../../src/report/html.ts';
import { REPORT_FORMAT, type ReportData } from '../../src/report/build-report.ts';

const hostile = '</script><!-- <b>x</b>';
const data: ReportData = {
  format: REPORT_FORMAT,
  project: hostile,
  model: 'm.onnx',
  backend: 'Vitis',
  part: 'p',
  clockPeriod: 5,
  inputs: 'random',
  samples: 1,
  inputSamples: 1,
  layers: [],
  output: { errorVsFloat: { maxAbs: 0, meanAbs: 0 } },
  estimate: { backend: 'HLS', method: 'm', total: { lut: 0, ff: 0, dsp: 0, carry: 0, bram: 0 }, latencyCycles: 0, latencyNs: 0, ii: 1 },
  notes: [],
};

describe('the report page file', () => {
  it('embeds JSON that no value can close: names with </script> read back unchanged', () => {
    const text = embeddedJson({ name: hostile });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ name: hostile });
  });

  const page = reportHtml(data);
  it('holds its data block equal to the report data and escapes the title', () => {
    const block = /<script type="application\/json" id="hlsforge-report-data">([^<]*)<\/script>/.exec(page);
    expect(JSON.parse(block![1])).toEqual(data);
    expect(page).toContain('<title>hlsforge report: &lt;/script&gt;&lt;!-- &lt;b&gt;x&lt;/b&gt;</title>');
  });

  it('loads nothing from elsewhere: no script, style or image references, the library inline', () => {
    const library = readFileSync(createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js'), 'utf8');
    expect(page.includes(library)).toBe(true);
    const ours = page.replace(library, '');
    expect(ours.match(/<(script|img|iframe)[^>]*\ssrc=/i)).toBeNull();
    expect(ours.match(/<link\b|@import|url\(/i)).toBeNull();
    expect(ours.match(/<script\b/g)?.length).toBe(3);
  });
});
