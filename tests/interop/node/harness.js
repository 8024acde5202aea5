// What every interop section shares: the SDK client pointed at the mock, promise wrappers
// for its callback API, the mock's control plane, and the check runner that stops at the
// first failure. The environment comes from ../with-mock.sh.
'use strict';

const assert = require('node:assert/strict');
const { promisify } = require('node:util');
const OpenTok = require('opentok');

const url = process.env.OPENTOK_MOCK_URL;
const apiKey = process.env.OPENTOK_API_KEY;
const apiSecret = process.env.OPENTOK_API_SECRET;
if (!url || !apiKey || !apiSecret || !/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) {
  console.error('interop: set OPENTOK_MOCK_URL (http://127.0.0.1:PORT), OPENTOK_API_KEY and OPENTOK_API_SECRET');
  process.exit(2);
}

const opentok = new OpenTok(apiKey, apiSecret, { apiUrl: url });

// The SDK method's first callback value.
const call = (method, ...args) => promisify(opentok[method].bind(opentok))(...args);

// Every callback value as an array: listBroadcasts passes (items, totalCount).
const callAll = (method, ...args) => new Promise((resolve, reject) => {
  opentok[method](...args, (error, ...results) => (error ? reject(error) : resolve(results)));
});

// The mock's control plane (plain fetch: it is not part of the SDK).
async function control(method, path, body) {
  const res = await fetch(url + path, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const type = res.headers.get('content-type') || '';
  return { status: res.status, type, text, body: text && type.startsWith('application/json') ? JSON.parse(text) : null };
}

const sessionPath = (sessionId) => `/_mock/sessions/${encodeURIComponent(sessionId)}`;

async function connect(sessionId, token) {
  const res = await control('POST', `${sessionPath(sessionId)}/connections`, { token });
  assert.equal(res.status, 201, res.text);
  return res.body;
}

// A simulated client of `sessionId` publishing a stream; returns the stream id.
async function publish(sessionId, connectionId, settings) {
  const res = await control('POST', `${sessionPath(sessionId)}/connections/${connectionId}/streams`, settings);
  assert.equal(res.status, 201, res.text);
  return res.body.streamId;
}

// A new routed session with one connected publisher.
async function routedSessionWithPublisher(data) {
  const session = await call('createSession', { mediaMode: 'routed' });
  const token = opentok.generateToken(session.sessionId, { role: 'publisher', data });
  const connection = await connect(session.sessionId, token);
  return { sessionId: session.sessionId, connectionId: connection.connectionId };
}

// A client token of `sessionId` (JWT, publisher role unless told).
const clientToken = (sessionId, data, role = 'publisher') => opentok.generateToken(sessionId, { role, data });

// The mock's view of a session: connections (with their kind), streams (with audioMuted),
// recently left connections with their reason, and the mute-all state.
async function sessionView(sessionId) {
  const res = await control('GET', sessionPath(sessionId));
  assert.equal(res.status, 200, res.text);
  return res.body;
}

// What a simulated connection received: 'signals' or 'dtmf' ({count, items: [{..., at}]}).
async function inbox(sessionId, connectionId, kind) {
  const res = await control('GET', `${sessionPath(sessionId)}/connections/${connectionId}/${kind}`);
  assert.equal(res.status, 200, res.text);
  return res.body;
}

async function mockNow() {
  return (await control('GET', '/_mock/clock')).body.now;
}

// A REST call with the SDK's own project JWT, for the few routes the SDK has no method for.
async function rest(method, path) {
  const res = await fetch(`${url}/v2/project/${apiKey}${path}`, {
    method, headers: { 'X-OPENTOK-AUTH': opentok.generateJwt(), Accept: 'application/json' },
  });
  return { status: res.status, text: await res.text() };
}

async function advanceClock(seconds) {
  const res = await control('POST', '/_mock/clock/advance', { seconds });
  assert.equal(res.status, 200, res.text);
}

// The SDK folds several statuses into one error type (node-ot reports any 400 of
// startBroadcast as "Bad session ID, token, SIP credentials, or SIP URI"), so the exact
// answer is read from the mock's request journal: the last REST request's operation and
// status.
async function lastAnswer() {
  const journal = await control('GET', '/_mock/requests');
  const last = journal.body.items.at(-1);
  return `${last.method} ${last.operation} ${last.status}`;
}

async function answered(expected) {
  assert.equal(await lastAnswer(), expected);
}

// Asserts that `promise` fails with an error (matching `pattern` when given) and that the
// mock's answer was `expected` ("METHOD operation status").
async function rejectsWith(promise, expected, pattern) {
  await assert.rejects(promise, pattern);
  await answered(expected);
}

let passed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (error) {
    console.log(`not ok - ${name}`);
    console.error(error);
    console.log(`${passed} passed, 1 failed`);
    process.exit(1);
  }
}

const passedCount = () => passed;

// A syntactically plausible session id that the mock never issued.
const unknownSessionId = '1_MX4xMjM0NTZ-fjE3MDAwMDAwMDAwMDB-bm90LWEtc2Vzc2lvbg-fn4';
const unknownId = '00000000-0000-4000-8000-000000000000';

module.exports = {
  OpenTok, opentok, url, apiKey, apiSecret, call, callAll, control, sessionPath, connect, publish,
  routedSessionWithPublisher, advanceClock, lastAnswer, answered, rejectsWith, check, passedCount,
  unknownSessionId, unknownId, clientToken, sessionView, inbox, mockNow, rest,
};
