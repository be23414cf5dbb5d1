import { fail, type Where } from '../../../diagnostics/diagnostic.ts';
import type { HlsforgeError } from '../../../diagnostics/diagnostic.ts';

/**
 * ONE PLACE for the Keras layer classes whose IR kinds do not exist yet (convolutions, pooling, recurrent layers:
 * their own issues). When a kind lands, write the class's handler in this folder, register it in registry.ts and
 * delete its line here.
 */
export const PENDING_LAYERS: Readonly<Record<string, string>> = {
  Conv1D: 'conv', Conv2D: 'conv', QConv1D: 'conv', QConv2D: 'conv', DepthwiseConv2D: 'conv', SeparableConv1D: 'conv', SeparableConv2D: 'conv',
  QDepthwiseConv2D: 'conv', QSeparableConv1D: 'conv', QSeparableConv2D: 'conv', Conv2DTranspose: 'conv',
  MaxPooling1D: 'pooling', MaxPooling2D: 'pooling', AveragePooling1D: 'pooling', AveragePooling2D: 'pooling', QAveragePooling2D: 'pooling',
  GlobalMaxPooling1D: 'pooling', GlobalMaxPooling2D: 'pooling', GlobalAveragePooling1D: 'pooling', GlobalAveragePooling2D: 'pooling',
  ZeroPadding1D: 'padding', ZeroPadding2D: 'padding', UpSampling1D: 'upsampling', UpSampling2D: 'upsampling',
};

/** The catalogued "not supported yet" error: `what` needs IR kind `kind`, which does not exist yet. */
export function pendingKind(where: Where, what: string, kind: string, supported: string): HlsforgeError {
  return fail('unsupported-layer', where, `${what} is not supported yet: it needs the IR layer kind '${kind}', which is still being added; supported: ${supported}`);
}
