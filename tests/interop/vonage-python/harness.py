"""What the vonage Python interop sections share: the SDK's Video client (vonage.Vonage with
an application id and private key) reaching the mock over https, the mock's control plane,
the request journal and the check runner that stops at the first failure. The environment
comes from ../with-mock.sh --application --tls; the private key is read by the SDK from its
file and never printed.

The SDK builds every URL as f"https://{video_host}{path}" (vonage_http_client.HttpClient
.make_request): its public options choose the host and port but never the scheme. So the mock
serves TLS itself (--tls-self-signed, its generated CA written by --tls-ca-out), and requests
trusts that CA through REQUESTS_CA_BUNDLE, a documented requests setting."""

import base64
import json
import logging
import os
import re
import sys
from urllib.parse import urlsplit

# Loopback only: requests would otherwise honour a proxy from the environment.
os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1"

URL = os.environ.get("OPENTOK_MOCK_URL", "")
CA_FILE = os.environ.get("OPENTOK_MOCK_CA_FILE", "")
APPLICATION_ID = os.environ.get("VONAGE_APPLICATION_ID", "")
PRIVATE_KEY_PATH = os.environ.get("VONAGE_PRIVATE_KEY_PATH", "")
if (not APPLICATION_ID or not PRIVATE_KEY_PATH or not CA_FILE
        or not re.fullmatch(r"https://127\.0\.0\.1:\d+", URL)):
    print("interop: set OPENTOK_MOCK_URL (https://127.0.0.1:PORT), OPENTOK_MOCK_CA_FILE, VONAGE_APPLICATION_ID "
          "and VONAGE_PRIVATE_KEY_PATH (with-mock.sh --application --tls)", file=sys.stderr)
    sys.exit(2)
# requests (the SDK's client and the control calls below) reads it for every request; the
# ssl module's default contexts read SSL_CERT_FILE.
os.environ["REQUESTS_CA_BUNDLE"] = os.environ["SSL_CERT_FILE"] = CA_FILE

import requests  # noqa: E402  (a dependency of the SDK, pinned with it)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from interop_checks import check, passed_count  # noqa: E402,F401  (shared with the other Python run)
from vonage import Auth, HttpClientOptions, Vonage  # noqa: E402
from vonage_http_client.errors import HttpRequestError  # noqa: E402

# The SDK's "vonage" logger writes request data and headers (the bearer token) at debug level.
logging.getLogger("vonage").setLevel(logging.ERROR)

# The SDK's video_host: the mock's host and port (the SDK adds https://).
VIDEO_HOST = urlsplit(URL).netloc

# vonage_jwt reads the key from the file when private_key looks like a path (".pem").
client = Vonage(Auth(application_id=APPLICATION_ID, private_key=PRIVATE_KEY_PATH),
                HttpClientOptions(video_host=VIDEO_HOST, timeout=20, max_retries=0))
video = client.video

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
UNKNOWN_SESSION_ID = "1_MX4xMjM0NTZ-fjE3MDAwMDAwMDAwMDB-bm90LWEtc2Vzc2lvbg-fn4"
UNKNOWN_ID = "00000000-0000-4000-8000-000000000000"


def _b64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def session_owner(session_id):
    """Field [1] of a session id: the project or application that owns it."""
    return _b64url(session_id[2:]).decode("latin-1").split("~")[1]


def jwt_part(jwt, index):
    """The JOSE header (0) or the claims (1) of a JWT, unverified (the mock verifies)."""
    if isinstance(jwt, bytes):
        jwt = jwt.decode()
    return json.loads(_b64url(jwt.split(".")[index]))


def control(method, path, body=None):
    """A control-plane call (not part of the SDK), straight to the mock; returns the response."""
    return requests.request(method, URL + path, json=body, timeout=20)


def session_path(session_id):
    return "/_mock/sessions/" + requests.utils.quote(session_id, safe="")


def expect(status, method, path, body=None):
    res = control(method, path, body)
    assert res.status_code == status, f"{method} {path}: {res.status_code} {res.text}"
    return res.json() if res.content else None


def connect(session_id, token):
    if isinstance(token, bytes):
        token = token.decode()
    return expect(201, "POST", session_path(session_id) + "/connections", {"token": token})


def publish(session_id, connection_id, **settings):
    return expect(201, "POST", f"{session_path(session_id)}/connections/{connection_id}/streams", settings)["streamId"]


def session_view(session_id):
    return expect(200, "GET", session_path(session_id))


def inbox(session_id, connection_id, kind):
    return expect(200, "GET", f"{session_path(session_id)}/connections/{connection_id}/{kind}")["items"]


def advance_clock(seconds):
    expect(200, "POST", "/_mock/clock/advance", {"seconds": seconds})


def journal():
    return expect(200, "GET", "/_mock/requests")["items"]


def last_answer():
    """The last REST request the mock saw, as "METHOD operation status" (the SDK folds most
    statuses into HttpRequestError)."""
    last = journal()[-1]
    return f"{last['method']} {last['operation']} {last['status']}"


def answered(expected):
    actual = last_answer()
    assert actual == expected, f"{actual!r} != {expected!r}"


def raises(expected_answer, fn, *args, exception=HttpRequestError, **kwargs):
    """Asserts that the SDK call raises `exception` and that the mock answered `expected_answer`."""
    try:
        fn(*args, **kwargs)
    except exception:
        answered(expected_answer)
        return
    raise AssertionError(f"{fn.__name__} did not raise {exception.__name__}")


def text(token):
    return token.decode() if isinstance(token, bytes) else token
