// The official opentok npm SDK's generateToken, timed like Google Benchmark does ours:
// an iteration count calibrated to a minimum time, then REPETITIONS timed runs, median
// reported. Inputs (API key, secret, session id, connection data) come from
// `bench_tokens --print-inputs`, so both sides mint the same tokens.
//
//   node tokens.js OPENTOK_PACKAGE_DIR INPUTS_JSON REPETITIONS MIN_SECONDS
// prints "name<TAB>median nanoseconds per token" per case, named as in bench_tokens.
'use strict';

const [packageDir, inputsJson, repetitionsArg, minSecondsArg] = process.argv.slice(2);
const OpenTok = require(packageDir);
const inputs = JSON.parse(inputsJson);
const repetitions = Number(repetitionsArg);
const minNs = Number(minSecondsArg) * 1e9;
const ot = new OpenTok(inputs.apiKey, inputs.apiSecret);

let sink = 0;  // keeps the tokens observable
function timeOnce(fn, iterations) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) sink += fn().length;
  return Number(process.hrtime.bigint() - start);
}

function medianNsPerCall(fn) {
  let iterations = 1;
  for (;;) {  // calibration doubles as warm-up for the JIT
    const ns = timeOnce(fn, iterations);
    if (ns >= minNs || iterations >= 1 << 24) break;
    iterations = Math.max(iterations * 2, Math.ceil(iterations * minNs / Math.max(ns, 1)));
  }
  const samples = [];
  for (let r = 0; r < repetitions; r++) samples.push(timeOnce(fn, iterations) / iterations);
  samples.sort((a, b) => a - b);
  const mid = samples.length >> 1;
  return samples.length % 2 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2;
}

for (const format of ['jwt', 't1']) {
  for (const role of ['publisher', 'subscriber', 'moderator', 'publisheronly']) {
    for (const withData of [false, true]) {
      const options = withData ? { role, data: inputs.data } : { role };
      const fn = () => ot.generateToken(inputs.sessionId, options, format === 't1');
      const name = `BM_GenerateToken/${format}/${role}/${withData ? 'data' : 'nodata'}`;
      process.stdout.write(`${name}\t${medianNsPerCall(fn).toFixed(1)}\n`);
    }
  }
}
if (sink === 0) process.exit(1);
