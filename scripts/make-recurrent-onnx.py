#!/usr/bin/python3
"""Builds the small recurrent ONNX fixtures of tests/fixtures/recurrent (see its README.md).

PyTorch models (torch.nn.LSTM / GRU / RNN, seeded weights) are exported with torch.onnx.export, so the files carry
PyTorch's export patterns: batch_first Transposes, the zero initial state built from Shape/Gather/Unsqueeze/Concat/
ConstantOfShape/Expand for a symbolic batch, Squeeze of the direction axis, Gather of the last step or of h_n.
What PyTorch never writes (direction "reverse", GRU linear_before_reset=0, HardSigmoid) is built with onnx.helper.
Run with Debian's python3-torch and python3-onnx: /usr/bin/python3 scripts/make-recurrent-onnx.py
"""
import os
import sys

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'fixtures', 'recurrent')
T, N_IN = 5, 3


class Last(torch.nn.Module):
    """out[:, -1, :] (batch_first) or out[-1] (time-major): the last step taken from the whole sequence."""
    def __init__(self, rnn):
        super().__init__()
        self.rnn = rnn

    def forward(self, x):
        out, _ = self.rnn(x)
        return out[:, -1, :] if self.rnn.batch_first else out[-1]


class Seq(torch.nn.Module):
    """the whole output sequence"""
    def __init__(self, rnn):
        super().__init__()
        self.rnn = rnn

    def forward(self, x):
        out, _ = self.rnn(x)
        return out


class Hn(torch.nn.Module):
    """the final state h_n (of the last direction), or both directions' concatenated when bidirectional"""
    def __init__(self, rnn):
        super().__init__()
        self.rnn = rnn

    def forward(self, x):
        _, state = self.rnn(x)
        h = state[0] if isinstance(state, tuple) else state
        return torch.cat((h[-2], h[-1]), dim=1) if self.rnn.bidirectional else h[-1]


def export(name, module, batch_first):
    module.eval()
    x = torch.zeros((1, T, N_IN) if batch_first else (T, 1, N_IN))
    path = os.path.join(OUT, name + '.onnx')
    torch.onnx.export(module, (x,), path, input_names=['x'], output_names=['y'], opset_version=14,
                      dynamic_axes={'x': {0 if batch_first else 1: 'batch'}})
    print(path, os.path.getsize(path))


def torch_models():
    def seeded(cls, seed, **kw):
        torch.manual_seed(seed)
        return cls(input_size=N_IN, **kw)
    export('lstm_last', Last(seeded(torch.nn.LSTM, 1, hidden_size=4, batch_first=True)), True)
    export('lstm_seq_time_major', Seq(seeded(torch.nn.LSTM, 2, hidden_size=8, batch_first=False)), False)
    export('lstm_bidir_hn', Hn(seeded(torch.nn.LSTM, 3, hidden_size=4, batch_first=True, bidirectional=True)), True)
    export('gru_hn', Hn(seeded(torch.nn.GRU, 4, hidden_size=8, batch_first=True)), True)
    export('gru_last_time_major', Last(seeded(torch.nn.GRU, 5, hidden_size=4, batch_first=False)), False)
    export('rnn_relu_seq', Seq(seeded(torch.nn.RNN, 6, hidden_size=4, batch_first=True, nonlinearity='relu')), True)
    export('rnn_bidir_seq', Seq(seeded(torch.nn.RNN, 7, hidden_size=4, batch_first=True, bidirectional=True)), True)


def helper_model(name, op, gates, hidden, attrs, seed, output='Y'):
    """A single-node model X [T, batch, n] → Y [T, dirs, batch, h] (or Y_h), weights uniform in ±0.6."""
    rng = np.random.default_rng(seed)
    dirs = 2 if attrs.get('direction') == 'bidirectional' else 1
    w = rng.uniform(-0.6, 0.6, (dirs, gates * hidden, N_IN)).astype(np.float32)
    r = rng.uniform(-0.6, 0.6, (dirs, gates * hidden, hidden)).astype(np.float32)
    b = rng.uniform(-0.3, 0.3, (dirs, 2 * gates * hidden)).astype(np.float32)
    inits = [numpy_helper.from_array(w, 'W'), numpy_helper.from_array(r, 'R'), numpy_helper.from_array(b, 'B')]
    outs = ['Y', ''] if output == 'Y' else ['', 'Y_h']
    node = helper.make_node(op, ['x', 'W', 'R', 'B'], outs, name=name, hidden_size=hidden, **attrs)
    x = helper.make_tensor_value_info('x', TensorProto.FLOAT, [T, 'batch', N_IN])
    shape = [T, dirs, 'batch', hidden] if output == 'Y' else [dirs, 'batch', hidden]
    y = helper.make_tensor_value_info(output, TensorProto.FLOAT, shape)
    model = helper.make_model(helper.make_graph([node], name, [x], [y], inits), opset_imports=[helper.make_opsetid('', 14)])
    onnx.checker.check_model(model)
    path = os.path.join(OUT, name + '.onnx')
    onnx.save(model, path)
    print(path, os.path.getsize(path))


def helper_models():
    helper_model('lstm_reverse_seq', 'LSTM', 4, 4, {'direction': 'reverse'}, 11)
    helper_model('lstm_hard_sigmoid_hn', 'LSTM', 4, 4, {'activations': ['HardSigmoid', 'Tanh', 'Tanh']}, 12, 'Y_h')
    helper_model('gru_reset_before_seq', 'GRU', 3, 4, {'linear_before_reset': 0}, 13)
    helper_model('gru_reset_before_reverse_hn', 'GRU', 3, 8, {'linear_before_reset': 0, 'direction': 'reverse'}, 14, 'Y_h')
    helper_model('gru_bidir_seq', 'GRU', 3, 4, {'linear_before_reset': 1, 'direction': 'bidirectional'}, 15)
    helper_model('rnn_reverse_hn', 'RNN', 1, 4, {'direction': 'reverse', 'activations': ['Relu']}, 16, 'Y_h')


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    torch_models()
    helper_models()
    sys.exit(0)
