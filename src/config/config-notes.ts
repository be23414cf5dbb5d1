import { warn } from '../diagnostics/warnings.ts';

/**
 * Collects the hls4ml settings a configuration file uses that hlsforge accepts without acting on them, and reports
 * each once: one warning line per key name and reason, naming the first place it appears and counting the others
 * (a `Compression: true` on forty layers is one line, not forty).
 */
export class ConfigNotes {
  private readonly notes = new Map<string, { paths: string[]; reason: string }>();

  constructor(private readonly file?: string) {}

  /** `path`: the full key (HLSConfig.LayerName.fc1.Compression); `name`: what groups it (Compression). */
  notHonoured(path: string, name: string, reason: string): void {
    const id = `${name}\u0000${reason}`;
    const note = this.notes.get(id);
    if (note) {
      if (!note.paths.includes(path)) note.paths.push(path);
    }
    else this.notes.set(id, { paths: [path], reason });
  }

  /** Raise the warnings (once per command: a file loaded again by the same command does not repeat them). */
  flush(): void {
    for (const { paths, reason } of this.notes.values()) {
      const more = paths.length > 1 ? ` (also at ${paths.slice(1, 4).join(', ')}${paths.length > 4 ? `, and ${paths.length - 4} more` : ''})` : '';
      warn('config-not-honoured', { file: this.file, key: paths[0] }, `${reason}${more}`, { once: true });
    }
    this.notes.clear();
  }
}
