import { table } from '../cli/summary.ts';
import type { BackendEstimate, Estimate } from './types.ts';

const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/** The per-layer table of one backend, with its total and timing. */
export function formatBackend(e: BackendEstimate): string {
  const rows = e.layers.map((l) => [
    l.name,
    l.kind,
    fmt(l.lut),
    fmt(l.ff),
    fmt(l.dsp),
    fmt(l.carry),
    fmt(l.bram),
    `${l.multipliers.dsp}/${l.multipliers.lut}/${l.multipliers.free}`,
    l.latencyCycles,
    l.ii,
  ]);
  const t = e.total;
  rows.push(['total', '', fmt(t.lut), fmt(t.ff), fmt(t.dsp), fmt(t.carry), fmt(t.bram), '', e.latencyCycles, e.ii]);
  return (
    `${e.backend} backend (${e.method})\n` +
    table(['layer', 'kind', 'LUT', 'FF', 'DSP', 'CARRY', 'BRAM', 'mult dsp/lut/free', 'latency', 'II'], rows) +
    `\nlatency ${e.latencyCycles} cycles = ${fmt(e.latencyNs)} ns at ${e.clockPeriod} ns, II ${e.ii}\n` +
    (e.pipeline
      ? `deepest pipeline stage: ${e.pipeline.worstNs.toFixed(2)} ns of logic (layer '${e.pipeline.layer}') against a stage budget of ${e.pipeline.budgetNs.toFixed(2)} ns (docs/rtl.md, "Pipelining rule")\n`
      : '')
  );
}

export function formatEstimate(e: Estimate): string {
  const rtl = e.rtl ? formatBackend(e.rtl) : `RTL backend: not available: ${e.rtlError}\n`;
  return `${rtl}\n${formatBackend(e.hls)}`;
}
