import type { LayerHandler } from '../context.ts';
import { Activation, ELU, LeakyReLU, PReLU, ReLU, Softmax, ThresholdedReLU } from './Activation.ts';
import { Add, Average, Concatenate, Dot, Maximum, Minimum, Multiply, Subtract } from './merge.ts';
import { BatchNormalization, QBatchNormalization } from './BatchNormalization.ts';
import { channelsFirstAware } from './channels-first.ts';
import { Conv1D, Conv2D, QConv1D, QConv2D } from './Conv.ts';
import { DepthwiseConv1D, DepthwiseConv2D, QDepthwiseConv2D } from './DepthwiseConv.ts';
import {
  AveragePooling1D, AveragePooling2D, GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D,
  MaxPooling1D, MaxPooling2D, QAveragePooling2D, QGlobalAveragePooling2D,
} from './Pooling.ts';
import { QSeparableConv1D, QSeparableConv2D, SeparableConv1D, SeparableConv2D } from './SeparableConv.ts';
import { Cropping1D, Cropping2D, UpSampling1D, UpSampling2D, ZeroPadding1D, ZeroPadding2D } from './spatial.ts';
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
  ...Object.fromEntries(Object.entries({
    Conv1D, Conv2D, QConv1D, QConv2D,
    DepthwiseConv1D, DepthwiseConv2D, QDepthwiseConv2D,
    SeparableConv1D, SeparableConv2D, QSeparableConv1D, QSeparableConv2D,
    MaxPooling1D, MaxPooling2D, AveragePooling1D, AveragePooling2D, QAveragePooling2D,
    GlobalMaxPooling1D, GlobalMaxPooling2D, GlobalAveragePooling1D, GlobalAveragePooling2D, QGlobalAveragePooling2D,
    ZeroPadding1D, ZeroPadding2D, Cropping1D, Cropping2D, UpSampling1D, UpSampling2D,
  }).map(([k, h]) => [k, channelsFirstAware(h)])),
  LSTM, GRU, SimpleRNN, QLSTM, QGRU, QSimpleRNN, Bidirectional, TimeDistributed,
};

export const SUPPORTED_LAYERS = [...Object.keys(LAYERS), 'Sequential', 'Model/Functional (nested)'].join(', ');
