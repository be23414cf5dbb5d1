import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RtlProjectMeta } from '../backends/rtl/index.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import { readProjectJson } from '../util/project-json.ts';

/** Reads an RTL project's hlsforge.json (written by `hlsforge convert --backend RTL`), or `not-a-project`. */
export function readRtlProject(projectDir: string): RtlProjectMeta {
  const { dir, file, meta: m } = readProjectJson(projectDir);
  const meta = m as RtlProjectMeta;
  if (meta?.backend !== 'RTL' || !Array.isArray(meta.sources) || typeof meta.top !== 'string')
    throw fail('not-a-project', { file }, `backend must be 'RTL' with sources and a top module, not ${JSON.stringify(meta?.backend)}`);
  for (const s of [...meta.sources, ...(meta.romFiles ?? [])]) if (!existsSync(join(dir, s))) throw fail('not-a-project', { file: dir }, `${s} must exist, not be missing`);
  return meta;
}
