// Media services through @vonage/video in application mode: broadcasts (start with HLS and
// RTMP, get, search, manual stream selection, stop), stream class lists, live captions
// (enable, disable), Experience Composer renders (start, get, list, stop) and the Audio
// Connector (connectToWebsocket, ended by disconnectClient of its connection). The mock
// clock moves the asynchronous ones on; effects are read from the control plane.
'use strict';

const assert = require('node:assert/strict');
const { LayoutType, StreamMode } = require('@vonage/video');
const {
  video, url, mock, check, answered, rejectsWith, clientToken, routedSessionWithPublisher, uuidPattern, unknownId,
} = require('./harness');

async function broadcastsAndClassLists() {
  const { sessionId, connectionId } = await routedSessionWithPublisher('name=broadcaster');
  const camera = await mock.publish(sessionId, connectionId, { name: 'camera' });
  const screen = await mock.publish(sessionId, connectionId, { name: 'screen', videoType: 'screen' });
  const rtmp = [{ id: 'main', serverUrl: 'rtmp://127.0.0.1/live', streamName: 'main-key' }];
  let broadcast;

  await check('startBroadcast (HLS + RTMP, layout, resolution, maxDuration, manual mode) answers it started', async () => {
    // The SDK posts to /broadcast/ (trailing slash).
    broadcast = await video.startBroadcast(sessionId, {
      outputs: { hls: { dvr: true }, rtmp },
      layout: { type: LayoutType.BEST_FIT },
      resolution: '1280x720',
      maxDuration: 5400,
      streamMode: StreamMode.MANUAL,
      multiBroadcastTag: 'vonage-node',
    });
    await answered('POST broadcast.start 200');
    assert.match(broadcast.id, uuidPattern);
    assert.equal(broadcast.sessionId, sessionId);
    assert.equal(broadcast.status, 'started');
    assert.equal(broadcast.streamMode, 'manual');
    assert.equal(broadcast.maxDuration, 5400);
    assert.equal(broadcast.broadcastUrls.hls, `${url}/_mock/broadcasts/${broadcast.id}/hls/index.m3u8`);
    assert.deepEqual(broadcast.broadcastUrls.rtmp.map((o) => o.id), ['main']);
  });

  await check('getBroadcast and searchBroadcasts (by session, GET /broadcast/) read it back', async () => {
    assert.equal((await video.getBroadcast(broadcast.id)).id, broadcast.id);
    const found = await video.searchBroadcasts({ sessionId });
    await answered('GET broadcast.list 200');
    assert.equal(found.count, 1);
    assert.deepEqual(found.items.map((b) => b.id), [broadcast.id]);
  });

  await check('addStreamToBroadcast / removeStreamFromBroadcast (body carries broadcastId too) select streams', async () => {
    await video.addStreamToBroadcast(broadcast.id, camera);
    await answered('PATCH broadcast.streams 204');
    await video.addStreamToBroadcast(broadcast.id, screen);
    await video.removeStreamFromBroadcast(broadcast.id, screen);
    await answered('PATCH broadcast.streams 204');
    assert.deepEqual((await video.getBroadcast(broadcast.id)).streams.map((s) => s.streamId), [camera]);
    await rejectsWith(video.addStreamToBroadcast(broadcast.id, unknownId), 'PATCH broadcast.streams 404');
  });

  await check('stopBroadcast answers stopped; a second stop is 404 (as for node-ot)', async () => {
    await mock.advanceClock(5);
    const stopped = await video.stopBroadcast(broadcast.id);
    await answered('POST broadcast.stop 200');
    assert.equal(stopped.status, 'stopped');
    await rejectsWith(video.stopBroadcast(broadcast.id), 'POST broadcast.stop 404');
  });

  await check('setStreamClassLists sets the class lists of several streams; getStreamInfo reads them', async () => {
    await video.setStreamClassLists(sessionId, [
      { id: camera, layoutClassList: ['focus'] },
      { id: screen, layoutClassList: ['full', 'wide'] },
    ]);
    await answered('PUT stream.class-lists 200');
    const streams = (await video.getStreamInfo(sessionId)).items;
    assert.deepEqual(streams.find((s) => s.id === camera).layoutClassList, ['focus']);
    assert.deepEqual((await video.getStreamInfo(sessionId, screen)).layoutClassList, ['full', 'wide']);
    await rejectsWith(video.setStreamClassLists(sessionId, [{ id: unknownId, layoutClassList: [] }]), 'PUT stream.class-lists 400');
  });
}

async function captions() {
  const { sessionId } = await routedSessionWithPublisher('name=speaker');
  const token = clientToken(sessionId, 'name=captions', 'moderator');
  let captionsId;

  await check('enableCaptions (language, maxDuration, partialCaptions "false" as the SDK types it) starts them', async () => {
    ({ captionsId } = await video.enableCaptions(sessionId, token, { languageCode: 'en-US', maxDuration: 1800, partialCaptions: 'false' }));
    await answered('POST captions.start 202');
    assert.match(captionsId, uuidPattern);
    const state = await mock.control('GET', `/_mock/captions/${captionsId}`);
    assert.equal(state.status, 200, state.text);
    assert.equal(state.body.sessionId, sessionId);
    assert.equal(state.body.status, 'started');
    assert.equal(state.body.maxDuration, 1800);
    assert.equal(state.body.partialCaptions, false);
    await rejectsWith(video.enableCaptions(sessionId, token), 'POST captions.start 409');
  });

  await check('disableCaptions stops them; again is 404', async () => {
    await video.disableCaptions(captionsId);
    await answered('POST captions.stop 202');
    assert.equal((await mock.control('GET', `/_mock/captions/${captionsId}`)).body.status, 'stopped');
    await rejectsWith(video.disableCaptions(captionsId), 'POST captions.stop 404');
  });
}

async function renders() {
  const { sessionId } = await routedSessionWithPublisher('name=presenter');
  const token = clientToken(sessionId, 'name=composer');
  const page = `${url}/_mock/health`;
  let render;

  await check('startExperienceComposerRender (name, resolution, maxDuration) starts; 2 s later it publishes', async () => {
    render = await video.startExperienceComposerRender(sessionId, token, {
      url: page, properties: { name: 'composed' }, resolution: '1280x720', maxDuration: 600,
    });
    await answered('POST render.start 202');
    assert.match(render.id, uuidPattern);
    assert.equal(render.status, 'starting');
    assert.equal(render.sessionId, sessionId);
    await mock.advanceClock(2);
    render = await video.getExperienceComposerRender(render.id);
    await answered('GET render.get 200');
    assert.equal(render.status, 'started');
    const stream = (await mock.sessionView(sessionId)).streams.find((s) => s.id === render.streamId);
    assert.equal(stream.name, 'composed');
  });

  await check('listExperienceComposerRenders lists it; stopExperienceComposerRender stops it; again is 404', async () => {
    const list = await video.listExperienceComposerRenders({ offset: 0, count: 10 });
    await answered('GET render.list 200');
    assert.ok(list.items.some((r) => r.id === render.id));
    await video.stopExperienceComposerRender(render.id);
    await answered('DELETE render.stop 200');
    assert.equal((await video.getExperienceComposerRender(render.id)).status, 'stopped');
    await rejectsWith(video.stopExperienceComposerRender(render.id), 'DELETE render.stop 404');
  });
}

async function audioConnector() {
  const { sessionId, connectionId: host } = await routedSessionWithPublisher('name=host');
  const camera = await mock.publish(sessionId, host, { name: 'camera' });
  let connector;

  await check('connectToWebsocket (streams, headers, audioRate) adds a websocket connection subscribed to the stream', async () => {
    connector = await video.connectToWebsocket(sessionId, clientToken(sessionId, 'name=transcriber'), {
      uri: 'wss://127.0.0.1:9/audio', streams: [camera], headers: { 'X-Room': 'seven' }, audioRate: 16000,
    });
    await answered('POST audio.connect 200');
    assert.match(connector.id, uuidPattern);
    const connection = (await mock.sessionView(sessionId)).connections.find((c) => c.connectionId === connector.connectionId);
    assert.equal(connection.kind, 'websocket');
    assert.deepEqual(connection.subscribedStreams, [camera]);
  });

  await check('disconnectClient of its connection ends the Audio Connector call', async () => {
    await video.disconnectClient(sessionId, connector.connectionId);
    await answered('DELETE connection.disconnect 204');
    const state = await mock.control('GET', `/_mock/audio-connectors/${connector.id}`);
    assert.equal(state.status, 200, state.text);
    assert.equal(state.body.connected, false);
  });
}

async function run() {
  await broadcastsAndClassLists();
  await captions();
  await renders();
  await audioConnector();
}

module.exports = { run };
