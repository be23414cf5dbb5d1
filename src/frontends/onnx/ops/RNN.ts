import { recurrentOp } from '../recurrent/translate.ts';

/** ONNX RNN → `simple_rnn` layers (one per direction and output read), see ../recurrent/translate.ts. */
export const RNN = recurrentOp('simple_rnn');
