import { formatFixedType } from '../../fixed/index.ts';
import { sizeOf, type Graph } from '../../ir/graph.ts';
import type { Layer } from '../../ir/layers.ts';
import type { Port } from './emit-context.ts';
import { cppComment } from './names.ts';
import type { CopyView, PortView } from './view-model.ts';

/**
 * The top function's parameters, named as hls4ml names them: inputs `input_1, input_2, …` (types `input_t`,
 * `input2_t`, …) in graph order, outputs `layer<N>_out` (types `result_t`, `result2_t`, …) in the order of
 * graph.outputs, N the output layer's number. A test vector row holds the ports' values one after another.
 */
export function inputPort(layer: Layer, k: number): Port {
  return { name: `input_${k + 1}`, type: k === 0 ? 'input_t' : `input${k + 1}_t`, size: sizeOf(layer.shape), shape: layer.shape, fixed: layer.precision.result };
}

export function inputPortViews(graph: Graph, ports: ReadonlyMap<string, Port>): PortView[] {
  let offset = 0;
  return graph.layers
    .filter((l) => l.kind === 'input')
    .map((l, k) => {
      const p = ports.get(l.name)!;
      const view = { ...portView(p, `N_INPUT_${k + 1}`, offset, `x${k + 1}`), comment: cppComment(`input '${l.name}'`) };
      offset += p.size;
      return view;
    });
}

export const outputName = (index: number): string => `layer${index}_out`;

/**
 * One port per graph output. An output computed by a kernel writes its port directly (the layer's array is the
 * parameter); an output that is an input, a reshape or identity, or an output listed again, is copied into its port.
 */
export function outputPortViews(graph: Graph, ports: ReadonlyMap<string, Port>, direct: ReadonlySet<string>): { outputs: PortView[]; copies: CopyView[] } {
  const outputs: PortView[] = [];
  const copies: CopyView[] = [];
  const bound = new Set<string>();
  let offset = 0;
  graph.outputs.forEach((name, k) => {
    const index = graph.layers.findIndex((l) => l.name === name) + 1;
    const source = ports.get(name)!;
    const isDirect = direct.has(name) && !bound.has(name);
    bound.add(name);
    const portName = isDirect ? source.name : `${outputName(index)}${outputs.some((o) => o.name === outputName(index)) ? `_${k + 1}` : ''}`;
    const type = k === 0 ? 'result_t' : `result${k + 1}_t`;
    const view: PortView = {
      ...portView({ ...source, name: portName, type }, `N_OUTPUT_${k + 1}`, offset, `y${k + 1}`),
      comment: cppComment(`output ${k + 1}: layer ${index} '${name}'`),
    };
    if (!isDirect) copies.push({ dest: portName, source: source.name, sizeDefine: view.sizeDefine });
    outputs.push(view);
    offset += source.size;
  });
  return { outputs, copies };
}

function portView(p: Port, sizeDefine: string, offset: number, tbVar: string): Omit<PortView, 'comment'> {
  return { name: p.name, type: p.type, cppType: formatFixedType(p.fixed), sizeDefine, size: p.size, offset, tbVar };
}
