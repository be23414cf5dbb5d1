/** Resource counts in UltraScale+ primitives (what `stat -tech xilinx` after `synth_xilinx -family xcup` reports). */
export interface Resources {
  /** LUT1…LUT6 (including LUTs used as shift registers, SRL16E/SRLC32E) */
  readonly lut: number;
  /** flip-flops (FDRE, FDSE, FDCE, FDPE) */
  readonly ff: number;
  /** DSP48E2 slices */
  readonly dsp: number;
  /** carry-chain cells (CARRY4/CARRY8) */
  readonly carry: number;
  /** block RAM tiles (RAMB18 counted as ½ RAMB36) */
  readonly bram: number;
}

export const NO_RESOURCES: Resources = { lut: 0, ff: 0, dsp: 0, carry: 0, bram: 0 };

export const addResources = (a: Resources, b: Resources): Resources => ({
  lut: a.lut + b.lut,
  ff: a.ff + b.ff,
  dsp: a.dsp + b.dsp,
  carry: a.carry + b.carry,
  bram: a.bram + b.bram,
});

/** One layer of one backend. */
export interface LayerEstimate extends Resources {
  readonly name: string;
  readonly kind: string;
  /** multipliers by where they land: DSP slices, LUT logic, or free (shifts, ±1) */
  readonly multipliers: { readonly dsp: number; readonly lut: number; readonly free: number };
  readonly latencyCycles: number;
  readonly ii: number;
}

/** The estimate for one backend: per layer, total, timing. */
export interface BackendEstimate {
  readonly backend: 'RTL' | 'HLS';
  /** how the figures were obtained, printed under the table */
  readonly method: string;
  readonly layers: readonly LayerEstimate[];
  readonly total: Resources;
  readonly latencyCycles: number;
  readonly latencyNs: number;
  readonly ii: number;
  readonly clockPeriod: number;
  /** RTL: the deepest pipeline stage's logic delay against the stage budget (docs/rtl.md, "Pipelining rule") */
  readonly pipeline?: StageDepth;
}

export interface StageDepth {
  /** the largest logic delay (ns) one stage of the scheduled layers holds */
  readonly worstNs: number;
  /** the layer (row) holding it */
  readonly layer: string;
  /** what a stage may hold at this clock period (ns) */
  readonly budgetNs: number;
}

/** The deepest stage among the rows (undefined when no layer was pipelined by the scheduler). */
export function deepestStage(rows: readonly { name: string; worstStageNs?: number }[], budgetNs: number): StageDepth | undefined {
  let worst: StageDepth | undefined;
  for (const r of rows) if (r.worstStageNs !== undefined && (!worst || r.worstStageNs > worst.worstNs)) worst = { worstNs: r.worstStageNs, layer: r.name, budgetNs };
  return worst;
}

/** A backend's figures from its layer rows: the total is their sum, the latency also in ns at the clock period. */
export function backendEstimate(
  backend: BackendEstimate['backend'],
  method: string,
  layers: readonly LayerEstimate[],
  timing: { latencyCycles: number; ii: number; clockPeriod: number; pipeline?: StageDepth },
): BackendEstimate {
  return {
    backend,
    method,
    layers,
    total: layers.reduce<Resources>((t, l) => addResources(t, l), NO_RESOURCES),
    latencyCycles: timing.latencyCycles,
    latencyNs: timing.latencyCycles * timing.clockPeriod,
    ii: timing.ii,
    clockPeriod: timing.clockPeriod,
    ...(timing.pipeline && { pipeline: timing.pipeline }),
  };
}

export interface Estimate {
  /** undefined when the RTL backend cannot build the graph (its reason in `rtlError`) */
  readonly rtl?: BackendEstimate;
  readonly rtlError?: string;
  readonly hls: BackendEstimate;
}
