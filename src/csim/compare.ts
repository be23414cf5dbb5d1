import { parseVectorFile } from '../backends/hls/tb-data.ts';

export interface Mismatch {
  readonly sample: number;
  /** the column of the output row (all output ports one after another) */
  readonly output: number;
  /** with several output ports: which port, and the element within it */
  readonly port?: string;
  readonly element?: number;
  readonly csim: number;
  readonly expected: number;
}

export interface Comparison {
  readonly samples: number;
  readonly outputsCompared: number;
  readonly mismatches: number;
  readonly firstMismatches: readonly Mismatch[];
}

const MAX_REPORTED = 10;

/**
 * C simulation results against the emulator's predictions, value by value and exactly: both files print exact
 * doubles (%.17g and the shortest round-trip decimal), so equal values parse to equal doubles. A missing line or
 * value counts as a mismatch (NaN).
 */
export function compareResults(csimText: string, predictionText: string, width: number, ports: readonly { name: string; size: number }[] = []): Comparison {
  const where = portOfColumn(ports);
  const csim = parseVectorFile(csimText);
  const expected = parseVectorFile(predictionText);
  let outputsCompared = 0;
  let mismatches = 0;
  const firstMismatches: Mismatch[] = [];
  expected.forEach((row, sample) => {
    for (let output = 0; output < width; output++) {
      const want = row[output] ?? NaN;
      const got = csim[sample]?.[output] ?? NaN;
      outputsCompared++;
      if (got === want) continue;
      mismatches++;
      if (firstMismatches.length < MAX_REPORTED) firstMismatches.push({ sample, output, ...where(output), csim: got, expected: want });
    }
  });
  return { samples: expected.length, outputsCompared, mismatches, firstMismatches };
}

/** Column of a row → output port and element, when the row holds several ports. */
function portOfColumn(ports: readonly { name: string; size: number }[]): (column: number) => { port?: string; element?: number } {
  if (ports.length < 2) return () => ({});
  return (column) => {
    let start = 0;
    for (const p of ports) {
      if (column < start + p.size) return { port: p.name, element: column - start };
      start += p.size;
    }
    return {};
  };
}
