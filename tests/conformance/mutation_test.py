#!/usr/bin/env python3
"""Mutation test of the conformance suite.

Puts a proxy between the suite and a mock (OPENTOK_API_URL, as scripts/with-mock-server
exports it) that applies one deviation from the REST reference at a time, runs the suite's
wire-level checks through it, and requires each deviation to be caught (the run fails).
Also requires the run without deviation to pass, so a broken proxy cannot look like a catch.

usage: mutation_test.py OPENTOK_CONFORMANCE_BINARY
"""
import copy
import http.server
import json
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.request

CHECKS = "*WireContract*:*ServerValidation*:*RoundTrip*"


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


def ignore_start_options(method, path, body):
    if method == "POST" and path.rstrip("/").endswith("/archive") and isinstance(body, dict):
        body = {"sessionId": body.get("sessionId")}
    return body


# name: (response mutation, request mutation)
MUTATIONS = {
    "numbers_as_strings": (archive_change(set_member("size", str)), None),
    "null_duration": (archive_change(set_member("duration", lambda v: None)), None),
    "partner_id_as_string": (archive_change(set_member("partnerId", str)), None),
    "seconds_timestamps": (archive_change(set_member("createdAt", lambda v: v // 1000)), None),
    "uppercase_id": (archive_change(set_member("id", lambda v: v.upper())), None),
    "url_when_not_available": (archive_change(url_when_not_available), None),
    "name_changed": (archive_change(set_member("name", lambda v: "renamed")), None),
    "archive_content_type_text_plain": (content_type("text/plain", "/archive"), None),
    "session_create_charset": (content_type("application/json; charset=utf-8", "/session/create"), None),
    "session_create_bare_object": (bare_object, None),
    "generic_error_codes": (generic_codes, None),
    "ignored_start_options": (None, ignore_start_options),
}


def make_handler(upstream, mutation):
    respond, request_change = mutation

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
            if respond and not control and payload:
                try:
                    body = json.loads(payload)
                    status, answer_headers, body = respond(self.path, status, answer_headers, copy.deepcopy(body))
                    payload = json.dumps(body).encode()
                except ValueError:
                    pass
            self.send_response(status)
            for key, value in answer_headers.items():
                if key.lower() not in ("content-length", "transfer-encoding", "connection", "date", "server"):
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = forward

    return Proxy


def run_through(binary, upstream, mutation):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), make_handler(upstream, mutation))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    env = dict(os.environ, OPENTOK_API_URL="http://127.0.0.1:%d" % server.server_address[1])
    try:
        run = subprocess.run([binary, "--gtest_filter=" + CHECKS], env=env, capture_output=True, text=True, timeout=120)
    finally:
        server.shutdown()
        server.server_close()
    return run


def main():
    binary = sys.argv[1]
    upstream = os.environ["OPENTOK_API_URL"].rstrip("/")
    baseline = run_through(binary, upstream, (None, None))
    if baseline.returncode != 0:
        print(baseline.stdout[-4000:])
        print("FAIL: the checks do not pass through the proxy without a deviation")
        return 1
    caught = 0
    for name, mutation in MUTATIONS.items():
        run = run_through(binary, upstream, mutation)
        ok = run.returncode != 0
        caught += ok
        failed = [line.strip() for line in run.stdout.splitlines() if line.startswith("  FAIL  ")]
        print("%-34s %s%s" % (name, "caught" if ok else "MISSED", (" (" + ", ".join(failed[:3]) + ")") if ok else ""))
    print("mutations caught: %d/%d" % (caught, len(MUTATIONS)))
    return 0 if caught == len(MUTATIONS) else 1


if __name__ == "__main__":
    sys.exit(main())
