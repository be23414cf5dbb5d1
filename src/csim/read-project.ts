import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fail } from '../diagnostics/diagnostic.ts';
import { META_FORMAT, PROJECT_FILES, type HlsProjectMeta } from '../backends/hls/project-meta.ts';

/** The metadata of a project written by hlsforge convert, or `not-a-project`. */
export function readProject(projectDir: string): HlsProjectMeta {
  const dir = resolve(projectDir);
  const metaPath = join(dir, PROJECT_FILES.meta);
  if (!existsSync(metaPath)) throw fail('not-a-project', { file: dir }, `${PROJECT_FILES.meta} must exist, not be missing`);
  let meta: HlsProjectMeta;
  try {
    meta = JSON.parse(readFileSync(metaPath, 'utf8')) as HlsProjectMeta;
  } catch (e) {
    throw fail('not-a-project', { file: metaPath }, `must be JSON, not unreadable (${(e as Error).message})`);
  }
  if (meta?.format !== META_FORMAT || typeof meta.project !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(meta.project))
    throw fail('not-a-project', { file: metaPath }, `format must be '${META_FORMAT}' with a project name, not ${JSON.stringify(meta?.format)}`);
  for (const file of [meta.files.testbench, meta.files.top, meta.files.inputs, meta.files.predictions])
    if (!existsSync(join(dir, file))) throw fail('not-a-project', { file: dir }, `${file} must exist, not be missing`);
  return meta;
}
