// Archive layouts (setArchiveLayout) and manual stream selection (addArchiveStream,
// removeArchiveStream) through the npm package, on a session of their own.
'use strict';

const assert = require('node:assert/strict');
const {
  call, check, publish, answered, rejectsWith, routedSessionWithPublisher, unknownId,
} = require('./harness');

const stylesheet = 'stream.instructor { position: absolute; width: 100%; height: 50%; }';
const byStreamId = (a, b) => a.streamId.localeCompare(b.streamId);
const selection = async (archiveId) => [...(await call('getArchive', archiveId)).streams].sort(byStreamId);

async function run() {
  const { sessionId, connectionId } = await routedSessionWithPublisher('name=selection');
  const camera = await publish(sessionId, connectionId, { name: 'camera' });
  const screen = await publish(sessionId, connectionId, { name: 'screen', videoType: 'screen' });
  let archiveId;

  await check('startArchive in manual stream mode with a custom layout selects no stream yet', async () => {
    const archive = await call('startArchive', sessionId, {
      name: 'selection', streamMode: 'manual', layout: { type: 'custom', stylesheet },
    });
    assert.equal(archive.status, 'started');
    assert.equal(archive.streamMode, 'manual');
    assert.deepEqual(archive.layout, { type: 'custom', stylesheet });
    assert.deepEqual(archive.streams, []);
    archiveId = archive.id;
  });

  await check('addArchiveStream selects streams with their audio/video flags', async () => {
    await call('addArchiveStream', archiveId, camera, { hasAudio: true, hasVideo: false });
    await answered('PATCH archive.streams 204');
    await call('addArchiveStream', archiveId, screen);
    assert.deepEqual(await selection(archiveId), [
      { streamId: camera, hasAudio: true, hasVideo: false },
      { streamId: screen, hasAudio: true, hasVideo: true },
    ].sort(byStreamId));
  });

  await check('addArchiveStream on a selected stream updates its flags', async () => {
    await call('addArchiveStream', archiveId, camera, { hasAudio: false, hasVideo: true });
    const selected = await selection(archiveId);
    assert.deepEqual(selected.find((s) => s.streamId === camera), { streamId: camera, hasAudio: false, hasVideo: true });
    assert.equal(selected.length, 2);
  });

  await check('removeArchiveStream drops a stream from the selection', async () => {
    await call('removeArchiveStream', archiveId, screen);
    await answered('PATCH archive.streams 204');
    assert.deepEqual(await selection(archiveId), [{ streamId: camera, hasAudio: false, hasVideo: true }]);
  });

  await check('stream selection errors: unknown stream, unselected stream, unknown archive (404)', async () => {
    const notFound = /Archive or stream not found/;
    await rejectsWith(call('addArchiveStream', archiveId, unknownId), 'PATCH archive.streams 404', notFound);
    await rejectsWith(call('removeArchiveStream', archiveId, screen), 'PATCH archive.streams 404', notFound);
    await rejectsWith(call('addArchiveStream', unknownId, camera), 'PATCH archive.streams 404', notFound);
    assert.equal((await selection(archiveId)).length, 1);
  });

  await check('setArchiveLayout changes the layout; getArchive reads it back', async () => {
    await call('setArchiveLayout', archiveId, 'bestFit', null, 'verticalPresentation');
    await answered('PUT archive.layout 200');
    assert.deepEqual((await call('getArchive', archiveId)).layout, { type: 'bestFit', screenshareType: 'verticalPresentation' });
    await call('setArchiveLayout', archiveId, 'pip');
    assert.deepEqual((await call('getArchive', archiveId)).layout, { type: 'pip' });
  });

  await check('setArchiveLayout errors: unknown type and custom without stylesheet (400), unknown archive (404)', async () => {
    await rejectsWith(call('setArchiveLayout', archiveId, 'diagonal'), 'PUT archive.layout 400');
    await rejectsWith(call('setArchiveLayout', archiveId, 'custom'), 'PUT archive.layout 400');
    await rejectsWith(call('setArchiveLayout', unknownId, 'pip'), 'PUT archive.layout 404');
    assert.deepEqual((await call('getArchive', archiveId)).layout, { type: 'pip' });
  });

  await check('an auto-mode archive refuses stream selection (405), an individual one a layout (400)', async () => {
    const individual = await call('startArchive', sessionId, { outputMode: 'individual', multiArchiveTag: 'individual' });
    assert.equal(individual.streamMode, 'auto');
    await rejectsWith(call('addArchiveStream', individual.id, camera), 'PATCH archive.streams 405', /Unsupported Stream Mode/);
    await rejectsWith(call('setArchiveLayout', individual.id, 'pip'), 'PUT archive.layout 400');
    assert.equal((await call('stopArchive', individual.id)).status, 'stopped');
  });

  await check('a stopped archive refuses layout and stream changes (409)', async () => {
    const archive = await call('stopArchive', archiveId);
    assert.equal(archive.status, 'stopped');
    assert.equal(archive.streams, undefined);
    await rejectsWith(call('setArchiveLayout', archiveId, 'bestFit'), 'PUT archive.layout 409');
    await rejectsWith(call('addArchiveStream', archiveId, camera), 'PATCH archive.streams 409');
    await rejectsWith(call('removeArchiveStream', archiveId, camera), 'PATCH archive.streams 409');
  });
}

module.exports = { run };
