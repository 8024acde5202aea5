// Live captions through the npm package: startCaptions and stopCaptions. node-ot 2.23.2 has
// no call that reads a captioning session's status, so the status comes from the mock's
// control plane (GET /_mock/captions/{id}), as do the options the start sent.
'use strict';

const assert = require('node:assert/strict');
const {
  opentok, call, check, connect, answered, rejectsWith, routedSessionWithPublisher, clientToken, control,
  advanceClock, unknownSessionId, unknownId,
} = require('./harness');

async function captionsState(captionsId) {
  const res = await control('GET', `/_mock/captions/${captionsId}`);
  assert.equal(res.status, 200, res.text);
  return res.body;
}

// node-ot answers any 409 of startCaptions with a CaptionsError, which is not an Error
// instance: the check reads its message.
const alreadyStarted = (error) => /already started/.test(error.message);

async function run() {
  const { sessionId } = await routedSessionWithPublisher('name=speaker');
  const moderator = clientToken(sessionId, 'name=captions', 'moderator');
  let captionsId;

  await check('startCaptions with a language, maxDuration and partialCaptions answers the captions id; they are started', async () => {
    captionsId = await call('startCaptions', sessionId, moderator, { languageCode: 'es-ES', maxDuration: 1800, partialCaptions: false });
    await answered('POST captions.start 202');
    assert.match(captionsId, /^[0-9a-f-]{36}$/);
    const state = await captionsState(captionsId);
    assert.equal(state.captionId, captionsId);
    assert.equal(state.sessionId, sessionId);
    assert.equal(state.status, 'started');
    assert.equal(state.languageCode, 'es-ES');
    assert.equal(state.maxDuration, 1800);
    assert.equal(state.partialCaptions, false);
    assert.equal(state.provider, 'aws-transcribe');
  });

  await check('a second startCaptions of the session is refused (409)', async () => {
    await rejectsWith(call('startCaptions', sessionId, moderator, {}), 'POST captions.start 409', alreadyStarted);
  });

  await check('stopCaptions stops them; stopping again or an unknown id is 404', async () => {
    await advanceClock(90);
    assert.equal(await call('stopCaptions', captionsId), true);
    await answered('POST captions.stop 202');
    const state = await captionsState(captionsId);
    assert.equal(state.status, 'stopped');
    assert.equal(state.duration, 90);
    await rejectsWith(call('stopCaptions', captionsId), 'POST captions.stop 404', /Not Found/);
    await rejectsWith(call('stopCaptions', unknownId), 'POST captions.stop 404', /Not Found/);
  });

  await check('startCaptions with the defaults (en-US, 4 hours, partial captions) after the stop', async () => {
    const id = await call('startCaptions', sessionId, moderator, {});
    const state = await captionsState(id);
    assert.equal(state.status, 'started');
    assert.equal(state.languageCode, 'en-US');
    assert.equal(state.maxDuration, 14400);
    assert.equal(state.partialCaptions, true);
    await call('stopCaptions', id);
  });

  await check('captions stop by themselves at maxDuration on the mock clock', async () => {
    const id = await call('startCaptions', sessionId, moderator, { maxDuration: 300 });
    await advanceClock(299);
    assert.equal((await captionsState(id)).status, 'started');
    await advanceClock(1);
    const state = await captionsState(id);
    assert.equal(state.status, 'stopped');
    assert.equal(state.duration, 300);
  });

  await check('startCaptions errors: maxDuration out of range (400), token of another session (403), unknown session (404), relayed session (409)', async () => {
    await rejectsWith(call('startCaptions', sessionId, moderator, { maxDuration: 299 }), 'POST captions.start 400', /maxDuration/);
    const other = await call('createSession', { mediaMode: 'routed' });
    await rejectsWith(call('startCaptions', sessionId, clientToken(other.sessionId, 'x', 'moderator'), {}), 'POST captions.start 403', /Invalid API key or secret/);
    await rejectsWith(call('startCaptions', unknownSessionId, moderator, {}), 'POST captions.start 404', /Not Found/);
    const relayed = await call('createSession', { mediaMode: 'relayed' });
    await connect(relayed.sessionId, opentok.generateToken(relayed.sessionId, { role: 'publisher' }));
    // The same CaptionsError as "already started": node-ot maps every 409 to it.
    await rejectsWith(call('startCaptions', relayed.sessionId, clientToken(relayed.sessionId, 'x', 'moderator'), {}), 'POST captions.start 409', alreadyStarted);
  });
}

module.exports = { run };
