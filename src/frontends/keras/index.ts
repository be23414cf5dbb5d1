export { loadKeras, KERAS_EXTENSIONS, type KerasOptions } from './load.ts';
