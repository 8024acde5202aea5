"""What every Python interop section shares: the SDK client pointed at the mock, the
mock's control plane, the request journal and the check runner that stops at the first
failure. The environment comes from ../with-mock.sh."""

import os
import re
import sys

# Loopback only: requests would otherwise honour a proxy from the environment.
os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1"

import requests  # noqa: E402  (a dependency of the SDK, pinned with it)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from interop_checks import check, passed_count  # noqa: E402,F401  (shared with the other Python run)
from opentok import Client, MediaModes, Roles  # noqa: E402

URL = os.environ.get("OPENTOK_MOCK_URL", "")
API_KEY = os.environ.get("OPENTOK_API_KEY", "")
API_SECRET = os.environ.get("OPENTOK_API_SECRET", "")
if not API_KEY or not API_SECRET or not re.fullmatch(r"http://127\.0\.0\.1:\d+", URL):
    print("interop: set OPENTOK_MOCK_URL (http://127.0.0.1:PORT), OPENTOK_API_KEY and OPENTOK_API_SECRET",
          file=sys.stderr)
    sys.exit(2)

opentok = Client(API_KEY, API_SECRET, api_url=URL, timeout=20)
# The project's key with a secret that is not its own (as long as a real one, so that PyJWT
# does not warn about a short HMAC key).
wrong_secret_client = Client(API_KEY, API_SECRET[::-1] + "0", api_url=URL, timeout=20)

# A syntactically plausible session id and a UUID that the mock never issued.
UNKNOWN_SESSION_ID = "1_MX4xMjM0NTZ-fjE3MDAwMDAwMDAwMDB-bm90LWEtc2Vzc2lvbg-fn4"
UNKNOWN_ID = "00000000-0000-4000-8000-000000000000"


def control(method, path, body=None):
    """A control-plane call (not part of the SDK); returns the response."""
    return requests.request(method, URL + path, json=body, timeout=20)


def session_path(session_id):
    return "/_mock/sessions/" + requests.utils.quote(session_id, safe="")


def connect(session_id, token):
    res = control("POST", session_path(session_id) + "/connections", {"token": token})
    assert res.status_code == 201, res.text
    return res.json()


def publish(session_id, connection_id, **settings):
    """A simulated client publishing a stream; returns the stream id."""
    res = control("POST", f"{session_path(session_id)}/connections/{connection_id}/streams", settings)
    assert res.status_code == 201, res.text
    return res.json()["streamId"]


def routed_session_with_publisher(data):
    """A new routed session with one connected publisher: (session id, connection id)."""
    session_id = opentok.create_session(media_mode=MediaModes.routed).session_id
    connection = connect(session_id, opentok.generate_token(session_id, role=Roles.publisher, data=data))
    return session_id, connection["connectionId"]


def client_token(session_id, data, role=Roles.publisher):
    return opentok.generate_token(session_id, role=role, data=data)


def session_view(session_id):
    """The mock's view of a session: connections (with their kind), streams (with
    audioMuted), recently left connections with their reason, and the mute-all state."""
    res = control("GET", session_path(session_id))
    assert res.status_code == 200, res.text
    return res.json()


def inbox(session_id, connection_id, kind):
    """What a simulated connection received: kind "signals" or "dtmf"; the items with their
    mock time `at`."""
    res = control("GET", f"{session_path(session_id)}/connections/{connection_id}/{kind}")
    assert res.status_code == 200, res.text
    return res.json()["items"]


def mock_now():
    return control("GET", "/_mock/clock").json()["now"]


def relayed_session_with_client():
    """A relayed session the mock knows (a client joined it) and a token for it."""
    session_id = opentok.create_session().session_id
    connect(session_id, client_token(session_id, "name=relayed"))
    return session_id, client_token(session_id, "name=relayed")


def advance_clock(seconds):
    res = control("POST", "/_mock/clock/advance", {"seconds": seconds})
    assert res.status_code == 200, res.text


def rest_get(url):
    """GET of a REST resource with the SDK's own headers, for members its objects drop
    (the layout, the HLS settings)."""
    res = requests.get(url, headers=opentok.get_json_headers(), timeout=20)
    assert res.status_code == 200, res.text
    return res.json()


def last_answer():
    """The last REST request the mock saw, as "METHOD operation status": the SDK folds
    several statuses into one exception type (py-ot raises RequestError for any 4xx of the
    stream-selection calls), so the exact answer is read from the journal."""
    last = control("GET", "/_mock/requests").json()["items"][-1]
    return f"{last['method']} {last['operation']} {last['status']}"


def answered(expected):
    actual = last_answer()
    assert actual == expected, f"{actual!r} != {expected!r}"


def raises(expected_answer, exception, fn, *args, **kwargs):
    """Asserts that the SDK call raises `exception` and that the mock answered
    `expected_answer`; returns the exception."""
    try:
        fn(*args, **kwargs)
    except exception as error:
        answered(expected_answer)
        return error
    raise AssertionError(f"{fn.__name__} did not raise {exception.__name__}")
