import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRtlProject } from '../../src/rtlsim/read-project.ts';
import { thrown } from '../helpers/thrown.ts';
import { tempDirForTest } from '../helpers/temp.ts';

describe('readRtlProject', () => {
  it('says not-a-project for a folder without hlsforge.json', () => {
    const dir = tempDirForTest('norpj');
    const e = thrown(() => readRtlProject(dir));
    expect(e.code).toBe('not-a-project');
    expect(e.message).toBe(`${dir}: not an hlsforge project directory: hlsforge.json must exist, not be missing (write one with \`hlsforge convert\`)`);
  });

  it('says not-a-project for an HLS project, naming the backend it found', () => {
    const dir = tempDirForTest('hlsprj');
    writeFileSync(join(dir, 'hlsforge.json'), JSON.stringify({ backend: 'Vitis', project: 'p' }));
    const e = thrown(() => readRtlProject(dir));
    expect(e.code).toBe('not-a-project');
    expect(e.message).toContain(`backend must be 'RTL' with sources and a top module, not "Vitis"`);
  });
});
