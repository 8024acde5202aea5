// Session control through the npm package: signal (whole session and one connection),
// forceDisconnect, forceMuteStream, forceMuteAll (with excluded streams) and
// disableForceMute, with each effect read from the mock's control plane (the connection's
// signal inbox, the connections that left and why, the streams' audioMuted flags).
// node-ot 2.23.2 has no call that lists a session's connections.
'use strict';

const assert = require('node:assert/strict');
const {
  call, check, connect, publish, answered, rejectsWith, routedSessionWithPublisher, clientToken, sessionView,
  inbox, mockNow, unknownSessionId, unknownId,
} = require('./harness');

// node-ot's 404 errors of signal and forceDisconnect.
const notFound = /Session or Connection not found/;
const signalsOf = async (sessionId, connectionId) => (await inbox(sessionId, connectionId, 'signals')).items;
const mutedByStream = async (sessionId) => Object.fromEntries(
  (await sessionView(sessionId)).streams.map((s) => [s.id, s.audioMuted]));

async function signals() {
  const { sessionId, connectionId: alice } = await routedSessionWithPublisher('name=alice');
  const bob = (await connect(sessionId, clientToken(sessionId, 'name=bob'))).connectionId;

  await check('signal to the session lands in every connected client\'s inbox', async () => {
    const at = await mockNow();
    await call('signal', sessionId, null, { type: 'chat', data: 'hello everyone' });
    await answered('POST signal.session 204');
    for (const connectionId of [alice, bob]) {
      assert.deepEqual(await signalsOf(sessionId, connectionId), [{ type: 'chat', data: 'hello everyone', at }]);
    }
  });

  await check('signal to one connection lands in its inbox only', async () => {
    await call('signal', sessionId, bob, { type: 'private', data: 'just for bob' });
    await answered('POST signal.connection 204');
    assert.deepEqual((await signalsOf(sessionId, bob)).map((s) => s.data), ['hello everyone', 'just for bob']);
    assert.equal((await signalsOf(sessionId, alice)).length, 1);
  });

  await check('signal errors: no data (400), type over 128 bytes and data over 8 kB (413), unknown connection or session (404)', async () => {
    await rejectsWith(call('signal', sessionId, null, { type: 'chat' }), 'POST signal.session 400', /'data' must be set/);
    await rejectsWith(call('signal', sessionId, bob, { type: 't'.repeat(129), data: 'x' }), 'POST signal.connection 413');
    await rejectsWith(call('signal', sessionId, null, { type: 'big', data: 'x'.repeat(8193) }), 'POST signal.session 413');
    await rejectsWith(call('signal', sessionId, unknownId, { data: 'x' }), 'POST signal.connection 404', notFound);
    await rejectsWith(call('signal', unknownSessionId, null, { data: 'x' }), 'POST signal.session 404', notFound);
    // Nothing was delivered by the refused signals.
    assert.equal((await signalsOf(sessionId, bob)).length, 2);
  });

  await check('signal at the size limits is delivered', async () => {
    await call('signal', sessionId, alice, { type: 't'.repeat(128), data: 'x'.repeat(8192) });
    const last = (await signalsOf(sessionId, alice)).at(-1);
    assert.equal(last.type.length, 128);
    assert.equal(last.data.length, 8192);
  });
}

async function forceDisconnect() {
  const { sessionId, connectionId: host } = await routedSessionWithPublisher('name=host');
  const guest = (await connect(sessionId, clientToken(sessionId, 'name=guest'))).connectionId;
  const guestStream = await publish(sessionId, guest, { name: 'guest-camera' });

  await check('forceDisconnect removes the connection and its streams, recorded as forceDisconnected', async () => {
    await call('forceDisconnect', sessionId, guest);
    await answered('DELETE connection.disconnect 204');
    const view = await sessionView(sessionId);
    assert.deepEqual(view.connections.map((c) => c.connectionId), [host]);
    assert.ok(!view.streams.some((s) => s.id === guestStream));
    const left = view.leftConnections.find((c) => c.connectionId === guest);
    assert.equal(left.reason, 'forceDisconnected');
    assert.equal(left.data, 'name=guest');
  });

  await check('forceDisconnect of a gone or unknown connection, or of an unknown session, is 404', async () => {
    await rejectsWith(call('forceDisconnect', sessionId, guest), 'DELETE connection.disconnect 404', notFound);
    await rejectsWith(call('forceDisconnect', sessionId, unknownId), 'DELETE connection.disconnect 404', notFound);
    await rejectsWith(call('forceDisconnect', unknownSessionId, host), 'DELETE connection.disconnect 404', notFound);
    await rejectsWith(call('signal', sessionId, guest, { data: 'still there?' }), 'POST signal.connection 404', notFound);
  });
}

async function forceMute() {
  const { sessionId, connectionId: host } = await routedSessionWithPublisher('name=host');
  const guest = (await connect(sessionId, clientToken(sessionId, 'name=guest'))).connectionId;
  const hostCamera = await publish(sessionId, host, { name: 'host-camera' });
  const guestCamera = await publish(sessionId, guest, { name: 'guest-camera' });
  const guestScreen = await publish(sessionId, guest, { name: 'guest-screen', videoType: 'screen' });

  await check('forceMuteStream mutes that stream only', async () => {
    await call('forceMuteStream', sessionId, guestCamera);
    await answered('POST stream.mute 200');
    assert.deepEqual(await mutedByStream(sessionId), { [hostCamera]: false, [guestCamera]: true, [guestScreen]: false });
  });

  await check('forceMuteStream of an unknown stream or session is 404', async () => {
    await rejectsWith(call('forceMuteStream', sessionId, unknownId), 'POST stream.mute 404', /Not Found/);
    await rejectsWith(call('forceMuteStream', unknownSessionId, hostCamera), 'POST stream.mute 404', /Not Found/);
  });

  await check('forceMuteAll with excludedStreamIds mutes every other stream, also ones published later', async () => {
    await call('forceMuteAll', sessionId, { excludedStreamIds: [hostCamera] });
    await answered('POST session.mute 200');
    const view = await sessionView(sessionId);
    assert.deepEqual(view.muteAll, { active: true, excludedStreamIds: [hostCamera] });
    assert.deepEqual(await mutedByStream(sessionId), { [hostCamera]: false, [guestCamera]: true, [guestScreen]: true });
    const late = await publish(sessionId, guest, { name: 'late' });
    assert.equal((await mutedByStream(sessionId))[late], true);
  });

  await check('disableForceMute ends the mute state: later streams publish unmuted, muted ones stay muted', async () => {
    await call('disableForceMute', sessionId);
    await answered('POST session.mute 200');
    assert.equal((await sessionView(sessionId)).muteAll.active, false);
    const after = await publish(sessionId, host, { name: 'after' });
    const muted = await mutedByStream(sessionId);
    assert.equal(muted[after], false);
    assert.equal(muted[guestCamera], true);
  });

  await check('forceMuteAll without options mutes every stream; unknown session is 404', async () => {
    await call('forceMuteAll', sessionId, {});
    assert.deepEqual((await sessionView(sessionId)).muteAll, { active: true, excludedStreamIds: [] });
    assert.ok(Object.values(await mutedByStream(sessionId)).every((muted) => muted));
    await rejectsWith(call('forceMuteAll', unknownSessionId, {}), 'POST session.mute 404', /Not Found/);
    await rejectsWith(call('disableForceMute', unknownSessionId), 'POST session.mute 404', /Not Found/);
  });
}

async function run() {
  await signals();
  await forceDisconnect();
  await forceMute();
}

module.exports = { run };
