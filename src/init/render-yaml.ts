import type { Block, InitPlan, Setting } from './plan.ts';

/** Top-level keys in the order hls4ml writes them; a value with its comment. */
export type TopEntry = readonly [key: string, value: string | number, comment?: string];

/** A YAML key: plain when it is a simple word, else double-quoted (JSON string syntax is valid YAML). */
const yamlKey = (k: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : JSON.stringify(k));
const yamlValue = (v: string | number): string => (typeof v === 'number' || /^[A-Za-z0-9_./-]+$/.test(v) && !/^(true|false|null|yes|no|on|off)$/i.test(v) ? String(v) : JSON.stringify(v));
const comment = (text: string): string => `# ${text.replace(/[\r\n]+/g, ' ')}`;

function setting(indent: string, key: string, s: Setting): string {
  const value = s.value === 'auto' ? 'auto' : `'${s.value}'`;
  return `${indent}${key}: ${value}  ${comment(s.why)}`;
}

function blockLines(indent: string, b: Block, extra: readonly string[] = []): string[] {
  const lines: string[] = [];
  if (!b.precision.length && !extra.length) return b.note ? [`${indent}${comment(`${b.key}: ${b.note}`)}`] : [];
  if (b.note) lines.push(`${indent}${comment(b.note)}`);
  lines.push(`${indent}${yamlKey(b.key)}:`);
  if (b.precision.length) {
    lines.push(`${indent}  Precision:`);
    for (const [v, s] of b.precision) lines.push(setting(`${indent}    `, v, s));
  }
  for (const e of extra) lines.push(`${indent}  ${e}`);
  return lines;
}

/** The whole hls4ml-style YAML document: header comments, top-level keys, HLSConfig with Model, LayerType, LayerName. */
export function renderYaml(header: readonly string[], top: readonly TopEntry[], plan: InitPlan): string {
  const lines = header.map(comment);
  for (const [k, v, c] of top) lines.push(`${k}: ${yamlValue(v)}${c ? `  ${comment(c)}` : ''}`);
  lines.push('HLSConfig:');
  lines.push(...blockLines('  ', plan.model, ['ReuseFactor: 1', 'Strategy: Latency']));
  if (plan.layerType.length) {
    lines.push('  LayerType:');
    for (const b of plan.layerType) lines.push(...blockLines('    ', b));
  }
  if (plan.layerName.length) {
    // a key with only comments under it would be null: comments alone stay comments
    if (plan.layerName.some((b) => b.precision.length)) lines.push('  LayerName:');
    for (const b of plan.layerName) lines.push(...blockLines('    ', b));
  }
  return lines.join('\n') + '\n';
}
