import { commentText, safeIdentifier } from '../../util/identifier.ts';

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

/** A safe, unique-in-`taken` Verilog identifier for `name` (keywords and reserved names get a `_v` suffix). */
export const verilogIdentifier = (name: string, taken?: Set<string>): string =>
  safeIdentifier(name, (id) => KEYWORDS.has(id) || RESERVED.has(id), '_v', taken);

/** Text safe inside a `//` or block comment: no newline, `*\/`, `/*`, backtick (compiler directives) or backslash. */
export const verilogComment = (text: string): string => commentText(text.replace(/[\\`]/g, '/'));

/**
 * The prefix of a layer module's signal names (`fc1` in `fc1_n12_acc`): the layer's name as a Verilog identifier, so
 * the layer's signals keep its name when a tool flattens the hierarchy (docs/rtl.md "Signal names").
 */
export const signalPrefix = (layerName: string): string => verilogIdentifier(layerName);
