// The report page: draws tables and charts from the embedded JSON (#hlsforge-report-data), nothing else.
// Runs offline from a file: ECharts is included in the page above this script.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('hlsforge-report-data').textContent);
  var main = document.getElementById('report');
  var charts = [];
  window.hlsforgeReport = { data: data, charts: charts };

  // ---- formatting: integers exactly, other numbers to 4 significant digits (the test applies the same rule)
  function num(x) {
    if (x === undefined || x === null) return '';
    if (Number.isInteger(x)) return String(x);
    return String(Number(x.toPrecision(4)));
  }
  function pct(x) {
    return x === undefined || x === null ? '' : (100 * x).toFixed(2) + '%';
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function section(title, help) {
    main.appendChild(el('h2', {}, title));
    if (help) main.appendChild(el('p', { class: 'help' }, help));
  }
  /** columns: [{ key, title, text?: true }]; rows: objects keyed by column key (already formatted strings) */
  function table(id, columns, rows) {
    var t = el('table', { id: id });
    var head = el('tr');
    columns.forEach(function (c) { head.appendChild(el('th', {}, c.title)); });
    t.appendChild(head);
    rows.forEach(function (r) {
      var tr = el('tr', { 'data-row': r.row });
      columns.forEach(function (c) { tr.appendChild(el('td', { 'data-field': c.key, class: c.text ? 'text' : '' }, r[c.key] === undefined ? '' : r[c.key])); });
      t.appendChild(tr);
    });
    main.appendChild(t);
  }
  function chart(id, option, height) {
    var div = el('div', { id: id, class: 'chart' });
    if (height) div.style.height = height + 'px';
    main.appendChild(div);
    var c = echarts.init(div, null, { renderer: 'svg' });
    option.animation = false;
    c.setOption(option);
    charts.push(id);
    window.addEventListener('resize', function () { c.resize(); });
  }

  // ---- header
  document.getElementById('meta').textContent =
    'model ' + data.model + ' · backend ' + data.backend + ' · part ' + data.part + ' · clock ' + data.clockPeriod + ' ns · inputs: ' + data.inputs +
    ' · ' + data.samples + ' samples profiled';
  var notes = document.getElementById('notes');
  data.notes.forEach(function (n) { notes.appendChild(el('li', {}, n)); });

  // ---- outputs: error against float and against the reference
  section('Output error', 'The bit-exact fixed-point outputs against the float evaluation of the same model, and both against the reference outputs (OutputPredictions or --reference) when given.');
  var outRows = [{ row: 'fixed vs float', what: 'fixed vs float', maxAbs: num(data.output.errorVsFloat.maxAbs), meanAbs: num(data.output.errorVsFloat.meanAbs), argmax: pct(data.output.errorVsFloat.argmaxAgreement) }];
  if (data.output.reference) {
    ['float', 'fixed'].forEach(function (k) {
      var e = data.output.reference[k];
      outRows.push({ row: k + ' vs reference', what: k + ' vs reference', maxAbs: num(e.maxAbs), meanAbs: num(e.meanAbs), argmax: pct(e.argmaxAgreement) });
    });
  }
  table('output-error', [{ key: 'what', title: 'comparison', text: true }, { key: 'maxAbs', title: 'max |Δ|' }, { key: 'meanAbs', title: 'mean |Δ|' }, { key: 'argmax', title: 'argmax agreement' }], outRows);

  // ---- distributions against the types (hls4ml numerical(): log2 |x| of the nonzero values, box = quartiles, whiskers = extremes)
  var log2 = function (x) { return Math.log(x) / Math.LN2; };
  function distributionChart(id, entries) {
    var shown = entries.filter(function (e) { return e.profile.box; });
    var cats = shown.map(function (e) { return e.label; });
    var boxes = shown.map(function (e) { var b = e.profile.box; return [log2(b.min), log2(b.q1), log2(b.median), log2(b.q3), log2(b.max)]; });
    var bands = [];
    shown.forEach(function (e, i) { if (e.profile.extent) bands.push([log2(e.profile.extent.lsb), log2(e.profile.extent.max), i, e.profile.type]); });
    chart(id, {
      tooltip: { trigger: 'item' },
      legend: { top: 0, data: ['type range (lsb … max)', 'log2 |x|'] },
      grid: { left: 180, right: 30, top: 40, bottom: 40 },
      yAxis: { type: 'category', data: cats, inverse: true },
      xAxis: { type: 'value', name: 'log2 |x|', nameLocation: 'middle', nameGap: 25, axisLabel: { formatter: function (v) { return '2^' + v; } } },
      series: [
        {
          name: 'type range (lsb … max)', type: 'custom', data: bands, encode: { x: [0, 1], y: 2 }, z: 1,
          itemStyle: { color: 'rgba(120,120,120,0.25)' },
          tooltip: { formatter: function (p) { return cats[p.value[2]] + ': ' + p.value[3] + ' holds 2^' + num(p.value[0]) + ' … 2^' + num(p.value[1]); } },
          renderItem: function (params, api) {
            var lo = api.coord([api.value(0), api.value(2)]);
            var hi = api.coord([api.value(1), api.value(2)]);
            var h = api.size([0, 1])[1] * 0.8;
            return { type: 'rect', shape: { x: lo[0], y: lo[1] - h / 2, width: Math.max(1, hi[0] - lo[0]), height: h }, style: api.style() };
          },
        },
        { name: 'log2 |x|', type: 'boxplot', data: boxes, z: 2, itemStyle: { color: '#cfe3ff', borderColor: '#1f5fbf' } },
      ],
    }, Math.max(220, 60 + 28 * cats.length));
    var empty = entries.filter(function (e) { return !e.profile.box; }).map(function (e) { return e.label; });
    if (empty.length) main.appendChild(el('p', { class: 'help' }, 'All zero (not drawn): ' + empty.join(', ')));
  }

  var weightEntries = [];
  data.layers.forEach(function (l) { l.weights.forEach(function (w) { weightEntries.push({ label: l.name + ' · ' + w.name, profile: w }); }); });
  if (weightEntries.length) {
    section('Weights', 'Magnitudes of each layer\'s nonzero parameters (log2 |x|; box: quartiles and median; whiskers: smallest and largest) over the range of the configured type (grey: from its resolution 2^−F to its largest magnitude). A box left of the grey band is lost to rounding; right of it, it overflows.');
    distributionChart('chart-weights', weightEntries);
  }
  section('Activations', 'Magnitudes of each layer\'s outputs in the float evaluation on the inputs, over the range of the layer\'s result type.');
  distributionChart('chart-activations', data.layers.map(function (l) { return { label: l.name, profile: l.activation }; }));

  // ---- per layer: overflows, error, estimate
  var names = data.layers.map(function (l) { return l.name; });
  section('Layers', 'Per layer: the result type, casts that wrapped or saturated on the inputs, the error of the bit-exact outputs against the float outputs, and the estimate of the ' + data.estimate.backend + ' backend.');
  table('layers', [
    { key: 'name', title: 'layer', text: true }, { key: 'kind', title: 'kind', text: true }, { key: 'result', title: 'result type', text: true },
    { key: 'overflows', title: 'overflows' }, { key: 'maxAbs', title: 'max |Δ| vs float' }, { key: 'meanAbs', title: 'mean |Δ| vs float' },
    { key: 'lut', title: 'LUT' }, { key: 'ff', title: 'FF' }, { key: 'dsp', title: 'DSP' }, { key: 'bram', title: 'BRAM' }, { key: 'latencyCycles', title: 'latency (cycles)' }, { key: 'ii', title: 'II' },
  ], data.layers.map(function (l) {
    var e = l.estimate || {};
    return { row: l.name, name: l.name, kind: l.kind, result: l.precision.result || '', overflows: num(l.overflows), maxAbs: num(l.errorVsFloat.maxAbs), meanAbs: num(l.errorVsFloat.meanAbs),
      lut: num(e.lut), ff: num(e.ff), dsp: num(e.dsp), bram: num(e.bram), latencyCycles: num(e.latencyCycles), ii: num(e.ii) };
  }));
  var positive = function (x) { return x > 0 ? x : null; };
  chart('chart-overflows', {
    tooltip: { trigger: 'axis' }, grid: { left: 60, right: 20, top: 30, bottom: 90 },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 30 } }, yAxis: { type: 'value', name: 'overflows', minInterval: 1 },
    series: [{ name: 'overflows', type: 'bar', data: data.layers.map(function (l) { return l.overflows; }), itemStyle: { color: '#c0392b' } }],
  }, 260);
  chart('chart-error', {
    tooltip: { trigger: 'axis' }, legend: { top: 0, data: ['max |Δ|', 'mean |Δ|'] }, grid: { left: 60, right: 20, top: 40, bottom: 90 },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 30 } }, yAxis: { type: 'log', name: '|fixed − float|' },
    series: [
      { name: 'max |Δ|', type: 'bar', data: data.layers.map(function (l) { return positive(l.errorVsFloat.maxAbs); }) },
      { name: 'mean |Δ|', type: 'bar', data: data.layers.map(function (l) { return positive(l.errorVsFloat.meanAbs); }) },
    ],
  }, 300);

  section('Estimated resources and latency', data.estimate.method);
  var t = data.estimate.total;
  table('estimate-total', [
    { key: 'backend', title: 'backend', text: true }, { key: 'lut', title: 'LUT' }, { key: 'ff', title: 'FF' }, { key: 'dsp', title: 'DSP' }, { key: 'bram', title: 'BRAM' },
    { key: 'latencyCycles', title: 'latency (cycles)' }, { key: 'latencyNs', title: 'latency (ns)' }, { key: 'ii', title: 'II' },
  ], [{ row: 'total', backend: data.estimate.backend, lut: num(t.lut), ff: num(t.ff), dsp: num(t.dsp), bram: num(t.bram), latencyCycles: num(data.estimate.latencyCycles), latencyNs: num(data.estimate.latencyNs), ii: num(data.estimate.ii) }]);
  var estimated = data.layers.filter(function (l) { return l.estimate; });
  var cats = estimated.map(function (l) { return l.name; });
  chart('chart-resources', {
    tooltip: { trigger: 'axis' }, legend: { top: 0, data: ['LUT', 'FF', 'DSP', 'BRAM'] }, grid: { left: 60, right: 20, top: 40, bottom: 90 },
    xAxis: { type: 'category', data: cats, axisLabel: { rotate: 30 } }, yAxis: { type: 'log', name: 'count (log)' },
    series: ['lut', 'ff', 'dsp', 'bram'].map(function (k) {
      return { name: k.toUpperCase(), type: 'bar', data: estimated.map(function (l) { return positive(l.estimate[k]); }) };
    }),
  }, 320);
  chart('chart-latency', {
    tooltip: { trigger: 'axis' }, legend: { top: 0, data: ['latency (cycles)', 'II'] }, grid: { left: 60, right: 20, top: 40, bottom: 90 },
    xAxis: { type: 'category', data: cats, axisLabel: { rotate: 30 } }, yAxis: { type: 'value', name: 'cycles', minInterval: 1 },
    series: [
      { name: 'latency (cycles)', type: 'bar', data: estimated.map(function (l) { return l.estimate.latencyCycles; }) },
      { name: 'II', type: 'bar', data: estimated.map(function (l) { return l.estimate.ii; }) },
    ],
  }, 280);

  // ---- after a sweep: the design space and its Pareto front
  if (data.sweep) {
    var s = data.sweep;
    var withAccuracy = s.points.some(function (p) { return p.accuracy !== undefined; });
    var quality = function (p) { return withAccuracy ? 1 - p.accuracy : p.meanAbsError; };
    var qualityName = withAccuracy ? '1 − accuracy' : 'mean |Δ| vs float';
    section('Design-space sweep', s.points.length + ' points (ap_fixed<W,' + s.integerBits + '> × reuse factor) on ' + s.samples + ' samples, estimates of the ' + s.backend +
      ' backend. Cost = LUT + DSP; the size of a point is its latency; Pareto-optimal points (over error, cost and latency) are filled red.');
    var point = function (p) { return { value: [p.lut + p.dsp, quality(p), p.latencyCycles, p.precision, p.reuseFactor], name: p.precision + ' RF ' + p.reuseFactor }; };
    var maxLatency = Math.max.apply(null, s.points.map(function (p) { return p.latencyCycles; }).concat([1]));
    var size = function (v) { return 8 + 22 * v[2] / maxLatency; };
    var tip = function (p) { return p.name + ': cost ' + num(p.value[0]) + ', ' + qualityName + ' ' + num(p.value[1]) + ', latency ' + p.value[2] + ' cycles'; };
    chart('chart-pareto', {
      tooltip: { trigger: 'item', formatter: tip }, legend: { top: 0, data: ['Pareto front', 'dominated'] }, grid: { left: 80, right: 30, top: 40, bottom: 50 },
      xAxis: { type: 'value', name: 'LUT + DSP', nameLocation: 'middle', nameGap: 28, scale: true },
      yAxis: { type: s.points.every(function (p) { return quality(p) > 0; }) ? 'log' : 'value', name: qualityName },
      series: [
        { name: 'Pareto front', type: 'scatter', symbolSize: size, itemStyle: { color: '#c0392b' }, data: s.points.filter(function (p) { return p.pareto; }).map(point) },
        { name: 'dominated', type: 'scatter', symbolSize: size, itemStyle: { color: 'rgba(31,95,191,0.45)' }, data: s.points.filter(function (p) { return !p.pareto; }).map(point) },
      ],
    }, 380);
    table('sweep-points', [
      { key: 'precision', title: 'precision', text: true }, { key: 'reuseFactor', title: 'RF' }, { key: 'quality', title: withAccuracy ? 'accuracy' : 'mean |Δ|' }, { key: 'maxAbs', title: 'max |Δ|' },
      { key: 'overflows', title: 'overflows' }, { key: 'lut', title: 'LUT' }, { key: 'ff', title: 'FF' }, { key: 'dsp', title: 'DSP' }, { key: 'latencyCycles', title: 'latency (cycles)' }, { key: 'ii', title: 'II' }, { key: 'pareto', title: 'Pareto', text: true },
    ], s.points.map(function (p) {
      return { row: p.precision + ' RF ' + p.reuseFactor, precision: p.precision, reuseFactor: num(p.reuseFactor), quality: withAccuracy ? pct(p.accuracy) : num(p.meanAbsError), maxAbs: num(p.maxAbsError),
        overflows: num(p.overflows), lut: num(p.lut), ff: num(p.ff), dsp: num(p.dsp), latencyCycles: num(p.latencyCycles), ii: num(p.ii), pareto: p.pareto ? '*' : '' };
    }));
  }
  document.body.setAttribute('data-rendered', String(charts.length));
})();
