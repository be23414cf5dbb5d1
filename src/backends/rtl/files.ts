import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Module } from './netlist/netlist.ts';
import { romFiles, writeVerilog } from './netlist/verilog.ts';

/** Folder of the Verilog files (and the ROM files beside them) inside an RTL project. */
export const RTL_DIR = 'rtl';

/**
 * Writes each module as `rtl/<name>.v` and its ROM contents as `rtl/<module>_<rom>.mem` (read by `$readmemh` from the
 * folder of the .v file). Returns both lists, relative to the project folder, in module order.
 */
export function writeModules(dir: string, modules: readonly Module[]): { sources: string[]; romFiles: string[] } {
  const sources: string[] = [];
  const roms: string[] = [];
  for (const m of modules) {
    sources.push(`${RTL_DIR}/${m.name}.v`);
    write(join(dir, RTL_DIR, `${m.name}.v`), writeVerilog(m));
    for (const f of romFiles(m)) {
      roms.push(`${RTL_DIR}/${f.file}`);
      write(join(dir, RTL_DIR, f.file), f.text);
    }
  }
  return { sources, romFiles: roms };
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
