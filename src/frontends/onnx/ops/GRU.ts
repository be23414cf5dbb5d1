import { recurrentOp } from '../recurrent/translate.ts';

/** ONNX GRU → `gru` layers (one per direction and output read), see ../recurrent/translate.ts. */
export const GRU = recurrentOp('gru');
