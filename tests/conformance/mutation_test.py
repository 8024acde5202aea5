#!/usr/bin/env python3
"""Mutation test of the conformance suite.

Puts a proxy between the suite and a mock (OPENTOK_API_URL, as `opentok-mock exec`
exports it) that applies one deviation from the REST API at a time, runs the suite's
wire-level checks of that family through it (archives, session create in JSON and XML,
broadcasts, renders, captions, SIP, Audio Connector), and requires each deviation to be
caught (the run fails). Also requires the run of every family without deviation to pass, so
a broken proxy cannot look like a catch.

usage: mutation_test.py OPENTOK_CONFORMANCE_BINARY
"""
import collections
import copy
import http.server
import json
import os
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request

# The checks each family's deviations must fail (gtest filters).
ARCHIVE = "*WireContract*:*ServerValidation*:*RoundTrip*"
SESSION_XML = "WireContractTest.SessionCreateWithoutJson*"
BROADCAST = "BroadcastShapeTest.*"
RENDER = "RenderTest.*"
CAPTIONS = "CaptionsTest.*"
SIP = "SipTest.*"
AUDIO_CONNECTOR = "AudioConnectorTest.*"
ALL_CHECKS = ":".join([ARCHIVE, BROADCAST, RENDER, CAPTIONS, SIP, AUDIO_CONNECTOR])

# respond(path, status, headers, body) changes a JSON answer, raw(path, status, headers,
# payload) any other answer (the XML of session create), request(method, path, body) a JSON
# request body; checks is the filter of the checks that must catch it.
Mutation = collections.namedtuple("Mutation", "checks respond request raw", defaults=(None, None, None))


def is_archive(value):
    return isinstance(value, dict) and "outputMode" in value and "status" in value


def each_archive(body, change):
    if is_archive(body):
        change(body)
    elif isinstance(body, dict):
        for item in body.get("items", []) if isinstance(body.get("items"), list) else []:
            each_archive(item, change)


def archive_change(change):
    def mutate(path, status, headers, body):
        each_archive(body, change)
        return status, headers, body
    return mutate


def set_member(name, fn):
    def change(archive):
        if name in archive:
            archive[name] = fn(archive[name])
    return change


def url_when_not_available(archive):
    if archive.get("status") != "available":
        archive["url"] = "https://example.com/archive.mp4"


def content_type(value, path_part):
    def mutate(path, status, headers, body):
        if path_part in path:
            headers["Content-Type"] = value
        return status, headers, body
    return mutate


def bare_object(path, status, headers, body):
    if path.startswith("/session/create") and isinstance(body, list) and body:
        body = body[0]
    return status, headers, body


def generic_codes(path, status, headers, body):
    if status >= 400 and isinstance(body, dict):
        body["code"] = -1
    return status, headers, body


def is_broadcast(value):
    return isinstance(value, dict) and "broadcastUrls" in value


def each_object(body, match, change):
    """Applies change to body and to each item of a list answer when match says so."""
    if match(body):
        change(body)
    elif isinstance(body, dict) and isinstance(body.get("items"), list):
        for item in body["items"]:
            if match(item):
                change(item)


def is_object(value):
    return isinstance(value, dict) and "items" not in value


def on_path(part, change, match=is_object):
    """A JSON answer mutation of the objects (or list items) answered on paths with the
    segment part ("/connect" but not "/connection")."""
    pattern = re.compile(re.escape(part) + r"(/|$)")
    def mutate(path, status, headers, body):
        if pattern.search(path.split("?")[0]):
            each_object(body, match, change)
        return status, headers, body
    return mutate


def broadcast_change(change):
    return on_path("/broadcast", change, is_broadcast)


def drop_member(name):
    def change(value):
        value.pop(name, None)
    return change


def rtmp_change(change):
    def each(broadcast):
        urls = broadcast.get("broadcastUrls")
        if isinstance(urls, dict):
            for rtmp in urls.get("rtmp", []):
                change(rtmp)
    return each


def urls_when_stopped(broadcast):
    if broadcast.get("status") == "stopped":
        broadcast["broadcastUrls"] = {"rtmp": []}


def rtmp_keyed_by_id(broadcast):
    urls = broadcast.get("broadcastUrls")
    if isinstance(urls, dict) and urls.get("rtmp"):
        urls["rtmp"] = {str(i): rtmp for i, rtmp in enumerate(urls["rtmp"])}


def list_count_as_string(part):
    def mutate(path, status, headers, body):
        if part in path and isinstance(body, dict) and isinstance(body.get("count"), int):
            body["count"] = str(body["count"])
        return status, headers, body
    return mutate


def started_render_without_stream(render):
    if render.get("status") == "started":
        render.pop("streamId", None)


def xml_change(change):
    def mutate(path, status, headers, payload):
        if path.startswith("/session/create") and payload.startswith(b"<?xml"):
            return change(status, headers, payload)
        return status, headers, payload
    return mutate


def xml_without_session_id(status, headers, payload):
    return status, headers, re.sub(rb"<session_id>[^<]*</session_id>", b"", payload)


def xml_as_json_type(status, headers, payload):
    return status, dict(headers, **{"Content-Type": "application/json"}), payload


def xml_not_closed(status, headers, payload):
    return status, headers, payload.replace(b"</sessions>", b"")


def xml_partner_id_text(status, headers, payload):
    return status, headers, re.sub(rb"<partner_id>[^<]*</partner_id>", b"<partner_id>partner</partner_id>", payload)


def ignore_start_options(method, path, body):
    if method == "POST" and path.rstrip("/").endswith("/archive") and isinstance(body, dict):
        body = {"sessionId": body.get("sessionId")}
    return body


MUTATIONS = {
    "numbers_as_strings": Mutation(ARCHIVE, archive_change(set_member("size", str))),
    "null_duration": Mutation(ARCHIVE, archive_change(set_member("duration", lambda v: None))),
    "partner_id_as_string": Mutation(ARCHIVE, archive_change(set_member("partnerId", str))),
    "seconds_timestamps": Mutation(ARCHIVE, archive_change(set_member("createdAt", lambda v: v // 1000))),
    "uppercase_id": Mutation(ARCHIVE, archive_change(set_member("id", lambda v: v.upper()))),
    "url_when_not_available": Mutation(ARCHIVE, archive_change(url_when_not_available)),
    "name_changed": Mutation(ARCHIVE, archive_change(set_member("name", lambda v: "renamed"))),
    "archive_content_type_text_plain": Mutation(ARCHIVE, content_type("text/plain", "/archive")),
    "session_create_charset": Mutation(ARCHIVE, content_type("application/json; charset=utf-8", "/session/create")),
    "session_create_bare_object": Mutation(ARCHIVE, bare_object),
    "generic_error_codes": Mutation(ARCHIVE, generic_codes),
    "ignored_start_options": Mutation(ARCHIVE, request=ignore_start_options),
    "archive_list_count_as_string": Mutation(ARCHIVE, list_count_as_string("/archive?")),
    "session_xml_without_session_id": Mutation(SESSION_XML, raw=xml_change(xml_without_session_id)),
    "session_xml_as_application_json": Mutation(SESSION_XML, raw=xml_change(xml_as_json_type)),
    "session_xml_not_well_formed": Mutation(SESSION_XML, raw=xml_change(xml_not_closed)),
    "session_xml_partner_id_not_a_number": Mutation(SESSION_XML, raw=xml_change(xml_partner_id_text)),
    "broadcast_created_at_seconds": Mutation(BROADCAST, broadcast_change(set_member("createdAt", lambda v: v // 1000))),
    "broadcast_rtmp_status_missing": Mutation(BROADCAST, broadcast_change(rtmp_change(drop_member("status")))),
    "broadcast_rtmp_keyed_by_id": Mutation(BROADCAST, broadcast_change(rtmp_keyed_by_id)),
    "broadcast_partner_id_as_string": Mutation(BROADCAST, broadcast_change(set_member("partnerId", str))),
    "broadcast_null_max_duration": Mutation(BROADCAST, broadcast_change(set_member("maxDuration", lambda v: None))),
    "broadcast_urls_when_stopped": Mutation(BROADCAST, broadcast_change(urls_when_stopped)),
    "broadcast_list_count_as_string": Mutation(BROADCAST, list_count_as_string("/broadcast?")),
    "render_uppercase_id": Mutation(RENDER, on_path("/render", set_member("id", lambda v: v.upper()))),
    "render_project_id_as_integer": Mutation(RENDER, on_path("/render", set_member("projectId", int))),
    "render_started_without_stream_id": Mutation(RENDER, on_path("/render", started_render_without_stream)),
    "render_list_count_as_string": Mutation(RENDER, list_count_as_string("/render?")),
    "captions_id_uppercase": Mutation(CAPTIONS, on_path("/captions", set_member("captionsId", lambda v: v.upper()))),
    "captions_duration_as_string": Mutation(CAPTIONS, on_path("/captions", set_member("duration", str))),
    "sip_stream_id_missing": Mutation(SIP, on_path("/dial", drop_member("streamId"))),
    "sip_created_at_seconds": Mutation(SIP, on_path("/dial", set_member("createdAt", lambda v: v // 1000))),
    "audio_connector_connection_id_not_uuid": Mutation(
        AUDIO_CONNECTOR, on_path("/connect", set_member("connectionId", lambda v: "connection-1"))),
}


def make_handler(upstream, mutation):
    respond, request_change, raw = mutation.respond, mutation.request, mutation.raw

    class Proxy(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # One segment per answer, sent at once: unbuffered writes of headers and body
        # would wait for delayed ACKs on every request.
        wbufsize = 1 << 16
        disable_nagle_algorithm = True

        def log_message(self, *args):
            pass

        def forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            data = self.rfile.read(length) if length else b""
            control = self.path.startswith("/_mock/")
            if request_change and not control and data:
                try:
                    data = json.dumps(request_change(self.command, self.path, json.loads(data))).encode()
                except ValueError:
                    pass
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length", "connection")}
            request = urllib.request.Request(upstream + self.path, data=data if data or self.command in ("POST", "PUT", "PATCH") else None,
                                             headers=headers, method=self.command)
            try:
                with urllib.request.urlopen(request) as answer:
                    status, answer_headers, payload = answer.status, dict(answer.headers.items()), answer.read()
            except urllib.error.HTTPError as error:
                status, answer_headers, payload = error.code, dict(error.headers.items()), error.read()
            if not control and payload:
                try:
                    body = json.loads(payload)
                except ValueError:
                    body = None
                    if raw:
                        status, answer_headers, payload = raw(self.path, status, answer_headers, payload)
                if respond and body is not None:
                    status, answer_headers, body = respond(self.path, status, answer_headers, copy.deepcopy(body))
                    payload = json.dumps(body).encode()
            self.send_response(status)
            for key, value in answer_headers.items():
                if key.lower() not in ("content-length", "transfer-encoding", "connection", "date", "server"):
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = forward

    return Proxy


def run_through(binary, upstream, mutation, checks):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), make_handler(upstream, mutation))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    env = dict(os.environ, OPENTOK_API_URL="http://127.0.0.1:%d" % server.server_address[1])
    try:
        run = subprocess.run([binary, "--gtest_filter=" + checks], env=env, capture_output=True, text=True, timeout=120)
    finally:
        server.shutdown()
        server.server_close()
    return run


def main():
    binary = sys.argv[1]
    upstream = os.environ["OPENTOK_API_URL"].rstrip("/")
    baseline = run_through(binary, upstream, Mutation(ALL_CHECKS), ALL_CHECKS)
    if baseline.returncode != 0:
        print(baseline.stdout[-4000:])
        print("FAIL: the checks do not pass through the proxy without a deviation")
        return 1
    caught = 0
    for name, mutation in MUTATIONS.items():
        run = run_through(binary, upstream, mutation, mutation.checks)
        ok = run.returncode != 0
        caught += ok
        failed = [line.strip() for line in run.stdout.splitlines() if line.startswith("  FAIL  ")]
        print("%-40s %s%s" % (name, "caught" if ok else "MISSED", (" (" + ", ".join(failed[:3]) + ")") if ok else ""))
    print("mutations caught: %d/%d" % (caught, len(MUTATIONS)))
    return 0 if caught == len(MUTATIONS) else 1


if __name__ == "__main__":
    sys.exit(main())
