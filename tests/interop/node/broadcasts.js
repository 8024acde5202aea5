// Live-streaming broadcasts through the npm package: startBroadcast (HLS and RTMP outputs,
// layout, resolution, maxDuration, maxBitrate, streamMode, multiBroadcastTag),
// getBroadcast, listBroadcasts, setBroadcastLayout, addBroadcastStream,
// removeBroadcastStream, stopBroadcast, with output statuses driven by the mock's control
// plane and clock.
'use strict';

const assert = require('node:assert/strict');
const {
  OpenTok, opentok, url, apiKey, call, callAll, control, sessionPath, check, connect, publish, advanceClock,
  answered, rejectsWith, routedSessionWithPublisher, unknownSessionId, unknownId,
} = require('./harness');

const stylesheet = 'stream { float: left; width: 50%; height: 100%; }';
const rtmp = [
  { id: 'main', serverUrl: 'rtmp://127.0.0.1/live', streamName: 'main-key' },
  { id: 'backup', serverUrl: 'rtmps://127.0.0.1:4443/live', streamName: 'backup-key' },
];
const byStreamId = (a, b) => a.streamId.localeCompare(b.streamId);
const rtmpStatuses = (broadcast) => broadcast.broadcastUrls.rtmp.map((output) => output.status);
// node-ot reports every 400 of startBroadcast with this copy-pasted text.
const badRequest = /Bad session ID, token, SIP credentials, or SIP URI/;

async function run() {
  const { sessionId, connectionId } = await routedSessionWithPublisher('name=broadcasts');
  const camera = await publish(sessionId, connectionId, { name: 'camera' });
  const screen = await publish(sessionId, connectionId, { name: 'screen', videoType: 'screen' });
  let main;
  let second;

  await check('startBroadcast with HLS and RTMP outputs, layout, resolution, maxDuration, manual mode and a tag', async () => {
    main = await call('startBroadcast', sessionId, {
      outputs: { hls: { dvr: true }, rtmp },
      layout: { type: 'custom', stylesheet },
      resolution: '1280x720',
      maxDuration: 5400,
      maxBitrate: 2500000,
      streamMode: 'manual',
      multiBroadcastTag: 'main',
    });
    await answered('POST broadcast.start 200');
    assert.match(main.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(main.sessionId, sessionId);
    assert.equal(main.projectId, Number(apiKey));
    assert.equal(main.status, 'started');
    assert.equal(main.resolution, '1280x720');
    assert.equal(main.maxDuration, 5400);
    assert.equal(main.maxBitrate, 2500000);
    assert.equal(main.streamMode, 'manual');
    assert.equal(main.multiBroadcastTag, 'main');
    assert.equal(main.hasAudio, true);
    assert.equal(main.hasVideo, true);
    assert.deepEqual(main.layout, { type: 'custom', stylesheet });
    assert.deepEqual(main.streams, []);
    assert.deepEqual(main.settings, { hls: { dvr: true, lowLatency: false } });
    assert.equal(main.broadcastUrls.hls, `${url}/_mock/broadcasts/${main.id}/hls/index.m3u8`);
    assert.equal(main.broadcastUrls.hlsStatus, 'connecting');
    assert.deepEqual(main.broadcastUrls.rtmp, rtmp.map((output) => ({ ...output, status: 'connecting' })));
  });

  await check('the HLS URL serves a playlist without credentials', async () => {
    const res = await control('GET', new URL(main.broadcastUrls.hls).pathname);
    assert.equal(res.status, 200);
    assert.equal(res.type.split(';')[0], 'application/vnd.apple.mpegurl');
    assert.ok(res.text.startsWith('#EXTM3U'), res.text);
  });

  await check('outputs read live after the connecting start answer while the session publishes', async () => {
    const broadcast = await call('getBroadcast', main.id);
    await answered('GET broadcast.get 200');
    assert.equal(broadcast.broadcastUrls.hlsStatus, 'live');
    assert.deepEqual(rtmpStatuses(broadcast), ['live', 'live']);
  });

  await check('addBroadcastStream selects streams; getBroadcast shows them', async () => {
    await call('addBroadcastStream', main.id, camera, {});
    await answered('PATCH broadcast.streams 204');
    await call('addBroadcastStream', main.id, screen, { hasAudio: true, hasVideo: true });
    const broadcast = await call('getBroadcast', main.id);
    // node-ot 2.23 always sends hasAudio and hasVideo as true.
    assert.deepEqual([...broadcast.streams].sort(byStreamId), [
      { streamId: camera, hasAudio: true, hasVideo: true },
      { streamId: screen, hasAudio: true, hasVideo: true },
    ].sort(byStreamId));
  });

  await check('removeBroadcastStream drops a stream from the selection', async () => {
    await call('removeBroadcastStream', main.id, camera);
    await answered('PATCH broadcast.streams 204');
    assert.deepEqual((await call('getBroadcast', main.id)).streams, [{ streamId: screen, hasAudio: true, hasVideo: true }]);
  });

  await check('broadcast stream selection errors: unknown stream, unselected stream, unknown broadcast (404)', async () => {
    await rejectsWith(call('addBroadcastStream', main.id, unknownId, {}), 'PATCH broadcast.streams 404');
    await rejectsWith(call('removeBroadcastStream', main.id, camera), 'PATCH broadcast.streams 404');
    await rejectsWith(call('addBroadcastStream', unknownId, camera, {}), 'PATCH broadcast.streams 404');
    assert.equal((await call('getBroadcast', main.id)).streams.length, 1);
  });

  await check('setBroadcastLayout changes the layout; getBroadcast reads it back', async () => {
    await call('setBroadcastLayout', main.id, 'bestFit', null, 'pip');
    await answered('PUT broadcast.layout 200');
    assert.deepEqual((await call('getBroadcast', main.id)).layout, { type: 'bestFit', screenshareType: 'pip' });
    await call('setBroadcastLayout', main.id, 'horizontalPresentation');
    assert.deepEqual((await call('getBroadcast', main.id)).layout, { type: 'horizontalPresentation' });
  });

  await check('setBroadcastLayout errors: unknown type, custom without stylesheet (400), unknown broadcast (404)', async () => {
    await rejectsWith(call('setBroadcastLayout', main.id, 'diagonal'), 'PUT broadcast.layout 400');
    await rejectsWith(call('setBroadcastLayout', main.id, 'custom'), 'PUT broadcast.layout 400');
    await rejectsWith(call('setBroadcastLayout', unknownId, 'pip'), 'PUT broadcast.layout 404');
    assert.deepEqual((await call('getBroadcast', main.id)).layout, { type: 'horizontalPresentation' });
  });

  await check('simultaneous broadcasts of a session need distinct multiBroadcastTags, no tag being one (409)', async () => {
    const options = () => ({ outputs: { rtmp: [{ serverUrl: 'rtmp://127.0.0.1/second', streamName: 'second' }] } });
    await rejectsWith(call('startBroadcast', sessionId, { ...options(), multiBroadcastTag: 'main' }), 'POST broadcast.start 409', /Failed to start broadcast/);
    second = await call('startBroadcast', sessionId, options());
    await rejectsWith(call('startBroadcast', sessionId, options()), 'POST broadcast.start 409', /Failed to start broadcast/);
    // The defaults: SD, 2 hours, auto stream mode, best fit; no tag; RTMP only, so no HLS members.
    assert.equal(second.status, 'started');
    assert.equal(second.multiBroadcastTag, undefined);
    assert.equal(second.resolution, '640x480');
    assert.equal(second.maxDuration, 7200);
    assert.equal(second.streamMode, 'auto');
    assert.equal(second.maxBitrate, undefined);
    assert.equal(second.streams, undefined);
    assert.equal(second.settings, undefined);
    assert.deepEqual(second.layout, { type: 'bestFit' });
    assert.equal(second.broadcastUrls.hls, undefined);
    assert.equal(second.broadcastUrls.hlsStatus, undefined);
    assert.equal(second.broadcastUrls.rtmp.length, 1);
    assert.equal(second.broadcastUrls.rtmp[0].serverUrl, 'rtmp://127.0.0.1/second');
  });

  await check('an auto-mode broadcast refuses stream selection (405)', async () => {
    await rejectsWith(call('addBroadcastStream', second.id, camera, {}), 'PATCH broadcast.streams 405');
    await rejectsWith(call('removeBroadcastStream', second.id, camera), 'PATCH broadcast.streams 405');
  });

  await check('listBroadcasts: newest first, filtered by session, paged by offset and count, with the total', async () => {
    const [items, total] = await callAll('listBroadcasts', { sessionId });
    await answered('GET broadcast.list 200');
    assert.equal(total, 2);
    assert.deepEqual(items.map((b) => b.id), [second.id, main.id]);
    assert.equal(items[1].status, 'started');
    const [page, pageTotal] = await callAll('listBroadcasts', { sessionId, offset: 1, count: 1 });
    assert.equal(pageTotal, 2);
    assert.deepEqual(page.map((b) => b.id), [main.id]);
    const [all, allTotal] = await callAll('listBroadcasts', {});
    assert.ok(allTotal >= 2);
    assert.deepEqual(all.slice(0, 2).map((b) => b.id), [second.id, main.id]);
    // A count out of range is a 400 (node-ot then fails reading `items` of the error body).
    await rejectsWith(callAll('listBroadcasts', { count: 1001 }), 'GET broadcast.list 400');
  });

  await check('startBroadcast errors: bad resolution, six RTMP outputs, no outputs (400), unknown session (404)', async () => {
    const hls = { outputs: { hls: {} } };
    await rejectsWith(call('startBroadcast', sessionId, { ...hls, resolution: '1000x1000', multiBroadcastTag: 'x' }), 'POST broadcast.start 400', badRequest);
    const six = Array.from({ length: 6 }, (_, i) => ({ id: `o${i}`, serverUrl: 'rtmp://127.0.0.1/live', streamName: `s${i}` }));
    await rejectsWith(call('startBroadcast', sessionId, { outputs: { rtmp: six }, multiBroadcastTag: 'x' }), 'POST broadcast.start 400', badRequest);
    await rejectsWith(call('startBroadcast', sessionId, { outputs: {}, multiBroadcastTag: 'x' }), 'POST broadcast.start 400', badRequest);
    await rejectsWith(call('startBroadcast', unknownSessionId, hls), 'POST broadcast.start 404', /Failed to start broadcast/);
  });

  await check('startBroadcast refuses a session without clients (400) and a relayed session (409)', async () => {
    const empty = await call('createSession', { mediaMode: 'routed' });
    await rejectsWith(call('startBroadcast', empty.sessionId, { outputs: { hls: {} } }), 'POST broadcast.start 400', badRequest);
    const relayed = await call('createSession', { mediaMode: 'relayed' });
    await connect(relayed.sessionId, opentok.generateToken(relayed.sessionId, { role: 'publisher' }));
    await rejectsWith(call('startBroadcast', relayed.sessionId, { outputs: { hls: {} } }), 'POST broadcast.start 409', /Failed to start broadcast/);
  });

  await check('a control-plane output failure shows through getBroadcast; the broadcast stays started', async () => {
    const failed = await control('POST', `/_mock/broadcasts/${main.id}/fail`, { output: 'backup' });
    assert.equal(failed.status, 200, failed.text);
    const broadcast = await call('getBroadcast', main.id);
    assert.equal(broadcast.status, 'started');
    assert.deepEqual(rtmpStatuses(broadcast), ['live', 'error']);
    assert.equal(broadcast.broadcastUrls.hlsStatus, 'live');
    const state = await control('GET', `/_mock/broadcasts/${main.id}`);
    assert.equal(state.status, 200);
    assert.deepEqual(state.body.broadcastUrls.rtmp.map((o) => o.status), ['live', 'error']);
  });

  await check('stopBroadcast answers stopped without URLs; stopping again and unknown ids are 404', async () => {
    const stopped = await call('stopBroadcast', main.id);
    await answered('POST broadcast.stop 200');
    assert.equal(stopped.id, main.id);
    assert.equal(stopped.status, 'stopped');
    assert.equal(stopped.broadcastUrls, null);
    const read = await call('getBroadcast', main.id);
    assert.equal(read.status, 'stopped');
    assert.equal(read.streams, undefined);
    await rejectsWith(call('stopBroadcast', main.id), 'POST broadcast.stop 404', /Failed to stop broadcast/);
    await rejectsWith(call('getBroadcast', unknownId), 'GET broadcast.get 404', /Failed to get broadcast/);
    await rejectsWith(call('setBroadcastLayout', main.id, 'pip'), 'PUT broadcast.layout 409');
    await rejectsWith(call('addBroadcastStream', main.id, camera, {}), 'PATCH broadcast.streams 409');
  });

  await check('Broadcast#stop of the SDK object stops the second broadcast', async () => {
    const stopped = await new Promise((resolve, reject) => second.stop((e, b) => (e ? reject(e) : resolve(b))));
    assert.equal(stopped.status, 'stopped');
    assert.equal((await call('getBroadcast', second.id)).status, 'stopped');
  });

  await check('a broadcast stops by itself at maxDuration on the mock clock', async () => {
    const short = await call('startBroadcast', sessionId, { outputs: { hls: { lowLatency: true } }, maxDuration: 60 });
    assert.deepEqual(short.settings, { hls: { dvr: false, lowLatency: true } });
    await advanceClock(59);
    assert.equal((await call('getBroadcast', short.id)).status, 'started');
    await advanceClock(1);
    const ended = await call('getBroadcast', short.id);
    assert.equal(ended.status, 'stopped');
    assert.equal(ended.broadcastUrls, null);
  });

  await check('outputs go ready/offline when nobody publishes; the broadcast stops 60 s after the last client left', async () => {
    const other = await routedSessionWithPublisher('name=leaving');
    const stream = await publish(other.sessionId, other.connectionId, { name: 'camera' });
    const broadcast = await call('startBroadcast', other.sessionId, { outputs: { hls: {}, rtmp: [rtmp[0]] } });
    const outputs = async () => {
      const read = await call('getBroadcast', broadcast.id);
      return [read.status, read.broadcastUrls && read.broadcastUrls.hlsStatus, ...(read.broadcastUrls ? rtmpStatuses(read) : [])];
    };
    assert.deepEqual(await outputs(), ['started', 'live', 'live']);
    assert.equal((await control('DELETE', `${sessionPath(other.sessionId)}/streams/${stream}`)).status, 204);
    assert.deepEqual(await outputs(), ['started', 'ready', 'offline']);
    assert.equal((await control('DELETE', `${sessionPath(other.sessionId)}/connections/${other.connectionId}`)).status, 204);
    await advanceClock(59);
    assert.deepEqual(await outputs(), ['started', 'ready', 'offline']);
    await advanceClock(1);
    assert.deepEqual(await outputs(), ['stopped', null]);
  });

  await check('a wrong secret cannot start a broadcast (403)', async () => {
    const wrong = new OpenTok(apiKey, 'not-the-secret', { apiUrl: url });
    await rejectsWith(new Promise((resolve, reject) => wrong.startBroadcast(sessionId, { outputs: { hls: {} } }, (e, b) => (e ? reject(e) : resolve(b)))),
      'POST broadcast.start 403');
  });
}

module.exports = { run };
