// Legacy callback registration through the npm package: registerCallback, listCallbacks and
// unregisterCallback (lib/callbacks.js posts {group, event, url}, reads a bare array back
// and deletes by id). What the mock then does with a registered URL (the events it matches)
// is shown through its control plane.
'use strict';

const assert = require('node:assert/strict');
const { apiKey, call, check, control, answered, rejectsWith, unknownId } = require('./harness');

// A loopback URL nobody listens on: the registrations are checked, not delivered here.
const hook = 'http://127.0.0.1:9/opentok-callbacks';

async function run() {
  let archiveCallback;

  await check('registerCallback (archive status) answers the registration as a Callback', async () => {
    archiveCallback = await call('registerCallback', { group: 'archive', event: 'status', url: hook });
    await answered('POST callback.register 200');
    assert.match(archiveCallback.id, /^[0-9a-f-]{36}$/);
    assert.equal(archiveCallback.group, 'archive');
    assert.equal(archiveCallback.event, 'status');
    assert.equal(archiveCallback.url, hook);
    assert.equal(typeof archiveCallback.createdAt, 'number');
    assert.equal(typeof archiveCallback.unregister, 'function');
  });

  await check('registerCallback of connection and stream events, then listCallbacks reads all back', async () => {
    await call('registerCallback', { group: 'connection', event: 'created', url: `${hook}/connections` });
    await call('registerCallback', { group: 'stream', event: 'destroyed', url: `${hook}/streams` });
    const listed = await call('listCallbacks');
    await answered('GET callback.list 200');
    assert.deepEqual(listed.map((c) => `${c.group}/${c.event}`), ['archive/status', 'connection/created', 'stream/destroyed']);
    assert.equal(listed[0].id, archiveCallback.id);
    const view = await control('GET', `/_mock/projects/${apiKey}/callbacks`);
    assert.equal(view.body.registrations.length, 3);
  });

  await check('registerCallback with an invalid group/event or URL is refused (400)', async () => {
    await rejectsWith(call('registerCallback', { group: 'archive', event: 'created', url: hook }),
      'POST callback.register 400', /Unexpected response/);
    await rejectsWith(call('registerCallback', { group: 'archive', event: 'status' }),
      'POST callback.register 400', /Unexpected response/);
  });

  await check('unregisterCallback removes one; an unknown id is 404', async () => {
    await call('unregisterCallback', archiveCallback.id);
    await answered('DELETE callback.unregister 204');
    const listed = await call('listCallbacks');
    assert.equal(listed.length, 2);
    assert.ok(!listed.some((c) => c.id === archiveCallback.id));
    await rejectsWith(call('unregisterCallback', unknownId), 'DELETE callback.unregister 404', /Not Found/i);
    for (const callback of listed) await call('unregisterCallback', callback.id);
    assert.deepEqual(await call('listCallbacks'), []);
  });
}

module.exports = { run };
