import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readProjectJson } from '../util/project-json.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import { META_FORMAT, type HlsProjectMeta } from '../backends/hls/project-meta.ts';

/** The metadata of a project written by hlsforge convert, or `not-a-project`. */
export function readProject(projectDir: string): HlsProjectMeta {
  const { dir, file: metaPath, meta: m } = readProjectJson(projectDir);
  const meta = m as HlsProjectMeta;
  if (meta?.format !== META_FORMAT || typeof meta.project !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(meta.project))
    throw fail('not-a-project', { file: metaPath }, `format must be '${META_FORMAT}' with a project name, not ${JSON.stringify(meta?.format)}`);
  for (const file of [meta.files.testbench, meta.files.top, meta.files.inputs, meta.files.predictions])
    if (!existsSync(join(dir, file))) throw fail('not-a-project', { file: dir }, `${file} must exist, not be missing`);
  return meta;
}
