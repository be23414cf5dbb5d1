/** The bit-exact emulator: runs an IR graph with exactly the arithmetic of docs/arithmetic.md. */
export { emulate, emulatePausing, compileEmulator, type EmulationResult, type EmulateOptions, type CompiledEmulator } from './emulate.ts';
export type { Kernel, FixedStep, Counters } from './kernel.ts';
export { KERNELS } from './kernels/index.ts';
