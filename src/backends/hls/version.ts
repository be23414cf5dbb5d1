import { readFileSync } from 'node:fs';

/** hlsforge's version, from its package.json, for generated-file headers and project metadata. */
export function hlsforgeVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}
