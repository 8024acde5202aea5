"""The official vonage Python SDK (package vonage with vonage-video) against opentok-mock with
a Vonage application (RS256), unchanged: only its video_host points at the mock (which
serves https itself with a generated CA; see harness.py). Usage: .venv/bin/python interop.py with the environment of
../with-mock.sh --application (run-interop.sh sets it up). Exits non-zero on the first
failure and prints "N passed, 0 failed" at the end. Sessions, client tokens and archives
are here; session control and the media services have a module each."""

import time

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from vonage import Auth, HttpClientOptions, Vonage
from vonage_utils.errors import VonageError
from vonage_video.models.archive import CreateArchiveRequest, ListArchivesFilter
from vonage_video.models.common import AddStreamRequest, ComposedLayout
from vonage_video.models.enums import ArchiveMode, LayoutType, MediaMode, StreamMode, TokenRole
from vonage_video.models.session import SessionOptions
from vonage_video.models.token import TokenOptions

import media_services
import session_control
from harness import (APPLICATION_ID, URL, UUID, VIDEO_HOST, advance_clock, answered, check, connect, journal,
                     jwt_part, passed_count, publish, raises, session_owner, session_view, video)

state = {}


@check("create_session (routed) mints a session id that carries the application id")
def _():
    session = video.create_session(SessionOptions(media_mode=MediaMode.ROUTED, archive_mode=ArchiveMode.MANUAL))
    answered("POST session.create 200")
    assert session.session_id.startswith("1_")
    assert session_owner(session.session_id) == APPLICATION_ID
    assert session_view(session.session_id)["mediaMode"] == "routed"
    state["session_id"] = session.session_id


@check("create_session: no options (an empty form) is relayed, SessionOptions() routed, RELAYED relayed, e2ee=True accepted")
def _():
    # create_session() posts no body at all; SessionOptions() defaults p2p.preference to disabled.
    assert session_view(video.create_session().session_id)["mediaMode"] == "relayed"
    assert session_view(video.create_session(SessionOptions()).session_id)["mediaMode"] == "routed"
    relayed = video.create_session(SessionOptions(media_mode=MediaMode.RELAYED))
    assert session_view(relayed.session_id)["mediaMode"] == "relayed"
    # The SDK sends media_mode=... besides p2p.preference, and e2ee as "True".
    e2ee = video.create_session(SessionOptions(media_mode=MediaMode.ROUTED, e2ee=True))
    assert session_owner(e2ee.session_id) == APPLICATION_ID


@check("generate_client_token is an RS256 JWT (subject, no class list by default); it connects a publisher")
def _():
    sid = state["session_id"]
    token = video.generate_client_token(TokenOptions(session_id=sid, connection_data="name=python-vonage"))
    assert jwt_part(token, 0) == {"alg": "RS256", "typ": "JWT"}
    claims = jwt_part(token, 1)
    assert claims["application_id"] == APPLICATION_ID
    assert claims["session_id"] == sid and claims["scope"] == "session.connect"
    assert claims["subject"] == "video" and "sub" not in claims
    assert "initial_layout_class_list" not in claims
    assert claims["exp"] - claims["iat"] == 900
    connection = connect(sid, token)
    assert connection["role"] == "publisher"
    assert connection["data"] == "name=python-vonage"
    state["stream_id"] = publish(sid, connection["connectionId"], name="camera")


@check("a moderator token with the class list as a JSON list and an explicit exp connects as moderator")
def _():
    sid = state["session_id"]
    token = video.generate_client_token(TokenOptions(
        session_id=sid, role=TokenRole.MODERATOR, initial_layout_class_list=["focus", "wide"],
        exp=int(time.time()) + 600))
    assert jwt_part(token, 1)["initial_layout_class_list"] == ["focus", "wide"]
    assert connect(sid, token)["role"] == "moderator"


@check("a client with another private key for the application is refused (403)")
def _():
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    impostor = Vonage(Auth(application_id=APPLICATION_ID, private_key=other),
                      HttpClientOptions(video_host=VIDEO_HOST, timeout=20, max_retries=0)).video
    raises("GET archive.list 403", impostor.list_archives)


@check("start_archive answers started with the session, name and layout")
def _():
    archive = video.start_archive(CreateArchiveRequest(
        session_id=state["session_id"], name="vonage-python", layout=ComposedLayout(type=LayoutType.BEST_FIT)))
    answered("POST archive.start 200")
    assert UUID.fullmatch(archive.id)
    assert archive.status == "started"
    assert archive.name == "vonage-python"
    assert archive.session_id == state["session_id"]
    state["archive_id"] = archive.id


@check("get_archive, list_archives (by session, and all) and list_streams/get_stream read it back")
def _():
    sid, aid = state["session_id"], state["archive_id"]
    assert video.get_archive(aid).status == "started"
    # ListArchivesFilter sends its session filter as ?session_id= (no serialization alias), not
    # ?sessionId=, so only membership is asserted here; the page size goes as count=100.
    items, count, _next = video.list_archives(ListArchivesFilter(session_id=sid))
    answered("GET archive.list 200")
    assert count >= 1 and aid in [a.id for a in items]
    items, _count, _next = video.list_archives(ListArchivesFilter(page_size=5, offset=0))
    assert aid in [a.id for a in items]
    assert [s.id for s in video.list_streams(sid)] == [state["stream_id"]]
    assert video.get_stream(sid, state["stream_id"]).name == "camera"


@check("change_archive_layout answers the archive with the new layout")
def _():
    archive = video.change_archive_layout(state["archive_id"], ComposedLayout(type=LayoutType.PIP))
    answered("PUT archive.layout 200")
    assert archive.id == state["archive_id"]


@check("a second archive of the recording session is a conflict (409)")
def _():
    raises("POST archive.start 409", video.start_archive, CreateArchiveRequest(session_id=state["session_id"]),
           exception=VonageError)


@check("stop_archive after 30 s of mock time reports stopped with the duration; again is 409")
def _():
    advance_clock(30)
    archive = video.stop_archive(state["archive_id"])
    answered("POST archive.stop 200")
    assert archive.status == "stopped" and archive.duration == 30
    raises("POST archive.stop 409", video.stop_archive, state["archive_id"], exception=VonageError)


@check("delete_archive is refused until processing ends (409), then works (204)")
def _():
    aid = state["archive_id"]
    raises("DELETE archive.delete 409", video.delete_archive, aid, exception=VonageError)
    advance_clock(10)
    archive = video.get_archive(aid)
    assert archive.status == "available" and archive.url.startswith(URL)
    video.delete_archive(aid)
    answered("DELETE archive.delete 204")
    assert aid not in [a.id for a in video.list_archives()[0]]
    assert video.get_archive(aid).status == "deleted"


@check("add_stream_to_archive / remove_stream_from_archive select streams of a manual-mode archive")
def _():
    sid, stream_id = state["session_id"], state["stream_id"]
    archive = video.start_archive(CreateArchiveRequest(session_id=sid, stream_mode=StreamMode.MANUAL))
    video.add_stream_to_archive(archive.id, AddStreamRequest(stream_id=stream_id, has_audio=True, has_video=False))
    answered("PATCH archive.streams 204")
    selected = video.get_archive(archive.id).streams
    assert [(s.stream_id, s.has_audio, s.has_video) for s in selected] == [(stream_id, True, False)]
    video.remove_stream_from_archive(archive.id, stream_id)
    answered("PATCH archive.streams 204")
    assert video.get_archive(archive.id).streams == []
    video.stop_archive(archive.id)


session_control.run()
media_services.run()


@check("the journal saw the vonage Python SDK")
def _():
    assert any(item["userAgent"].startswith("vonage-python-sdk/") for item in journal())


print(f"{passed_count()} passed, 0 failed")
