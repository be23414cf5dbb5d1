/**
 * The one gate through which model names reach Verilog (STYLE.md habit 7): identifiers and comment text.
 * Verilog identifiers are [A-Za-z_][A-Za-z0-9_$]*; we also avoid `$`, leading `_`, `__`, keywords (Verilog-2005 and
 * SystemVerilog, since Verilator may parse either) and the names our generated modules use themselves.
 */
const KEYWORDS = new Set(
  ('always and assign automatic begin buf bufif0 bufif1 case casex casez cell cmos config deassign default defparam ' +
    'design disable edge else end endcase endconfig endfunction endgenerate endmodule endprimitive endspecify endtable ' +
    'endtask event for force forever fork function generate genvar highz0 highz1 if ifnone incdir include initial inout ' +
    'input instance integer join large liblist library localparam macromodule medium module nand negedge nmos nor ' +
    'noshowcancelled not notif0 notif1 or output parameter pmos posedge primitive pull0 pull1 pulldown pullup ' +
    'pulsestyle_onevent pulsestyle_ondetect rcmos real realtime reg release repeat rnmos rpmos rtran rtranif0 rtranif1 ' +
    'scalared showcancelled signed small specify specparam strong0 strong1 supply0 supply1 table task time tran ' +
    'tranif0 tranif1 tri tri0 tri1 triand trior trireg unsigned use uwire vectored wait wand weak0 weak1 while wire wor ' +
    'xnor xor bit byte logic int shortint longint struct union enum typedef class interface package program property ' +
    'sequence assert assume cover import export virtual static const void return break continue final bind').split(' '),
);

/** Ports and module names of our own generated code. */
const RESERVED = new Set(['clk', 'rst', 'start', 'x', 'y', 'in_valid', 'in_data', 'out_valid', 'out_data']);

/**
 * A safe Verilog identifier for `name`: invalid characters become `_`, runs of `_` collapse, leading/trailing `_` go,
 * a leading digit gets an `n_` prefix, keywords and reserved names get a `_v` suffix. With `taken`, the result is
 * also unique in that scope (`_2`, `_3`, … appended) and is added to it.
 */
export function verilogIdentifier(name: string, taken?: Set<string>): string {
  let id = name
    .replace(/[^A-Za-z0-9_]/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (id === '') id = 'unnamed';
  if (/^[0-9]/.test(id)) id = `n_${id}`;
  if (KEYWORDS.has(id) || RESERVED.has(id)) id = `${id}_v`;
  if (!taken) return id;
  let unique = id;
  for (let k = 2; taken.has(unique); k++) unique = `${id}_${k}`;
  taken.add(unique);
  return unique;
}

/**
 * Text safe inside a `//` or block comment: printable ASCII only (a newline would end a `//` comment), no `*\/` or
 * `/*`, no backtick (compiler directives), no backslash.
 */
export function verilogComment(text: string): string {
  return text
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/[\\`]/g, '/')
    .replace(/\*\//g, '* /')
    .replace(/\/\*/g, '/ *');
}
