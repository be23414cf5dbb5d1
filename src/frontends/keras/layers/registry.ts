import type { LayerHandler } from '../context.ts';
import { Activation, ELU, LeakyReLU, PReLU, ReLU, Softmax, ThresholdedReLU } from './Activation.ts';
import { Add, Average, Concatenate, Dot, Maximum, Minimum, Multiply, Subtract } from './merge.ts';
import { BatchNormalization, QBatchNormalization } from './BatchNormalization.ts';
import { Dense, QDense } from './Dense.ts';
import { InputLayer } from './InputLayer.ts';
import { Flatten, Permute, Reshape, Skipped } from './reshape.ts';
import { GRU, LSTM, QGRU, QLSTM, QSimpleRNN, SimpleRNN } from './recurrent.ts';
import { Bidirectional } from './Bidirectional.ts';
import { TimeDistributed } from './TimeDistributed.ts';

/** Every Keras/QKeras layer class the frontend translates, by class name (nested models are flattened before). */
export const LAYERS: Readonly<Record<string, LayerHandler>> = {
  InputLayer,
  Dense, QDense,
  Activation, QActivation: Activation, ReLU, LeakyReLU, Softmax, PReLU, ELU, ThresholdedReLU,
  Add, Subtract, Multiply, Average, Maximum, Minimum, Concatenate, Dot,
  BatchNormalization, QBatchNormalization,
  Flatten, Reshape, Permute,
  Dropout: Skipped, SpatialDropout1D: Skipped, SpatialDropout2D: Skipped, SpatialDropout3D: Skipped,
  GaussianNoise: Skipped, GaussianDropout: Skipped, AlphaDropout: Skipped, ActivityRegularization: Skipped,
  LSTM, GRU, SimpleRNN, QLSTM, QGRU, QSimpleRNN, Bidirectional, TimeDistributed,
};

export const SUPPORTED_LAYERS = [...Object.keys(LAYERS), 'Sequential', 'Model/Functional (nested)'].join(', ');
