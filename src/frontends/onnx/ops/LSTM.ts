import { recurrentOp } from '../recurrent/translate.ts';

/** ONNX LSTM → `lstm` layers (one per direction and output read), see ../recurrent/translate.ts. */
export const LSTM = recurrentOp('lstm');
