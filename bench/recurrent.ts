import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../src/config/load-config.ts';
import { randomInputs } from '../src/data/random-inputs.ts';
import { compileEmulator, emulate } from '../src/emulator/index.ts';
import { parseFixedType } from '../src/fixed/index.ts';
import { loadKeras } from '../src/frontends/keras/index.ts';
import { PASSES } from '../src/passes/index.ts';
import { runPasses } from '../src/passes/pass.ts';
import { best } from './timing.ts';

const SHARED = process.env.HLSFORGE_SHARED ? resolve(process.env.HLSFORGE_SHARED) : resolve(import.meta.dirname, '../../shared');
const LSTM = resolve(SHARED, 'models/hls4ml/example-models/keras/KERAS_lstm_model.json');

/**
 * Emulator throughput of hls4ml's example LSTM (20 steps × 6 features → LSTM 16 → Dense 5, ap_fixed<16,6>), when the
 * shared model corpus is beside the repository. (The C and RTL simulations of recurrent layers are not generated yet.)
 */
export function benchRecurrent(report: (what: string, value: string) => void): void {
  if (!existsSync(LSTM)) return report('emulator, KERAS_lstm_model', `skipped (${LSTM} not found)`);
  const graph = runPasses(loadKeras(LSTM, { defaultPrecision: parseFixedType('ap_fixed<16,6>') }), loadConfig({ model: LSTM }), PASSES);
  const n = 10_000;
  const x = randomInputs(n, 120, 3);
  const fixed = compileEmulator(graph);
  const tFixed = best(3, () => fixed.run(x.data, n));
  const tFloat = best(3, () => emulate(graph, x.data, n, { mode: 'float' }));
  report('emulator, KERAS_lstm_model, fixed point', `${Math.round(n / tFixed).toLocaleString('en')} samples/s`);
  report('emulator, KERAS_lstm_model, float', `${Math.round(n / tFloat).toLocaleString('en')} samples/s`);
}
