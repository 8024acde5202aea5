// Streams and their layout class lists through the npm package: listStreams, getStream,
// setStreamClassLists, on a session of their own.
'use strict';

const assert = require('node:assert/strict');
const {
  call, check, control, sessionPath, publish, answered, rejectsWith, routedSessionWithPublisher,
  unknownSessionId, unknownId,
} = require('./harness');

const byName = (a, b) => a.name.localeCompare(b.name);
// Plain objects: the SDK hands out Stream instances.
const plain = (streams) => streams.map((s) => ({ ...s })).sort(byName);
const classList = async (sessionId, streamId) => (await call('getStream', sessionId, streamId)).layoutClassList;

async function run() {
  const { sessionId, connectionId } = await routedSessionWithPublisher('name=streams');
  const camera = await publish(sessionId, connectionId, { name: 'camera' });
  const slides = await publish(sessionId, connectionId, { name: 'slides', videoType: 'screen' });

  await check('listStreams returns every stream with its id, videoType, name and class list', async () => {
    const streams = await call('listStreams', sessionId);
    await answered('GET stream.list 200');
    assert.deepEqual(plain(streams), [
      { id: camera, videoType: 'camera', name: 'camera', layoutClassList: [] },
      { id: slides, videoType: 'screen', name: 'slides', layoutClassList: [] },
    ]);
  });

  await check('setStreamClassLists sets several streams at once; getStream and listStreams read them back', async () => {
    await call('setStreamClassLists', sessionId, [
      { id: camera, layoutClassList: ['full', 'focus'] },
      { id: slides, layoutClassList: ['top'] },
    ]);
    await answered('PUT stream.class-lists 200');
    const stream = await call('getStream', sessionId, camera);
    await answered('GET stream.get 200');
    assert.deepEqual({ ...stream }, { id: camera, videoType: 'camera', name: 'camera', layoutClassList: ['full', 'focus'] });
    assert.deepEqual(plain(await call('listStreams', sessionId)).map((s) => s.layoutClassList), [['full', 'focus'], ['top']]);
  });

  await check('setStreamClassLists clears one stream and leaves the others alone', async () => {
    await call('setStreamClassLists', sessionId, [{ id: slides, layoutClassList: [] }]);
    assert.deepEqual(await classList(sessionId, slides), []);
    assert.deepEqual(await classList(sessionId, camera), ['full', 'focus']);
  });

  await check('setStreamClassLists with an unknown stream is refused (400) and changes no stream', async () => {
    await rejectsWith(call('setStreamClassLists', sessionId, [
      { id: camera, layoutClassList: ['changed'] },
      { id: unknownId, layoutClassList: ['x'] },
    ]), 'PUT stream.class-lists 400', /items\[1\]/);
    assert.deepEqual(await classList(sessionId, camera), ['full', 'focus']);
  });

  await check('stream calls on an unknown session or stream, or listStreams of a session nobody joined, are 404', async () => {
    await rejectsWith(call('setStreamClassLists', unknownSessionId, [{ id: camera, layoutClassList: [] }]), 'PUT stream.class-lists 404');
    await rejectsWith(call('getStream', sessionId, unknownId), 'GET stream.get 404');
    await rejectsWith(call('listStreams', unknownSessionId), 'GET stream.list 404');
    // The real service only knows a session once a client has connected to it.
    const unjoined = await call('createSession', { mediaMode: 'routed' });
    await rejectsWith(call('listStreams', unjoined.sessionId), 'GET stream.list 404');
  });

  await check('an unpublished stream leaves listStreams and getStream', async () => {
    const res = await control('DELETE', `${sessionPath(sessionId)}/streams/${slides}`);
    assert.equal(res.status, 204, res.text);
    assert.deepEqual((await call('listStreams', sessionId)).map((s) => s.id), [camera]);
    await rejectsWith(call('getStream', sessionId, slides), 'GET stream.get 404');
  });
}

module.exports = { run };
