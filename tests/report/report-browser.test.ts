import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/report/build-report.ts';
import { hlsforge } from '../helpers/cli.ts';
import { hasChromium, launchChromium } from '../helpers/chromium.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';
import { tempDirForFile } from '../helpers/temp.ts';
import { runOrt } from '../frontends/onnx/ort-oracle.ts';

/**
 * The report pages in a real browser (Debian's chromium, headless, from file:// URLs, offline): the jet tagger with
 * reference outputs and a sweep, and the QKeras jet tagger as QONNX on random inputs. One browser for both pages.
 */
const JET = sharedPath('models/onnx/three_layer_keras.onnx');
const QONNX = sharedPath('models/QONNX_model_zoo/models/JetTagging/QKeras_hls4ml_3layer/qkeras_jettagging.onnx');
const EXAMPLE_INPUTS = resolve(import.meta.dirname, '../../examples/jet_tagger/inputs.dat');
const SAMPLES = 100;

interface Chart {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  /** drawn shapes in the chart's SVG */
  readonly paths: number;
}
interface Table {
  readonly id: string;
  readonly rows: { readonly row: string; readonly cells: Record<string, string> }[];
}
interface Page {
  readonly json: ReportData;
  readonly embedded: ReportData;
  readonly errors: string[];
  readonly rendered: string | null;
  readonly charts: Chart[];
  readonly tables: Table[];
}

const ok = hasShared && hasChromium();
const dir = tempDirForFile('report-browser');
const pages: Record<string, Page> = {};

/** The page's rule for numbers: integers exactly, others to 4 significant digits. */
const num = (x: number | undefined) => (x === undefined ? '' : Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(4))));
const pct = (x: number | undefined) => (x === undefined ? '' : `${(100 * x).toFixed(2)}%`);

function run(args: string[]): string {
  const r = hlsforge(args, { cwd: dir });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe.skipIf(!ok)('hlsforge report: the page in a headless browser', () => {
  beforeAll(async () => {
    const lines = readFileSync(EXAMPLE_INPUTS, 'utf8').trim().split('\n').slice(0, SAMPLES);
    writeFileSync(join(dir, 'in.dat'), lines.join('\n') + '\n');
    // reference outputs from ONNX Runtime (float32), independent of hlsforge; its own temporary files (.ses,
    // mat-debug-<pid>.log) go into this test's folder
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    const ref = await runOrt(JET, lines.map((l) => Float32Array.from(l.trim().split(/\s+/).map(Number))), [16]).finally(() => {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
    });
    writeFileSync(join(dir, 'ref.dat'), ref.map((r) => Array.from(r).join(' ')).join('\n') + '\n');
    writeFileSync(join(dir, 'sweep.json'), run(['sweep', JET, '--precision', '8,12', '--reuse', '1,4', '-i', 'in.dat', '--json']));
    const reports: Record<string, ReportData> = {
      jet: JSON.parse(run(['report', JET, '-i', 'in.dat', '--reference', 'ref.dat', '--sweep', 'sweep.json', '--json', '-o', 'jet.html'])),
      qonnx: JSON.parse(run(['report', QONNX, '-n', String(SAMPLES), '--seed', '3', '--json', '-o', 'qonnx.html'])),
    };
    const browser = await launchChromium();
    try {
      for (const [name, json] of Object.entries(reports)) {
        const page = await browser.context.newPage();
        const errors: string[] = [];
        page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
        page.on('pageerror', (e) => void errors.push(e.message));
        page.on('request', (r) => void (r.url().startsWith('file:') || errors.push(`network request: ${r.url()}`)));
        await page.setViewportSize({ width: 1200, height: 900 });
        await page.goto(pathToFileURL(join(dir, `${name}.html`)).href);
        await page.waitForSelector('body[data-rendered]', { timeout: 30_000 });
        const seen = await page.evaluate(() => {
          const w = window as unknown as { hlsforgeReport: { charts: string[] } };
          return {
            embedded: JSON.parse(document.getElementById('hlsforge-report-data')!.textContent!),
            rendered: document.body.getAttribute('data-rendered'),
            charts: w.hlsforgeReport.charts.map((id) => {
              const svg = document.querySelector(`#${id} svg`);
              const box = svg?.getBoundingClientRect();
              return { id, width: box?.width ?? 0, height: box?.height ?? 0, paths: svg ? svg.querySelectorAll('path, rect').length : 0 };
            }),
            tables: Array.from(document.querySelectorAll('table')).map((t) => ({
              id: t.id,
              rows: Array.from(t.querySelectorAll('tr[data-row]')).map((tr) => ({
                row: tr.getAttribute('data-row')!,
                cells: Object.fromEntries(Array.from(tr.querySelectorAll('td')).map((td) => [td.getAttribute('data-field'), td.textContent])),
              })),
            })),
          };
        });
        pages[name] = { json, errors, ...seen };
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }, 300_000);

  const table = (p: Page, id: string) => p.tables.find((t) => t.id === id)!;

  it.each(['jet', 'qonnx'])('loads the %s page from a file with no console error and no network request', (name) => {
    expect(pages[name].errors).toEqual([]);
  });

  it.each(['jet', 'qonnx'])('embeds in the %s page exactly what report --json prints', (name) => {
    expect(pages[name].embedded).toEqual(pages[name].json);
  });

  it('draws every chart: an SVG of nonzero size with a shape per box, bar and point', () => {
    const expected = {
      jet: ['chart-weights', 'chart-activations', 'chart-overflows', 'chart-error', 'chart-resources', 'chart-latency', 'chart-pareto'],
      qonnx: ['chart-weights', 'chart-activations', 'chart-overflows', 'chart-error', 'chart-resources', 'chart-latency'],
    };
    for (const [name, ids] of Object.entries(expected)) {
      const p = pages[name];
      expect(p.charts.map((c) => c.id)).toEqual(ids);
      expect(p.rendered).toBe(String(ids.length));
      const boxes = p.json.layers.flatMap((l) => l.weights).filter((w) => w.box).length;
      const minimum: Record<string, number> = {
        'chart-weights': 2 * boxes, // the type band and the box of each parameter
        'chart-activations': p.json.layers.filter((l) => l.activation.box).length,
        'chart-overflows': p.json.layers.filter((l) => l.overflows > 0).length,
        'chart-error': p.json.layers.filter((l) => l.errorVsFloat.maxAbs > 0).length,
        'chart-resources': p.json.layers.filter((l) => (l.estimate?.lut ?? 0) > 0).length,
        'chart-latency': p.json.layers.filter((l) => l.estimate).length,
        'chart-pareto': p.json.sweep?.points.length ?? 0,
      };
      for (const c of p.charts) {
        expect(c.width, c.id).toBeGreaterThan(300);
        expect(c.height, c.id).toBeGreaterThan(100);
        expect(c.paths, c.id).toBeGreaterThan(minimum[c.id]);
      }
      expect(minimum['chart-weights']).toBeGreaterThan(0);
    }
  });

  it.each(['jet', 'qonnx'])('shows in the %s layer table the overflows, errors and estimates of --json', (name) => {
    const p = pages[name];
    const rows = table(p, 'layers').rows;
    expect(rows.map((r) => r.row)).toEqual(p.json.layers.map((l) => l.name));
    p.json.layers.forEach((l, i) => {
      const e = l.estimate;
      expect(rows[i].cells).toEqual({
        name: l.name,
        kind: l.kind,
        result: l.precision.result,
        overflows: String(l.overflows),
        maxAbs: num(l.errorVsFloat.maxAbs),
        meanAbs: num(l.errorVsFloat.meanAbs),
        lut: num(e?.lut),
        ff: num(e?.ff),
        dsp: num(e?.dsp),
        bram: num(e?.bram),
        latencyCycles: num(e?.latencyCycles),
        ii: num(e?.ii),
      });
    });
    const t = p.json.estimate;
    expect(table(p, 'estimate-total').rows[0].cells).toEqual({
      backend: t.backend, lut: num(t.total.lut), ff: num(t.total.ff), dsp: num(t.total.dsp), bram: num(t.total.bram), latencyCycles: num(t.latencyCycles), latencyNs: num(t.latencyNs), ii: num(t.ii),
    });
  });

  it('shows the output error against float and against the reference outputs of ONNX Runtime', () => {
    const p = pages.jet;
    const out = p.json.output;
    const cells = (e: { maxAbs: number; meanAbs: number; argmaxAgreement?: number }, what: string) => ({ what, maxAbs: num(e.maxAbs), meanAbs: num(e.meanAbs), argmax: pct(e.argmaxAgreement) });
    expect(table(p, 'output-error').rows.map((r) => r.cells)).toEqual([
      cells(out.errorVsFloat, 'fixed vs float'),
      cells(out.reference!.float, 'float vs reference'),
      cells(out.reference!.fixed, 'fixed vs reference'),
    ]);
    // the float evaluation is the model: it equals ONNX Runtime's float32 outputs to float32 precision
    expect(out.reference!.float.maxAbs).toBeLessThan(1e-5);
    expect(out.reference!.float.argmaxAgreement).toBe(1);
    expect(p.json.samples).toBe(SAMPLES);
  });

  it('shows every sweep point with its Pareto mark', () => {
    const p = pages.jet;
    const points = p.json.sweep!.points;
    expect(points.length).toBe(4);
    expect(table(p, 'sweep-points').rows.map((r) => r.cells)).toEqual(
      points.map((q) => ({
        precision: q.precision, reuseFactor: num(q.reuseFactor), quality: num(q.meanAbsError), maxAbs: num(q.maxAbsError), overflows: num(q.overflows),
        lut: num(q.lut), ff: num(q.ff), dsp: num(q.dsp), latencyCycles: num(q.latencyCycles), ii: num(q.ii), pareto: q.pareto ? '*' : '',
      })),
    );
    expect(points.some((q) => q.pareto)).toBe(true);
  });

  it('profiles the QONNX weights inside the 6-bit types their quantizers declare', () => {
    const weights = pages.qonnx.json.layers.flatMap((l) => l.weights);
    expect(weights.length).toBe(8);
    for (const w of weights) {
      expect(w.type).toMatch(/^ap_fixed<6,/);
      expect(w.box!.max).toBeLessThanOrEqual(w.extent!.max);
      expect(w.box!.min).toBeGreaterThanOrEqual(w.extent!.lsb);
    }
  });
});
