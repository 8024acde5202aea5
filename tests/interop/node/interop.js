// The official `opentok` npm package against opentok-mock, unchanged: only its apiUrl
// points at the mock. Usage: node interop.js (with OPENTOK_MOCK_URL, OPENTOK_API_KEY and
// OPENTOK_API_SECRET set, e.g. by run-interop.sh). Exits non-zero on the first failure and
// prints "N passed, 0 failed" at the end. Sessions, tokens and the archive lifecycle are
// here; archive layouts and stream selection, broadcasts, streams with their class lists,
// moderation (signals, force-disconnect, force-mute), SIP, live captions, renders, the
// Audio Connector and callback registration have a file each.
'use strict';

const assert = require('node:assert/strict');
const {
  OpenTok, opentok, url, apiKey, apiSecret, call, control, connect, check, passedCount,
} = require('./harness');
const archiveSelection = require('./archive-selection');
const broadcasts = require('./broadcasts');
const streams = require('./streams');
const moderation = require('./moderation');
const sip = require('./sip');
const captions = require('./captions');
const renders = require('./renders');
const audioConnector = require('./audio-connector');
const callbacks = require('./callbacks');
const { promisify } = require('node:util');

async function main() {
  let session;
  let archiveId;
  let streamId;

  await check('createSession (routed) gives a session id the SDK accepts', async () => {
    session = await call('createSession', { mediaMode: 'routed' });
    assert.match(session.sessionId, /^1_/);
    const state = await control('GET', `/_mock/sessions/${encodeURIComponent(session.sessionId)}`);
    assert.equal(state.body.mediaMode, 'routed');
  });

  await check('generateToken (JWT, the default) connects a publisher', async () => {
    const token = opentok.generateToken(session.sessionId, { role: 'publisher', data: 'name=node' });
    assert.ok(!token.startsWith('T1=='));
    const connection = await connect(session.sessionId, token);
    assert.equal(connection.role, 'publisher');
    assert.equal(connection.data, 'name=node');
    assert.equal(connection.tokenFormat, 'jwt');
    const published = await control(
      'POST', `/_mock/sessions/${encodeURIComponent(session.sessionId)}/connections/${connection.connectionId}/streams`,
      { name: 'camera' });
    assert.equal(published.status, 201);
    streamId = published.body.streamId;
  });

  await check('generateToken (T1) connects a moderator', async () => {
    const token = opentok.generateToken(session.sessionId, { role: 'moderator', expireTime: Math.floor(Date.now() / 1000) + 600 }, true);
    assert.ok(token.startsWith('T1=='));
    const connection = await connect(session.sessionId, token);
    assert.equal(connection.role, 'moderator');
    assert.equal(connection.tokenFormat, 't1');
  });

  await check('startArchive answers started', async () => {
    const archive = await call('startArchive', session.sessionId, { name: 'interop' });
    assert.equal(archive.status, 'started');
    assert.equal(archive.name, 'interop');
    assert.equal(archive.sessionId, session.sessionId);
    archiveId = archive.id;
  });

  await check('getArchive, listArchives and listStreams/getStream read it back', async () => {
    const archive = await call('getArchive', archiveId);
    assert.equal(archive.id, archiveId);
    assert.equal(archive.status, 'started');
    const list = await call('listArchives', { sessionId: session.sessionId });
    assert.equal(list.length, 1);
    assert.equal(list[0].id, archiveId);
    const all = await call('listArchives', { count: 10, offset: 0 });
    assert.ok(all.some((a) => a.id === archiveId));
    const streams = await call('listStreams', session.sessionId);
    assert.equal(streams.length, 1);
    const stream = await call('getStream', session.sessionId, streamId);
    assert.equal(stream.id, streamId);
    assert.equal(stream.name, 'camera');
  });

  await check('a second archive of the recording session is a conflict', async () => {
    await assert.rejects(call('startArchive', session.sessionId, {}));
  });

  await check('stopArchive after 30 s of mock time reports stopped with the duration', async () => {
    assert.equal((await control('POST', '/_mock/clock/advance', { seconds: 30 })).status, 200);
    const archive = await call('stopArchive', archiveId);
    assert.equal(archive.status, 'stopped');
    assert.equal(archive.duration, 30);
    await assert.rejects(call('stopArchive', archiveId), /not recording|Conflict/i);
  });

  await check('deleteArchive is refused until processing ends, then works', async () => {
    await assert.rejects(call('deleteArchive', archiveId));
    await control('POST', '/_mock/clock/advance', { seconds: 10 });
    const archive = await call('getArchive', archiveId);
    assert.equal(archive.status, 'available');
    assert.ok(archive.url.startsWith(url));
    assert.ok(archive.size > 0);
    await call('deleteArchive', archiveId);
    const list = await call('listArchives', { sessionId: session.sessionId });
    assert.equal(list.length, 0);
  });

  await check('a wrong secret is an authentication error', async () => {
    const wrong = new OpenTok(apiKey, 'not-the-secret', { apiUrl: url });
    await assert.rejects(promisify(wrong.listArchives.bind(wrong))({}));
  });

  await archiveSelection.run();
  await broadcasts.run();
  await streams.run();
  await moderation.run();
  await sip.run();
  await captions.run();
  await renders.run();
  await audioConnector.run();
  await callbacks.run();

  const journal = await control('GET', '/_mock/requests');
  await check('the journal saw the Node SDK and kept no tokens', async () => {
    assert.ok(journal.body.items.some((item) => item.userAgent.startsWith('OpenTok-Node-SDK/')));
    assert.ok(!JSON.stringify(journal.body).includes(apiSecret));
  });

  console.log(`${passedCount()} passed, 0 failed`);
}

main().catch((error) => {
  console.error(error);
  console.log(`${passedCount()} passed, 1 failed`);
  process.exit(1);
});
