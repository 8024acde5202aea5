// The mock's control plane and request journal, and the check runner, for the Node interop
// runners that drive an SDK with a Vonage application (vonage-node/). Plain fetch: none of
// this is part of an SDK. Nothing here prints a token or a key.
'use strict';

const assert = require('node:assert/strict');

function mockControl(url) {
  async function control(method, path, body) {
    const res = await fetch(url + path, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    const type = res.headers.get('content-type') || '';
    return { status: res.status, text, body: text && type.startsWith('application/json') ? JSON.parse(text) : null };
  }

  const sessionPath = (sessionId) => `/_mock/sessions/${encodeURIComponent(sessionId)}`;

  async function expect(status, method, path, body) {
    const res = await control(method, path, body);
    assert.equal(res.status, status, `${method} ${path}: ${res.text}`);
    return res.body;
  }

  return {
    control,
    sessionPath,
    // A simulated client joining with `token`; the mock verifies the token.
    connect: (sessionId, token) => expect(201, 'POST', `${sessionPath(sessionId)}/connections`, { token }),
    // A simulated client of the session publishing a stream; returns the stream id.
    publish: async (sessionId, connectionId, settings = {}) => (await expect(
      201, 'POST', `${sessionPath(sessionId)}/connections/${connectionId}/streams`, settings)).streamId,
    // The mock's view of a session: connections (with kind), streams, left connections.
    sessionView: (sessionId) => expect(200, 'GET', sessionPath(sessionId)),
    // What a simulated connection received: kind 'signals' or 'dtmf'.
    inbox: async (sessionId, connectionId, kind) => (await expect(
      200, 'GET', `${sessionPath(sessionId)}/connections/${connectionId}/${kind}`)).items,
    advanceClock: (seconds) => expect(200, 'POST', '/_mock/clock/advance', { seconds }),
    // The SDKs fold statuses into shared error types, so the exact answer of the last REST
    // request is read from the journal as "METHOD operation status".
    lastAnswer: async () => {
      const last = (await expect(200, 'GET', '/_mock/requests')).items.at(-1);
      return `${last.method} ${last.operation} ${last.status}`;
    },
    journal: async () => (await expect(200, 'GET', '/_mock/requests')).items,
  };
}

// Named checks run in order; the first failure ends the process with "N passed, 1 failed".
function checkRunner() {
  let passed = 0;
  const fail = (name, error) => {
    if (name) console.log(`not ok - ${name}`);
    console.error(error);
    console.log(`${passed} passed, 1 failed`);
    process.exit(1);
  };
  return {
    async check(name, fn) {
      try {
        await fn();
      } catch (error) {
        fail(name, error);
      }
      passed += 1;
      console.log(`ok - ${name}`);
    },
    done() {
      console.log(`${passed} passed, 0 failed`);
    },
    fail: (error) => fail(null, error),
  };
}

module.exports = { mockControl, checkRunner };
