// The official @vonage/video npm package against opentok-mock with a Vonage application
// (RS256), unchanged: only its videoHost points at the mock. Usage: node interop.js with the
// environment of ../with-mock.sh --application (run-interop.sh sets it up). Exits non-zero
// on the first failure and prints "N passed, 0 failed" at the end. Sessions, client tokens
// and archives are here; session control (signals, force-disconnect, mute, SIP and DTMF)
// and the media services (broadcasts, stream class lists, captions, renders, Audio
// Connector) have a file each.
'use strict';

const assert = require('node:assert/strict');
const { generateKeyPairSync } = require('node:crypto');
const { Video, ArchiveMode, MediaMode, LayoutType } = require('@vonage/video');
const {
  video, url, applicationId, mock, check, done, fail, uuidPattern, sessionOwner, jwtClaims, answered, rejectsWith,
  clientToken,
} = require('./harness');
const sessionControl = require('./session-control');
const mediaServices = require('./media-services');

async function main() {
  let sessionId;
  let streamId;
  let archiveId;

  await check('createSession (routed) mints a session id that carries the application id', async () => {
    ({ sessionId } = await video.createSession({ mediaMode: MediaMode.ROUTED, archiveMode: ArchiveMode.MANUAL }));
    await answered('POST session.create 200');
    assert.match(sessionId, /^1_/);
    assert.equal(sessionOwner(sessionId), applicationId);
    assert.equal((await mock.sessionView(sessionId)).mediaMode, 'routed');
  });

  await check('createSession with no options (the SDK sends location=null) is a routed session', async () => {
    const session = await video.createSession();
    assert.equal(sessionOwner(session.sessionId), applicationId);
    assert.equal((await mock.sessionView(session.sessionId)).mediaMode, 'routed');
  });

  await check('generateClientToken is an RS256 JWT with the session claims; it connects a publisher', async () => {
    const token = clientToken(sessionId, 'name=node-vonage');
    assert.deepEqual(JSON.parse(Buffer.from(token.split('.')[0], 'base64url')), { alg: 'RS256', typ: 'JWT' });
    const claims = jwtClaims(token);
    assert.equal(claims.application_id, applicationId);
    assert.equal(claims.session_id, sessionId);
    assert.equal(claims.scope, 'session.connect');
    assert.equal(claims.sub, 'video');
    assert.match(claims.jti, uuidPattern);
    const connection = await mock.connect(sessionId, token);
    assert.equal(connection.role, 'publisher');
    assert.equal(connection.data, 'name=node-vonage');
    streamId = await mock.publish(sessionId, connection.connectionId, { name: 'camera' });
  });

  await check('a moderator token with an initial layout class list and an expiry connects as moderator', async () => {
    const expireTime = Math.floor(Date.now() / 1000) + 600;
    const token = video.generateClientToken(sessionId, { role: 'moderator', expireTime, initialLayoutClassList: ['focus', 'wide'] });
    assert.equal(jwtClaims(token).exp, expireTime);
    const connection = await mock.connect(sessionId, token);
    assert.equal(connection.role, 'moderator');
  });

  await check('a client token signed with another key is refused at connect (403)', async () => {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const impostor = new Video({ applicationId, privateKey }, { videoHost: url });
    const res = await mock.control('POST', `${mock.sessionPath(sessionId)}/connections`, { token: impostor.generateClientToken(sessionId) });
    assert.equal(res.status, 403, res.text);
    await rejectsWith(impostor.searchArchives(), 'GET archive.list 403');
  });

  await check('startArchive answers started with the session, name and layout', async () => {
    const archive = await video.startArchive(sessionId, { name: 'vonage-node', layout: { type: LayoutType.BEST_FIT } });
    await answered('POST archive.start 200');
    assert.match(archive.id, uuidPattern);
    assert.equal(archive.status, 'started');
    assert.equal(archive.name, 'vonage-node');
    assert.equal(archive.sessionId, sessionId);
    archiveId = archive.id;
  });

  await check('getArchive, searchArchives (all and by session) and getStreamInfo read it back', async () => {
    const archive = await video.getArchive(archiveId);
    assert.equal(archive.id, archiveId);
    assert.equal(archive.status, 'started');
    const bySession = await video.searchArchives({ sessionId });
    await answered('GET archive.list 200');
    assert.equal(bySession.count, 1);
    assert.deepEqual(bySession.items.map((a) => a.id), [archiveId]);
    const all = await video.searchArchives({ offset: 0, count: 10 });
    assert.ok(all.items.some((a) => a.id === archiveId));
    const streams = await video.getStreamInfo(sessionId);
    assert.deepEqual(streams.items.map((s) => s.id), [streamId]);
    const stream = await video.getStreamInfo(sessionId, streamId);
    assert.equal(stream.id, streamId);
    assert.equal(stream.name, 'camera');
  });

  await check('updateArchiveLayout changes the layout; getArchive reads it back', async () => {
    assert.deepEqual((await video.getArchive(archiveId)).layout, { type: 'bestFit' });
    await video.updateArchiveLayout(archiveId, { type: LayoutType.PIP });
    await answered('PUT archive.layout 200');
    assert.deepEqual((await video.getArchive(archiveId)).layout, { type: 'pip' });
  });

  await check('a second archive of the recording session is a conflict (409)', async () => {
    await rejectsWith(video.startArchive(sessionId), 'POST archive.start 409');
  });

  await check('stopArchive after 30 s of mock time reports stopped with the duration; again is 409', async () => {
    await mock.advanceClock(30);
    const archive = await video.stopArchive(archiveId);
    await answered('POST archive.stop 200');
    assert.equal(archive.status, 'stopped');
    assert.equal(archive.duration, 30);
    await rejectsWith(video.stopArchive(archiveId), 'POST archive.stop 409');
  });

  await check('deleteArchive is refused until processing ends (409), then works (204)', async () => {
    await rejectsWith(video.deleteArchive(archiveId), 'DELETE archive.delete 409');
    await mock.advanceClock(10);
    const archive = await video.getArchive(archiveId);
    assert.equal(archive.status, 'available');
    assert.ok(archive.url.startsWith(url));
    await video.deleteArchive(archiveId);
    await answered('DELETE archive.delete 204');
    assert.equal((await video.searchArchives({ sessionId })).count, 0);
    assert.equal((await video.getArchive(archiveId)).status, 'deleted');
  });

  await check('addArchiveStream / removeArchiveStream select streams of a manual-mode archive', async () => {
    const archive = await video.startArchive(sessionId, { streamMode: 'manual' });
    assert.equal(archive.streamMode, 'manual');
    await video.addArchiveStream(archive.id, streamId, true, false);
    await answered('PATCH archive.streams 204');
    const added = await video.getArchive(archive.id);
    assert.deepEqual(added.streams, [{ streamId, hasAudio: true, hasVideo: false }]);
    await video.removeArchiveStream(archive.id, streamId);
    await answered('PATCH archive.streams 204');
    assert.deepEqual((await video.getArchive(archive.id)).streams, []);
    await video.stopArchive(archive.id);
  });

  await sessionControl.run();
  await mediaServices.run();

  await check('the journal saw the Vonage Node SDK', async () => {
    const journal = await mock.journal();
    assert.ok(journal.some((item) => item.userAgent.startsWith('@vonage/server-sdk/')));
  });

  done();
}

main().catch(fail);
