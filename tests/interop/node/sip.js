// SIP interconnect through the npm package: dial (with every option node-ot sends) and
// playDTMF to the whole session or to one connection. The effects come from the mock's
// control plane: the call's connection (kind sip) publishing its stream, the SIP calls in
// progress with what the dial asked for, and the digits each connection heard.
'use strict';

const assert = require('node:assert/strict');
const {
  opentok, call, check, connect, answered, rejectsWith, routedSessionWithPublisher, clientToken, sessionView,
  inbox, mockNow, control, sessionPath, publish, unknownSessionId, unknownId,
} = require('./harness');

const dtmfOf = async (sessionId, connectionId) => (await inbox(sessionId, connectionId, 'dtmf')).items;
// node-ot wraps every dial error as "Failed to dial endpoint. <the error>".
const dialFailed = /Failed to dial endpoint/;

async function run() {
  const { sessionId, connectionId: host } = await routedSessionWithPublisher('name=host');
  const hostCamera = await publish(sessionId, host, { name: 'camera' });
  let first;
  let second;

  await check('dial with headers, auth, secure, from, video, observeForceMute and streams adds a publishing SIP connection', async () => {
    first = await call('dial', sessionId, clientToken(sessionId, 'name=phone'), 'sip:+15550100@sip.example.com;transport=tls', {
      headers: { 'X-Conference-Id': 'room-7' },
      auth: { username: 'pbx-user', password: 'pbx-password' },
      secure: true,
      from: '15550199@example.com',
      video: true,
      observeForceMute: true,
      streams: [hostCamera],
    });
    await answered('POST sip.dial 200');
    assert.match(first.id, /^[0-9a-f-]{36}$/);
    assert.equal(typeof first.connectionId, 'string');
    assert.equal(typeof first.streamId, 'string');
    const view = await sessionView(sessionId);
    const connection = view.connections.find((c) => c.connectionId === first.connectionId);
    assert.equal(connection.kind, 'sip');
    assert.equal(connection.data, 'name=phone');
    const stream = view.streams.find((s) => s.id === first.streamId);
    assert.equal(stream.connectionId, first.connectionId);
    assert.equal(stream.hasAudio, true);
    assert.equal(stream.hasVideo, true);
  });

  await check('the control plane shows the call with what the dial asked for (no password)', async () => {
    const res = await control('GET', `${sessionPath(sessionId)}/sip-calls`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.count, 1);
    const [shown] = res.body.items;
    assert.equal(shown.id, first.id);
    assert.deepEqual(shown.sip, {
      uri: 'sip:+15550100@sip.example.com;transport=tls',
      from: '15550199@example.com',
      headers: { 'X-Conference-Id': 'room-7' },
      secure: true,
      video: true,
      observeForceMute: true,
      streams: [hostCamera],
      auth: { username: 'pbx-user' },
    });
    assert.ok(!res.text.includes('pbx-password'));
  });

  await check('a plain dial publishes an audio-only stream', async () => {
    second = await call('dial', sessionId, clientToken(sessionId, 'name=desk'), 'sips:desk@pbx.example.com');
    const stream = (await sessionView(sessionId)).streams.find((s) => s.id === second.streamId);
    assert.equal(stream.hasAudio, true);
    assert.equal(stream.hasVideo, false);
  });

  await check('playDTMF to the session reaches every SIP call and no other connection', async () => {
    const at = await mockNow();
    await call('playDTMF', sessionId, null, '1234#');
    await answered('POST sip.dtmf.session 200');
    assert.deepEqual(await dtmfOf(sessionId, first.connectionId), [{ digits: '1234#', at }]);
    assert.deepEqual(await dtmfOf(sessionId, second.connectionId), [{ digits: '1234#', at }]);
    assert.deepEqual(await dtmfOf(sessionId, host), []);
  });

  await check('playDTMF to one connection reaches that call only', async () => {
    await call('playDTMF', sessionId, second.connectionId, '*9p0');
    await answered('POST sip.dtmf.connection 200');
    assert.deepEqual((await dtmfOf(sessionId, second.connectionId)).map((d) => d.digits), ['1234#', '*9p0']);
    assert.equal((await dtmfOf(sessionId, first.connectionId)).length, 1);
  });

  await check('playDTMF errors: invalid digits (400), unknown connection or session (404)', async () => {
    await rejectsWith(call('playDTMF', sessionId, null, '12a'), 'POST sip.dtmf.session 400', /Invalid DTMF Digits/);
    await rejectsWith(call('playDTMF', sessionId, first.connectionId, 'abc'), 'POST sip.dtmf.connection 400', /Invalid DTMF Digits/);
    await rejectsWith(call('playDTMF', sessionId, unknownId, '1'), 'POST sip.dtmf.connection 404', /Not Found/);
    await rejectsWith(call('playDTMF', unknownSessionId, null, '1'), 'POST sip.dtmf.session 404', /Not Found/);
    assert.equal((await dtmfOf(sessionId, first.connectionId)).length, 1);
  });

  await check('forceDisconnect of the SIP connection ends the call and its stream', async () => {
    await call('forceDisconnect', sessionId, first.connectionId);
    const view = await sessionView(sessionId);
    assert.ok(!view.streams.some((s) => s.id === first.streamId));
    assert.equal(view.leftConnections.find((c) => c.connectionId === first.connectionId).reason, 'forceDisconnected');
    const calls = (await control('GET', `${sessionPath(sessionId)}/sip-calls`)).body;
    assert.deepEqual(calls.items.map((c) => c.id), [second.id]);
  });

  await check('dial errors: bad SIP URI (400), token of another session (403), unknown session (404), relayed session (409)', async () => {
    const token = clientToken(sessionId, 'name=x');
    await rejectsWith(call('dial', sessionId, token, 'tel:+15550100'), 'POST sip.dial 400', dialFailed);
    const other = await call('createSession', { mediaMode: 'routed' });
    await rejectsWith(call('dial', sessionId, clientToken(other.sessionId, 'name=x'), 'sip:a@example.com'), 'POST sip.dial 403', dialFailed);
    await rejectsWith(call('dial', unknownSessionId, token, 'sip:a@example.com'), 'POST sip.dial 404', dialFailed);
    const relayed = await call('createSession', { mediaMode: 'relayed' });
    await connect(relayed.sessionId, opentok.generateToken(relayed.sessionId, { role: 'publisher' }));
    await rejectsWith(call('dial', relayed.sessionId, clientToken(relayed.sessionId, 'name=x'), 'sip:a@example.com'), 'POST sip.dial 409', dialFailed);
    // Only the calls that were answered joined the session.
    assert.equal((await sessionView(sessionId)).connections.filter((c) => c.kind === 'sip').length, 1);
  });
}

module.exports = { run };
