import type { ProjectConfig } from '../../../config/project-config.ts';
import { fail } from '../../../diagnostics/diagnostic.ts';
import type { Graph } from '../../../ir/graph.ts';
import type { Layer } from '../../../ir/layers.ts';
import { isRecurrent } from '../../../ir/recurrent.ts';

/**
 * The HLS backend has recurrent layers in io_parallel only (the sequence as one array; docs/hls.md, "Recurrent
 * layers"): with IOType io_stream a recurrent layer is refused before anything is emulated or written.
 */
export function checkHlsRecurrentIo(graph: Graph, config: Pick<ProjectConfig, 'backend' | 'ioType'>): void {
  if (config.backend === 'RTL' || config.ioType !== 'io_stream') return;
  const l = graph.layers.find(isRecurrent);
  if (l) refuseRecurrentStream(l);
}

/** The one refusal of a recurrent layer in HLS io_stream (also the io_stream registry's entry for these kinds). */
export function refuseRecurrentStream(l: Layer): never {
  throw fail(
    'unsupported-op',
    { file: l.origin?.file, layer: l.name, op: l.origin?.op ?? l.kind },
    `IOType of a ${l.kind} layer in the HLS backend must be io_parallel, not io_stream; supported: io_parallel (the sequence as one array)`,
  );
}
