import { fail, type Where } from '../../../diagnostics/diagnostic.ts';
import type { HlsforgeError } from '../../../diagnostics/diagnostic.ts';

/**
 * ONE PLACE for the Keras layer classes whose IR kinds do not exist yet (transposed convolutions, recurrent layers:
 * their own issues). When a kind lands, write the class's handler in this folder, register it in registry.ts and
 * delete its line here.
 */
export const PENDING_LAYERS: Readonly<Record<string, string>> = {
  Conv2DTranspose: 'conv_transpose', Conv1DTranspose: 'conv_transpose',
};

/** The catalogued "not supported yet" error: `what` needs IR kind `kind`, which does not exist yet. */
export function pendingKind(where: Where, what: string, kind: string, supported: string): HlsforgeError {
  return fail('unsupported-layer', where, `${what} is not supported yet: it needs the IR layer kind '${kind}', which is still being added; supported: ${supported}`);
}
