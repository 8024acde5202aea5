// Experience Composer renders through the npm package: startRender, getRender, listRenders,
// stopRender. The page to render is a loopback URL the mock itself serves (its health
// route), which the mock loads before the render joins the session; a missing page of the
// mock makes the render fail. node-ot 2.23.2 cannot name the render's stream (it sends no
// "properties") and defaults maxDuration to 1800.
'use strict';

const assert = require('node:assert/strict');
const {
  opentok, url, apiKey, call, check, connect, answered, rejectsWith, routedSessionWithPublisher, clientToken,
  sessionView, advanceClock, unknownSessionId, unknownId,
} = require('./harness');

const page = `${url}/_mock/health`;
const missingPage = `${url}/_mock/no-such-page`;

async function run() {
  const { sessionId } = await routedSessionWithPublisher('name=presenter');
  const token = clientToken(sessionId, 'name=composer');
  let render;

  await check('startRender answers a starting render with what it was given', async () => {
    render = await call('startRender', {
      sessionId, token, url: page, resolution: '1920x1080', maxDuration: 600,
      statusCallbackUrl: 'https://hooks.example.com/render-status',
    });
    await answered('POST render.start 202');
    assert.match(render.id, /^[0-9a-f-]{36}$/);
    assert.equal(render.sessionId, sessionId);
    assert.equal(render.projectId, apiKey);
    assert.equal(render.status, 'starting');
    assert.equal(render.url, page);
    assert.equal(render.resolution, '1920x1080');
    assert.equal(render.callbackUrl, 'https://hooks.example.com/render-status');
    assert.equal(render.streamId, undefined);
    assert.equal(render.event, 'render');
  });

  await check('getRender: started 2 s later on the mock clock, its connection (kind render) publishing its stream', async () => {
    assert.equal((await call('getRender', render.id)).status, 'starting');
    await advanceClock(2);
    const started = await call('getRender', render.id);
    await answered('GET render.get 200');
    assert.equal(started.status, 'started');
    assert.equal(typeof started.streamId, 'string');
    const view = await sessionView(sessionId);
    const stream = view.streams.find((s) => s.id === started.streamId);
    const connection = view.connections.find((c) => c.connectionId === stream.connectionId);
    assert.equal(connection.kind, 'render');
    assert.equal(connection.data, 'name=composer');
    render = started;
  });

  await check('listRenders: newest first with the total, paged by offset and count', async () => {
    const second = await call('startRender', { sessionId, token, url: page });
    assert.equal(second.resolution, '1280x720');
    const list = await call('listRenders', {});
    await answered('GET render.list 200');
    assert.ok(list.count >= 2);
    assert.deepEqual(list.items.slice(0, 2).map((r) => r.id), [second.id, render.id]);
    const pageOfOne = await call('listRenders', { offset: 1, count: 1 });
    assert.equal(pageOfOne.count, list.count);
    assert.deepEqual(pageOfOne.items.map((r) => r.id), [render.id]);
    await call('stopRender', second.id);
  });

  await check('stopRender: stopped "Stopped by user", its connection and stream leave the session', async () => {
    await call('stopRender', render.id);
    await answered('DELETE render.stop 200');
    const stopped = await call('getRender', render.id);
    assert.equal(stopped.status, 'stopped');
    assert.equal(stopped.reason, 'Stopped by user');
    const view = await sessionView(sessionId);
    assert.ok(!view.streams.some((s) => s.id === render.streamId));
    assert.ok(!view.connections.some((c) => c.kind === 'render'));
  });

  await check('stopRender of a stopped or unknown render and getRender of an unknown one are 404', async () => {
    await rejectsWith(call('stopRender', render.id), 'DELETE render.stop 404', /Not Found/);
    await rejectsWith(call('stopRender', unknownId), 'DELETE render.stop 404', /Not Found/);
    await rejectsWith(call('getRender', unknownId), 'GET render.get 404', /Not Found/);
  });

  await check('a render whose page cannot be loaded fails ("Could not load URL") and never joins', async () => {
    const broken = await call('startRender', { sessionId, token, url: missingPage });
    await advanceClock(2);
    const failed = await call('getRender', broken.id);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.reason, 'Could not load URL');
    assert.equal(failed.streamId, undefined);
  });

  await check('a render stops by itself at maxDuration on the mock clock ("Max duration exceeded")', async () => {
    const short = await call('startRender', { sessionId, token, url: page, maxDuration: 60 });
    await advanceClock(59);
    assert.equal((await call('getRender', short.id)).status, 'started');
    await advanceClock(1);
    const ended = await call('getRender', short.id);
    assert.equal(ended.status, 'stopped');
    assert.equal(ended.reason, 'Max duration exceeded');
  });

  await check('startRender errors: short URL, maxDuration and resolution (400), bad token (403), unknown session (404), relayed (409)', async () => {
    await rejectsWith(call('startRender', { sessionId, token, url: 'http://a.b/' }), 'POST render.start 400', /url/);
    await rejectsWith(call('startRender', { sessionId, token, url: page, maxDuration: 59 }), 'POST render.start 400', /maxDuration/);
    await rejectsWith(call('startRender', { sessionId, token, url: page, resolution: '800x600' }), 'POST render.start 400', /resolution/);
    const other = await call('createSession', { mediaMode: 'routed' });
    await rejectsWith(call('startRender', { sessionId, token: clientToken(other.sessionId, 'x'), url: page }), 'POST render.start 403', /Invalid API key or secret/);
    await rejectsWith(call('startRender', { sessionId: unknownSessionId, token, url: page }), 'POST render.start 404', /Not Found/);
    const relayed = await call('createSession', { mediaMode: 'relayed' });
    await connect(relayed.sessionId, opentok.generateToken(relayed.sessionId, { role: 'publisher' }));
    await rejectsWith(call('startRender', { sessionId: relayed.sessionId, token: clientToken(relayed.sessionId, 'x'), url: page }), 'POST render.start 409');
  });
}

module.exports = { run };
