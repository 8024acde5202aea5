// Session control through @vonage/video in application mode: sendSignal (session and one
// connection), disconnectClient, muteStream, forceMuteAll / disableForceMute,
// initiateSIPCall and playDTMF (session and one connection). Each effect is read from the
// mock's control plane; each answer's exact status from its request journal.
'use strict';

const assert = require('node:assert/strict');
const {
  video, mock, check, answered, rejectsWith, clientToken, routedSessionWithPublisher, uuidPattern, unknownSessionId,
  unknownId,
} = require('./harness');

const mutedByStream = async (sessionId) => Object.fromEntries(
  (await mock.sessionView(sessionId)).streams.map((s) => [s.id, s.audioMuted]));

async function signalsAndDisconnect() {
  const { sessionId, connectionId: alice } = await routedSessionWithPublisher('name=alice');
  const bob = (await mock.connect(sessionId, clientToken(sessionId, 'name=bob'))).connectionId;
  const bobStream = await mock.publish(sessionId, bob, { name: 'bob-camera' });

  await check('sendSignal to the session reaches every connection; to one connection only that one', async () => {
    await video.sendSignal({ type: 'chat', data: 'hello everyone' }, sessionId);
    await answered('POST signal.session 204');
    await video.sendSignal({ type: 'private', data: 'just for bob' }, sessionId, bob);
    await answered('POST signal.connection 204');
    assert.deepEqual((await mock.inbox(sessionId, alice, 'signals')).map((s) => s.data), ['hello everyone']);
    assert.deepEqual((await mock.inbox(sessionId, bob, 'signals')).map((s) => [s.type, s.data]),
      [['chat', 'hello everyone'], ['private', 'just for bob']]);
  });

  await check('sendSignal errors: data over 8 kB (413), unknown connection or session (404)', async () => {
    await rejectsWith(video.sendSignal({ type: 'big', data: 'x'.repeat(8193) }, sessionId), 'POST signal.session 413');
    await rejectsWith(video.sendSignal({ type: 't', data: 'x' }, sessionId, unknownId), 'POST signal.connection 404');
    await rejectsWith(video.sendSignal({ type: 't', data: 'x' }, unknownSessionId), 'POST signal.session 404');
  });

  await check('disconnectClient removes the connection and its stream (reason forceDisconnected); again is 404', async () => {
    await video.disconnectClient(sessionId, bob);
    await answered('DELETE connection.disconnect 204');
    const view = await mock.sessionView(sessionId);
    assert.deepEqual(view.connections.map((c) => c.connectionId), [alice]);
    assert.ok(!view.streams.some((s) => s.id === bobStream));
    assert.equal(view.leftConnections.find((c) => c.connectionId === bob).reason, 'forceDisconnected');
    await rejectsWith(video.disconnectClient(sessionId, bob), 'DELETE connection.disconnect 404');
  });
}

async function mute() {
  const { sessionId, connectionId: host } = await routedSessionWithPublisher('name=host');
  const guest = (await mock.connect(sessionId, clientToken(sessionId, 'name=guest'))).connectionId;
  const hostCamera = await mock.publish(sessionId, host, { name: 'host-camera' });
  const guestCamera = await mock.publish(sessionId, guest, { name: 'guest-camera' });

  await check('muteStream mutes that stream only; an unknown stream is 404', async () => {
    await video.muteStream(sessionId, guestCamera);
    await answered('POST stream.mute 200');
    assert.deepEqual(await mutedByStream(sessionId), { [hostCamera]: false, [guestCamera]: true });
    await rejectsWith(video.muteStream(sessionId, unknownId), 'POST stream.mute 404');
  });

  await check('forceMuteAll with an excluded stream mutes the others, also later ones', async () => {
    await video.forceMuteAll(sessionId, [hostCamera]);
    await answered('POST session.mute 200');
    assert.deepEqual((await mock.sessionView(sessionId)).muteAll, { active: true, excludedStreamIds: [hostCamera] });
    const late = await mock.publish(sessionId, guest, { name: 'late' });
    assert.equal((await mutedByStream(sessionId))[late], true);
    assert.equal((await mutedByStream(sessionId))[hostCamera], false);
  });

  await check('disableForceMute ends the mute state (the SDK sends excludedStreamIds: [] with it)', async () => {
    await video.disableForceMute(sessionId);
    await answered('POST session.mute 200');
    assert.equal((await mock.sessionView(sessionId)).muteAll.active, false);
    const after = await mock.publish(sessionId, host, { name: 'after' });
    assert.equal((await mutedByStream(sessionId))[after], false);
    await rejectsWith(video.forceMuteAll(unknownSessionId), 'POST session.mute 404');
  });
}

async function sip() {
  const { sessionId, connectionId: host } = await routedSessionWithPublisher('name=host');
  let call;

  await check('initiateSIPCall with headers, auth, secure, from, video and observeForceMute adds a publishing SIP connection', async () => {
    call = await video.initiateSIPCall(sessionId, {
      token: clientToken(sessionId, 'name=phone'),
      sip: {
        uri: 'sip:+15550100@sip.example.com;transport=tls',
        from: '15550199@example.com',
        headers: { 'X-Conference-Id': 'room-7' },
        auth: { username: 'pbx-user', password: 'pbx-password' },
        secure: true,
        video: true,
        observeForceMute: true,
      },
    });
    await answered('POST sip.dial 200');
    assert.match(call.id, uuidPattern);
    const view = await mock.sessionView(sessionId);
    assert.equal(view.connections.find((c) => c.connectionId === call.connectionId).kind, 'sip');
    const stream = view.streams.find((s) => s.id === call.streamId);
    assert.equal(stream.connectionId, call.connectionId);
    assert.equal(stream.hasVideo, true);
    const calls = await mock.control('GET', `${mock.sessionPath(sessionId)}/sip-calls`);
    assert.equal(calls.status, 200, calls.text);
    assert.deepEqual(calls.body.items.map((c) => c.sip.uri), ['sip:+15550100@sip.example.com;transport=tls']);
    assert.ok(!calls.text.includes('pbx-password'));
  });

  await check('playDTMF to the session reaches the SIP call only; to one connection reaches it', async () => {
    await video.playDTMF(sessionId, '1234#');
    await answered('POST sip.dtmf.session 200');
    await video.playDTMF(sessionId, '*9p0', call.connectionId);
    await answered('POST sip.dtmf.connection 200');
    assert.deepEqual((await mock.inbox(sessionId, call.connectionId, 'dtmf')).map((d) => d.digits), ['1234#', '*9p0']);
    assert.deepEqual(await mock.inbox(sessionId, host, 'dtmf'), []);
  });

  await check('SIP errors: bad URI and bad digits (400), unknown session (404)', async () => {
    const token = clientToken(sessionId, 'name=x');
    await rejectsWith(video.initiateSIPCall(sessionId, { token, sip: { uri: 'tel:+15550100' } }), 'POST sip.dial 400');
    await rejectsWith(video.playDTMF(sessionId, '12a'), 'POST sip.dtmf.session 400');
    await rejectsWith(video.playDTMF(unknownSessionId, '1'), 'POST sip.dtmf.session 404');
  });
}

async function run() {
  await signalsAndDisconnect();
  await mute();
  await sip();
}

module.exports = { run };
