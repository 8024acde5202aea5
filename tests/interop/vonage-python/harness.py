"""What the vonage Python interop sections share: the SDK's Video client (vonage.Vonage with
an application id and private key) reaching the mock through the loopback TLS front (see
tls_front.py for why), the mock's control plane, the request journal and the check runner
that stops at the first failure. The environment comes from ../with-mock.sh --application;
the private key is read by the SDK from its file and never printed."""

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
APPLICATION_ID = os.environ.get("VONAGE_APPLICATION_ID", "")
PRIVATE_KEY_PATH = os.environ.get("VONAGE_PRIVATE_KEY_PATH", "")
if not APPLICATION_ID or not PRIVATE_KEY_PATH or not re.fullmatch(r"http://127\.0\.0\.1:\d+", URL):
    print("interop: set OPENTOK_MOCK_URL (http://127.0.0.1:PORT), VONAGE_APPLICATION_ID and "
          "VONAGE_PRIVATE_KEY_PATH (with-mock.sh --application)", file=sys.stderr)
    sys.exit(2)

import requests  # noqa: E402  (a dependency of the SDK, pinned with it)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from interop_checks import check, passed_count  # noqa: E402,F401  (shared with the other Python run)
from vonage import Auth, HttpClientOptions, Vonage  # noqa: E402
from vonage_http_client.errors import HttpRequestError  # noqa: E402

from tls_front import start_tls_front  # noqa: E402

# The SDK's "vonage" logger writes request data and headers (the bearer token) at debug level.
logging.getLogger("vonage").setLevel(logging.ERROR)

_mock = urlsplit(URL)
FRONT_PORT, _cert = start_tls_front(_mock.hostname, _mock.port, os.path.dirname(PRIVATE_KEY_PATH))
os.environ["REQUESTS_CA_BUNDLE"] = _cert

# vonage_jwt reads the key from the file when private_key looks like a path (".pem").
client = Vonage(Auth(application_id=APPLICATION_ID, private_key=PRIVATE_KEY_PATH),
                HttpClientOptions(video_host=f"127.0.0.1:{FRONT_PORT}", timeout=20, max_retries=0))
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
