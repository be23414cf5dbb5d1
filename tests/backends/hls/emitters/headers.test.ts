import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HLS_HEADERS, headersFor } from '../../../../src/backends/hls/emitters/headers.ts';
import { HLS_EMITTERS } from '../../../../src/backends/hls/emitters/registry.ts';
import { KINDS } from '../../../../src/ir/kinds.ts';
import type { LayerKind } from '../../../../src/ir/layers.ts';

const NNET = fileURLToPath(new URL('../../../../hls/nnet/', import.meta.url));

describe('the HLS kind tables', () => {
  it('give every layer kind an emitter and headers that exist in hls/nnet', () => {
    for (const kind of Object.keys(KINDS) as LayerKind[]) {
      expect(typeof HLS_EMITTERS[kind], kind).toBe('function');
      for (const h of HLS_HEADERS[kind]) expect(existsSync(NNET + h), `${kind}: ${h}`).toBe(true);
    }
  });

  it('include exactly the headers of the kinds a model uses', () => {
    expect(headersFor(['input', 'dense', 'relu', 'reshape'])).toEqual(['nnet_common.h', 'nnet_activation.h', 'nnet_dense.h']);
    expect(headersFor(['input', 'merge', 'dot', 'concatenate', 'transpose'])).toEqual(['nnet_common.h', 'nnet_concatenate.h', 'nnet_merge.h', 'nnet_transpose.h']);
  });
});
