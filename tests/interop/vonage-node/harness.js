// What the @vonage/video interop sections share: the SDK's Video client pointed at the mock
// (its public `videoHost` option takes a full URL, so plain http to loopback works), the
// application's credentials from ../with-mock.sh --application, the mock's control plane and
// the check runner. The private key is read by the SDK from the file; it is never printed.
'use strict';

const assert = require('node:assert/strict');
const { Video, MediaMode } = require('@vonage/video');
const { mockControl, checkRunner } = require('../mock-control');

const url = process.env.OPENTOK_MOCK_URL;
const applicationId = process.env.VONAGE_APPLICATION_ID;
const privateKeyPath = process.env.VONAGE_PRIVATE_KEY_PATH;
if (!applicationId || !privateKeyPath || !/^http:\/\/127\.0\.0\.1:\d+$/.test(url || '')) {
  console.error('interop: set OPENTOK_MOCK_URL (http://127.0.0.1:PORT), VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY_PATH (with-mock.sh --application)');
  process.exit(2);
}
// The SDK's debug logging prints the private key; make sure it is off whatever the caller set.
delete process.env.DEBUG;

// @vonage/auth reads the key from the file when `privateKey` names an existing path.
const video = new Video({ applicationId, privateKey: privateKeyPath }, { videoHost: url });
const mock = mockControl(url);
const { check, done, fail } = checkRunner();

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const unknownSessionId = '1_MX4xMjM0NTZ-fjE3MDAwMDAwMDAwMDB-bm90LWEtc2Vzc2lvbg-fn4';
const unknownId = '00000000-0000-4000-8000-000000000000';

// Field [1] of a session id: the project or application that owns it.
const sessionOwner = (sessionId) => Buffer.from(sessionId.slice(2), 'base64url').toString('latin1').split('~')[1];

// The claims of a JWT (no verification: the mock does that).
const jwtClaims = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));

const answered = async (expected) => assert.equal(await mock.lastAnswer(), expected);

// The SDK throws a VetchError ("Request failed with status code N") for any non-2xx answer.
async function rejectsWith(promise, expected) {
  const status = expected.split(' ').at(-1);
  await assert.rejects(promise, new RegExp(`status code ${status}`));
  await answered(expected);
}

const clientToken = (sessionId, data, role = 'publisher') => video.generateClientToken(sessionId, { role, data });

// A new routed session with one connected publisher.
async function routedSessionWithPublisher(data) {
  const { sessionId } = await video.createSession({ mediaMode: MediaMode.ROUTED });
  const connection = await mock.connect(sessionId, clientToken(sessionId, data));
  return { sessionId, connectionId: connection.connectionId };
}

module.exports = {
  video, url, applicationId, mock, check, done, fail, uuidPattern, unknownSessionId, unknownId,
  sessionOwner, jwtClaims, answered, rejectsWith, clientToken, routedSessionWithPublisher,
};
