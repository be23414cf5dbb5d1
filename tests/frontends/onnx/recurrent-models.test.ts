import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFixedType } from '../../../src/fixed/index.ts';
import { parseOnnx } from '../../../src/frontends/onnx/index.ts';
import type { Graph } from '../../../src/ir/graph.ts';
import { isRecurrent } from '../../../src/ir/recurrent.ts';
import { verifyGraph } from '../../../src/ir/verify.ts';
import { expectFloatMatchesOrt } from './ort-graph.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/recurrent');
const P = { defaultPrecision: parseFixedType('ap_fixed<16,6>') };

/** Every fixture of scripts/make-recurrent-onnx.py: the recurrent layers it must become (kind, direction, sequence). */
const MODELS: { file: string; timeMajor?: boolean; layers: string[] }[] = [
  { file: 'lstm_last', layers: ['lstm forward last'] },
  { file: 'lstm_seq_time_major', timeMajor: true, layers: ['lstm forward seq'] },
  { file: 'lstm_bidir_hn', layers: ['lstm forward last', 'lstm reverse last'] },
  { file: 'lstm_reverse_seq', timeMajor: true, layers: ['lstm reverse seq'] },
  { file: 'lstm_hard_sigmoid_hn', timeMajor: true, layers: ['lstm forward last'] },
  { file: 'gru_hn', layers: ['gru forward last'] },
  { file: 'gru_last_time_major', timeMajor: true, layers: ['gru forward last'] },
  { file: 'gru_reset_before_seq', timeMajor: true, layers: ['gru forward seq'] },
  { file: 'gru_reset_before_reverse_hn', timeMajor: true, layers: ['gru reverse last'] },
  { file: 'gru_bidir_seq', timeMajor: true, layers: ['gru forward seq', 'gru reverse seq'] },
  { file: 'rnn_relu_seq', layers: ['simple_rnn forward seq'] },
  { file: 'rnn_bidir_seq', layers: ['simple_rnn forward seq', 'simple_rnn reverse seq'] },
  { file: 'rnn_reverse_hn', timeMajor: true, layers: ['simple_rnn reverse last'] },
];

const load = (file: string): { bytes: Uint8Array; graph: Graph } => {
  const bytes = readFileSync(join(FIXTURES, `${file}.onnx`));
  return { bytes, graph: parseOnnx(bytes, `${file}.onnx`, P) };
};

describe('ONNX LSTM, GRU and RNN as PyTorch exports them', () => {
  for (const m of MODELS) {
    it(`translates ${m.file} into ${m.layers.join(' and ')}, and float emulation equals onnxruntime within 1e-5`, async () => {
      const { bytes, graph } = load(m.file);
      verifyGraph(graph);
      const recurrent = graph.layers.filter(isRecurrent).map((l) => `${l.kind} ${l.goBackwards ? 'reverse' : 'forward'} ${l.returnSequences ? 'seq' : 'last'}`);
      expect(recurrent).toEqual(m.layers);
      await expectFloatMatchesOrt(graph, bytes, 6, 1e-5, m.timeMajor ? 1 : 0);
    });
  }
});
