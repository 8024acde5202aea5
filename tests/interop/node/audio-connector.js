// The Audio Connector through the npm package: websocketConnect. node-ot 2.23.2 has no call
// that ends the connection (the REST API's POST .../connect/{id}/stop); a server ends it
// with forceDisconnect of its connection, which is checked here, and the stop route is
// reached once with the SDK's own project JWT so that both ways are seen to end the call.
'use strict';

const assert = require('node:assert/strict');
const {
  opentok, call, check, connect, publish, answered, lastAnswer, rejectsWith, routedSessionWithPublisher,
  clientToken, sessionView, control, rest, unknownSessionId, unknownId,
} = require('./harness');

// node-ot wraps every websocketConnect error as "Error connecting to websocket: <message>".
const connectFailed = /Error connecting to websocket/;

async function connectorState(id) {
  const res = await control('GET', `/_mock/audio-connectors/${id}`);
  assert.equal(res.status, 200, res.text);
  return res.body;
}

async function run() {
  const { sessionId, connectionId: host } = await routedSessionWithPublisher('name=host');
  const camera = await publish(sessionId, host, { name: 'camera' });
  const screen = await publish(sessionId, host, { name: 'screen', videoType: 'screen' });
  const token = clientToken(sessionId, 'name=transcriber');
  let selective;
  let everything;

  await check('websocketConnect with streams and headers adds a websocket connection subscribed to those streams', async () => {
    selective = await call('websocketConnect', sessionId, token, 'wss://127.0.0.1:9/audio', {
      streams: [camera], headers: { 'X-Room': 'seven' },
    });
    await answered('POST audio.connect 200');
    assert.match(selective.id, /^[0-9a-f-]{36}$/);
    const connection = (await sessionView(sessionId)).connections.find((c) => c.connectionId === selective.connectionId);
    assert.equal(connection.kind, 'websocket');
    assert.equal(connection.data, 'name=transcriber');
    assert.deepEqual(connection.subscribedStreams, [camera]);
    const state = await connectorState(selective.id);
    assert.equal(state.uri, 'wss://127.0.0.1:9/audio');
    assert.deepEqual(state.headerNames, ['X-Room']);
    assert.equal(state.connected, true);
  });

  await check('websocketConnect without streams takes every stream, also one published later', async () => {
    everything = await call('websocketConnect', sessionId, token, 'wss://127.0.0.1:9/all');
    const subscribed = async () => (await connectorState(everything.id)).subscribedStreams;
    assert.deepEqual([...(await subscribed())].sort(), [camera, screen].sort());
    const later = await publish(sessionId, host, { name: 'later' });
    assert.deepEqual([...(await subscribed())].sort(), [camera, screen, later].sort());
  });

  await check('forceDisconnect of its connection ends the call: the websocket connection is gone', async () => {
    await call('forceDisconnect', sessionId, selective.connectionId);
    await answered('DELETE connection.disconnect 204');
    const view = await sessionView(sessionId);
    assert.ok(!view.connections.some((c) => c.connectionId === selective.connectionId));
    assert.equal(view.leftConnections.find((c) => c.connectionId === selective.connectionId).reason, 'forceDisconnected');
    assert.equal((await connectorState(selective.id)).connected, false);
  });

  await check('the stop route (no SDK method) ends the other call with the SDK\'s credentials; again it is 404', async () => {
    assert.equal((await rest('POST', `/connect/${everything.id}/stop`)).status, 204);
    assert.equal(await lastAnswer(), 'POST audio.disconnect 204');
    assert.ok(!(await sessionView(sessionId)).connections.some((c) => c.kind === 'websocket'));
    assert.equal((await rest('POST', `/connect/${everything.id}/stop`)).status, 404);
    assert.equal((await rest('POST', `/connect/${unknownId}/stop`)).status, 404);
  });

  await check('websocketConnect errors: http:// URI (400), token of another session (403), unknown session (404), relayed (409)', async () => {
    await rejectsWith(call('websocketConnect', sessionId, token, 'http://127.0.0.1:9/audio'), 'POST audio.connect 400', connectFailed);
    const other = await call('createSession', { mediaMode: 'routed' });
    await rejectsWith(call('websocketConnect', sessionId, clientToken(other.sessionId, 'x'), 'wss://127.0.0.1:9/a'), 'POST audio.connect 403', connectFailed);
    await rejectsWith(call('websocketConnect', unknownSessionId, token, 'wss://127.0.0.1:9/a'), 'POST audio.connect 404', connectFailed);
    const relayed = await call('createSession', { mediaMode: 'relayed' });
    await connect(relayed.sessionId, opentok.generateToken(relayed.sessionId, { role: 'publisher' }));
    await rejectsWith(call('websocketConnect', relayed.sessionId, clientToken(relayed.sessionId, 'x'), 'wss://127.0.0.1:9/a'), 'POST audio.connect 409', connectFailed);
    assert.ok(!(await sessionView(sessionId)).connections.some((c) => c.kind === 'websocket'));
  });

  await check('websocketConnect refuses headers over 512 bytes (400)', async () => {
    await rejectsWith(call('websocketConnect', sessionId, token, 'wss://127.0.0.1:9/a', { headers: { 'X-Big': 'x'.repeat(512) } }),
      'POST audio.connect 400', connectFailed);
  });
}

module.exports = { run };
