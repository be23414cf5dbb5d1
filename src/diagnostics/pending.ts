import type { Layer } from '../ir/layers.ts';
import { fail } from './diagnostic.ts';

/**
 * The refusal of a stage that does not handle a layer kind yet: one catalogued `unsupported-op` line naming the layer,
 * its source op and the stage. Registry entries use it while a kind is brought in stage by stage.
 */
export const pending =
  (stage: string) =>
  (l: Layer): never => {
    throw fail('unsupported-op', { file: l.origin?.file, layer: l.name, op: l.origin?.op ?? l.kind }, `${l.kind} layers are not yet supported by ${stage}`);
  };
