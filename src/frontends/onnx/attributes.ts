import { fail, type Where } from '../../diagnostics/diagnostic.ts';
import { int64, type AttributeProto, type NodeProto, type TensorProto } from './proto.ts';

/** AttributeProto.AttributeType codes */
const AttrType = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7, STRINGS: 8 } as const;

/** Typed, named access to a node's attributes, with the node's location for diagnostics. */
export class Attributes {
  private readonly byName: Map<string, AttributeProto>;

  constructor(node: NodeProto, private readonly where: Where) {
    this.byName = new Map((node.attribute ?? []).map((a) => [a.name ?? '', a]));
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  float(name: string, fallback: number): number {
    const a = this.get(name, AttrType.FLOAT, 'a float');
    return a ? (a.f ?? 0) : fallback;
  }

  int(name: string, fallback: number): number {
    const a = this.get(name, AttrType.INT, 'an int');
    return a ? int64(a.i) : fallback;
  }

  string(name: string, fallback: string): string {
    const a = this.get(name, AttrType.STRING, 'a string');
    return a?.s ? new TextDecoder().decode(a.s) : fallback;
  }

  floats(name: string): number[] | undefined {
    const a = this.get(name, AttrType.FLOATS, 'a list of floats');
    return a ? [...(a.floats ?? [])] : undefined;
  }

  ints(name: string): number[] | undefined {
    const a = this.get(name, AttrType.INTS, 'a list of ints');
    return a ? (a.ints ?? []).map(int64) : undefined;
  }

  strings(name: string): string[] | undefined {
    const a = this.get(name, AttrType.STRINGS, 'a list of strings');
    return a ? (a.strings ?? []).map((b) => new TextDecoder().decode(b)) : undefined;
  }

  tensor(name: string): TensorProto | undefined {
    return this.get(name, AttrType.TENSOR, 'a tensor')?.t ?? undefined;
  }

  /** Fail unless the int attribute has one of the supported values. */
  requireInt(name: string, fallback: number, supported: readonly number[]): number {
    const v = this.int(name, fallback);
    if (!supported.includes(v)) {
      throw fail('unsupported-attribute', this.where, `${name} must be ${supported.join(' or ')}, not ${v}`);
    }
    return v;
  }

  private get(name: string, type: number, what: string): AttributeProto | undefined {
    const a = this.byName.get(name);
    if (a && a.type && a.type !== type) throw fail('unsupported-attribute', this.where, `${name} must be ${what}`);
    return a;
  }
}
