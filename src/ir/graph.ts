import type { Layer } from './layers.ts';

/** A model: layers in topological order (inputs first), and the names of the output layers. */
export interface Graph {
  readonly name: string;
  readonly layers: readonly Layer[];
  readonly outputs: readonly string[];
  /** the model file it came from, for diagnostics */
  readonly file?: string;
}

export const layerByName = (g: Graph, name: string): Layer | undefined => g.layers.find((l) => l.name === name);
export const inputLayers = (g: Graph): Layer[] => g.layers.filter((l) => l.kind === 'input');
export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);
