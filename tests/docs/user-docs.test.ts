import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyTable, keyTableMarkdown } from '../../src/config/key-table.ts';
import { CATALOG } from '../../src/diagnostics/catalog.ts';

const DOCS = resolve(import.meta.dirname, '../../docs');
const read = (name: string) => readFileSync(resolve(DOCS, name), 'utf8');
const BEGIN = '<!-- generated from src/config/key-table.ts: begin -->';
const END = '<!-- generated from src/config/key-table.ts: end -->';

describe('the user docs', () => {
  it('hls4ml-migration.md lists every configuration key, as src/config/key-table.ts generates it', () => {
    const doc = read('hls4ml-migration.md');
    const [head, rest] = doc.split(BEGIN);
    const table = rest?.split(END)[0]?.trim();
    // HLSFORGE_WRITE_DOCS=1 regenerates the table after a key was added
    if (process.env.HLSFORGE_WRITE_DOCS && rest) writeFileSync(resolve(DOCS, 'hls4ml-migration.md'), `${head}${BEGIN}\n${keyTableMarkdown()}\n${END}${rest.split(END)[1]}`);
    else expect(table).toBe(keyTableMarkdown());
    for (const { key } of keyTable()) expect(doc).toContain(`\`${key}\``);
  });

  it('troubleshooting.md names only catalogued error codes, and explains the most common ones', () => {
    const doc = read('troubleshooting.md');
    const codes = [...doc.matchAll(/error\[([a-z0-9-]+)\]/g)].map((m) => m[1]);
    expect(codes.filter((c) => !Object.hasOwn(CATALOG, c))).toEqual([]);
    for (const c of ['file-not-found', 'unsupported-op', 'config-unknown-key', 'config-unknown-layer', 'bad-precision', 'bad-reuse-factor', 'input-shape', 'tool-missing', 'too-large-for-io-parallel', 'unsupported-quantizer'])
      expect(codes, c).toContain(c);
  });

  it('the README links every user guide', () => {
    const readme = readFileSync(resolve(DOCS, '../README.md'), 'utf8');
    for (const d of ['tutorial.md', 'hls4ml-migration.md', 'ci-recipe.md', 'troubleshooting.md']) expect(readme).toContain(`(docs/${d})`);
  });
});
