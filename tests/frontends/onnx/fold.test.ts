import { describe, expect, it } from 'vitest';
import { OnnxModelBuilder, ints, tensor, int } from '../../fixtures/onnx-builder.ts';
import { kinds, parse, ramp } from './helpers.ts';
import { expectFloatMatchesOrt } from './ort-graph.ts';

const i64 = { dtype: 'int64' } as const;

/**
 * x[N, k] + c, where c is computed by a constant subgraph (`build` returns the name of its result, any shape of k
 * values): the frontend folds c into a bias layer, onnxruntime computes the subgraph, so every folded value is checked.
 */
async function checkFold(k: number, build: (m: OnnxModelBuilder) => string, opset = 13): Promise<void> {
  const m = new OnnxModelBuilder({ opset }).input('x', ['N', k]);
  const c = build(m);
  m.node('Cast', [c], ['cf'], { to: int(1) }, 'to_float');
  m.initializer('flat', [1], [-1], i64).node('Reshape', ['cf', 'flat'], ['c1'], {}, 'flatten_c');
  m.node('Add', ['x', 'c1'], ['y'], {}, 'add').output('y');
  const g = parse(m);
  expect(kinds(g)).toEqual(['input', 'batchnorm']);
  await expectFloatMatchesOrt(g, m.encode(), 3);
}

describe('constant folding of shape subgraphs and constant arithmetic, against onnxruntime', () => {
  it('folds Shape → Gather → Unsqueeze → ConstantOfShape', async () => {
    await checkFold(4, (m) => {
      m.node('Shape', ['x'], ['s'], {}, 'shape').initializer('one', [], [1], i64).node('Gather', ['s', 'one'], ['n'], { axis: int(0) }, 'gather');
      m.initializer('ax', [1], [0], i64).node('Unsqueeze', ['n', 'ax'], ['n1'], {}, 'unsqueeze');
      return m.node('ConstantOfShape', ['n1'], ['c'], { value: { tensor: tensor('v', [1], [0.75]) } }, 'fill'), 'c';
    });
  });

  it('folds Transpose with the default perm and a 2-D Gather along axis 1', async () => {
    await checkFold(16, (m) => {
      m.initializer('C', [3, 4], ramp(12, 1)).node('Transpose', ['C'], ['t'], {}, 'tr');
      m.initializer('idx', [2, 2], [2, 0, -1, 1], i64).node('Gather', ['t', 'idx'], ['c'], { axis: int(1) }, 'gather');
      return 'c';
    });
  });

  it('folds Expand (bidirectional broadcast), Unsqueeze, Squeeze and Concat along axis 2', async () => {
    await checkFold(30, (m) => {
      m.initializer('C', [3, 1], [1, -2, 0.5]).initializer('sh', [3], [2, 1, 2], i64).node('Expand', ['C', 'sh'], ['e'], {}, 'expand');
      m.initializer('ax', [1], [1], i64).node('Unsqueeze', ['e', 'ax'], ['u'], {}, 'unsqueeze').node('Squeeze', ['u', 'ax'], ['sq'], {}, 'squeeze');
      m.initializer('D', [2, 3, 3], ramp(18, 4)).node('Concat', ['sq', 'D'], ['c'], { axis: int(2) }, 'cat');
      return 'c';
    });
  });

  it('folds integer Div (truncating), Cast, Pow, Sqrt, Neg, Abs, Reciprocal, Max, Min, Sum, Mean and Sub', async () => {
    await checkFold(3, (m) => {
      m.initializer('a', [3], [7, -7, 9], i64).initializer('b', [3], [2, 2, 4], i64).node('Div', ['a', 'b'], ['q'], {}, 'div');
      m.node('Cast', ['q'], ['qf'], { to: int(1) }, 'cast').initializer('two', [], [2]).node('Pow', ['qf', 'two'], ['p'], {}, 'pow');
      m.node('Sqrt', ['p'], ['r'], {}, 'sqrt').node('Neg', ['r'], ['n'], {}, 'neg').node('Abs', ['qf'], ['ab'], {}, 'abs');
      m.node('Reciprocal', ['p'], ['rec'], {}, 'rec').node('Max', ['n', 'rec', 'qf'], ['mx'], {}, 'max').node('Min', ['ab', 'mx'], ['mn'], {}, 'min');
      m.node('Sum', ['mn', 'rec', 'p'], ['sm'], {}, 'sum').node('Mean', ['sm', 'n'], ['me'], {}, 'mean');
      return m.node('Sub', ['me', 'ab'], ['c'], {}, 'sub'), 'c';
    });
  });

  it('folds Slice with negative steps and clamped ends (opset 13) and Slice with attributes (opset 9)', async () => {
    await checkFold(6, (m) => {
      m.initializer('C', [2, 5], ramp(10, 2)).initializer('st', [2], [0, 4], i64).initializer('en', [2], [2, -100], i64);
      m.initializer('axs', [2], [0, 1], i64).initializer('sp', [2], [1, -2], i64);
      return m.node('Slice', ['C', 'st', 'en', 'axs', 'sp'], ['c'], {}, 'slice'), 'c';
    });
    await checkFold(6, (m) => {
      m.initializer('C', [3, 4], ramp(12, 3));
      return m.node('Slice', ['C'], ['c'], { starts: ints([1, 1]), ends: ints([3, 1000]), axes: ints([0, 1]) }, 'slice'), 'c';
    }, 9);
  });
});
