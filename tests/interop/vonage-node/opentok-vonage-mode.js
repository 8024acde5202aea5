// The opentok npm package (2.23.2) in its Vonage mode against opentok-mock: it switches to
// Vonage when apiKey is an application UUID and apiSecret is PEM private key text (see its
// lib/opentok.js), then signs REST calls with an RS256 JWT in Authorization: Bearer (claims
// iss, ist "project", iat, exp = iat + 300, application_id, jti) and mints client tokens
// with @vonage/jwt. Only apiUrl points at the mock. Sessions, client tokens and the archive
// lifecycle; the environment comes from ../with-mock.sh --application.
'use strict';

const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const { promisify } = require('node:util');
const OpenTok = require('opentok');
const { mockControl, checkRunner } = require('../mock-control');

const url = process.env.OPENTOK_MOCK_URL;
const applicationId = process.env.VONAGE_APPLICATION_ID;
const privateKeyPath = process.env.VONAGE_PRIVATE_KEY_PATH;
if (!applicationId || !privateKeyPath || !/^http:\/\/127\.0\.0\.1:\d+$/.test(url || '')) {
  console.error('interop: set OPENTOK_MOCK_URL (http://127.0.0.1:PORT), VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY_PATH (with-mock.sh --application)');
  process.exit(2);
}
delete process.env.DEBUG;  // the SDK's debug logging would print the key and the tokens

const opentok = new OpenTok(applicationId, readFileSync(privateKeyPath, 'utf8'), { apiUrl: url });
const call = (method, ...args) => promisify(opentok[method].bind(opentok))(...args);
const mock = mockControl(url);
const { check, done, fail } = checkRunner();
const answered = async (expected) => assert.equal(await mock.lastAnswer(), expected);
const sessionOwner = (sessionId) => Buffer.from(sessionId.slice(2), 'base64url').toString('latin1').split('~')[1];
const jwtPart = (jwt, index) => JSON.parse(Buffer.from(jwt.split('.')[index], 'base64url').toString('utf8'));

async function main() {
  let sessionId;
  let archiveId;

  await check('the SDK is in its Vonage mode: REST JWTs are RS256 with application_id, iss and ist', async () => {
    const jwt = opentok.generateJwt();
    assert.deepEqual(jwtPart(jwt, 0), { alg: 'RS256', typ: 'JWT' });
    const claims = jwtPart(jwt, 1);
    assert.equal(claims.application_id, applicationId);
    assert.equal(claims.iss, applicationId);
    assert.equal(claims.ist, 'project');
    assert.equal(claims.exp - claims.iat, 300);
  });

  await check('createSession (routed) mints a session id that carries the application id', async () => {
    ({ sessionId } = await call('createSession', { mediaMode: 'routed' }));
    await answered('POST session.create 200');
    assert.equal(sessionOwner(sessionId), applicationId);
    assert.equal((await mock.sessionView(sessionId)).mediaMode, 'routed');
  });

  await check('generateToken (RS256 via @vonage/jwt) connects a publisher that publishes a stream', async () => {
    const token = opentok.generateToken(sessionId, { role: 'publisher', data: 'name=node-ot-vonage' });
    assert.equal(jwtPart(token, 0).alg, 'RS256');
    assert.equal(jwtPart(token, 1).session_id, sessionId);
    const connection = await mock.connect(sessionId, token);
    assert.equal(connection.role, 'publisher');
    assert.equal(connection.data, 'name=node-ot-vonage');
    assert.match(await mock.publish(sessionId, connection.connectionId, { name: 'camera' }), /./);
  });

  await check('generateToken with role moderator and initialLayoutClassList connects a moderator', async () => {
    const token = opentok.generateToken(sessionId, { role: 'moderator', initialLayoutClassList: ['focus'] });
    assert.equal((await mock.connect(sessionId, token)).role, 'moderator');
  });

  await check('startArchive answers started', async () => {
    const archive = await call('startArchive', sessionId, { name: 'node-ot-vonage' });
    await answered('POST archive.start 200');
    assert.equal(archive.status, 'started');
    assert.equal(archive.sessionId, sessionId);
    assert.equal(archive.name, 'node-ot-vonage');
    archiveId = archive.id;
  });

  await check('getArchive and listArchives (by session) read it back', async () => {
    assert.equal((await call('getArchive', archiveId)).status, 'started');
    const list = await call('listArchives', { sessionId });
    await answered('GET archive.list 200');
    assert.deepEqual(list.map((a) => a.id), [archiveId]);
  });

  await check('stopArchive after 30 s of mock time: stopped with the duration', async () => {
    await mock.advanceClock(30);
    const archive = await call('stopArchive', archiveId);
    await answered('POST archive.stop 200');
    assert.equal(archive.status, 'stopped');
    assert.equal(archive.duration, 30);
  });

  await check('deleteArchive once available; the list is empty', async () => {
    await mock.advanceClock(10);
    assert.equal((await call('getArchive', archiveId)).status, 'available');
    await call('deleteArchive', archiveId);
    await answered('DELETE archive.delete 204');
    assert.deepEqual(await call('listArchives', { sessionId }), []);
  });

  await check('the journal saw the opentok Node SDK', async () => {
    assert.ok((await mock.journal()).some((item) => item.userAgent.startsWith('OpenTok-Node-SDK/')));
  });

  done();
}

main().catch(fail);
