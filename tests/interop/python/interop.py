"""The official `opentok` PyPI package against opentok-mock, unchanged: only its api_url
points at the mock. Usage: python interop.py (with OPENTOK_MOCK_URL, OPENTOK_API_KEY and
OPENTOK_API_SECRET set, e.g. by run-interop.sh). Stops at the first failure and prints
"N passed, 0 failed" at the end. Sessions, tokens and the archive lifecycle are here;
archive layouts and stream selection, broadcasts, streams with their class lists, moderation
(signals, force-disconnect, force-mute), SIP, live captions, renders and the Audio Connector
have a file each."""

import datetime

from opentok import MediaModes, Roles
from opentok.exceptions import ArchiveError, AuthError, NotFoundError, RequestError

import archive_selection
import audio_connector
import broadcasts
import harness
import live_captions
import moderation
import renders
import sip_calls
import streams
from harness import (API_KEY, API_SECRET, UNKNOWN_ID, URL, advance_clock, answered, check, connect, control,
                     opentok, publish, raises, session_path, wrong_secret_client)


def main():
    state = {}

    @check("create_session (routed and the default relayed) gives session ids the SDK accepts")
    def _():
        routed = opentok.create_session(media_mode=MediaModes.routed)
        answered("POST session.create 200")
        assert routed.session_id.startswith("1_"), routed.session_id
        assert control("GET", session_path(routed.session_id)).json()["mediaMode"] == "routed"
        relayed = opentok.create_session()
        assert control("GET", session_path(relayed.session_id)).json()["mediaMode"] == "relayed"
        state["session"] = routed.session_id

    @check("generate_token (JWT, the default) connects a publisher that publishes")
    def _():
        token = opentok.generate_token(state["session"], role=Roles.publisher, data="name=python")
        assert not token.startswith("T1==")
        connection = connect(state["session"], token)
        assert (connection["role"], connection["data"], connection["tokenFormat"]) == ("publisher", "name=python", "jwt")
        state["stream"] = publish(state["session"], connection["connectionId"], name="camera")

    @check("generate_token (T1, with an expiry) connects a moderator")
    def _():
        expire = int(datetime.datetime.now().timestamp()) + 600
        token = opentok.generate_token(state["session"], role=Roles.moderator, expire_time=expire, use_jwt=False)
        assert token.startswith("T1==")
        connection = connect(state["session"], token)
        assert (connection["role"], connection["tokenFormat"]) == ("moderator", "t1")

    @check("start_archive (it sends null name/resolution/tag/bitrate members) answers started")
    def _():
        archive = opentok.start_archive(state["session"], name="python")
        answered("POST archive.start 200")
        assert (archive.status, archive.name, archive.session_id) == ("started", "python", state["session"])
        assert archive.partner_id == int(API_KEY)
        assert archive.created_at.tzinfo is not None
        state["archive"] = archive

    @check("get_archive, list_archives and list_streams/get_stream read it back")
    def _():
        archive_id = state["archive"].id
        archive = opentok.get_archive(archive_id)
        assert (archive.id, archive.status) == (archive_id, "started")
        listed = opentok.list_archives(session_id=state["session"])
        assert listed.count == 1 and [a.id for a in listed] == [archive_id]
        page = opentok.list_archives(offset=0, count=10)
        assert archive_id in [a.id for a in page]
        session_streams = opentok.list_streams(state["session"])
        assert session_streams.count == 1 and len(session_streams) == 1
        stream = opentok.get_stream(state["session"], state["stream"])
        assert (stream.id, stream.name, stream.videoType, stream.layoutClassList) == (state["stream"], "camera", "camera", [])

    @check("a second archive of the recording session is a conflict (409)")
    def _():
        raises("POST archive.start 409", ArchiveError, opentok.start_archive, state["session"])

    @check("stop_archive after 30 s of mock time reports stopped with the duration; stopping again is 409")
    def _():
        advance_clock(30)
        archive = opentok.stop_archive(state["archive"].id)
        assert (archive.status, archive.duration) == ("stopped", 30)
        raises("POST archive.stop 409", ArchiveError, opentok.stop_archive, state["archive"].id)

    @check("delete_archive is refused until processing ends, then works")
    def _():
        archive_id = state["archive"].id
        raises("DELETE archive.delete 409", RequestError, opentok.delete_archive, archive_id)
        advance_clock(10)
        archive = opentok.get_archive(archive_id)
        assert archive.status == "available" and archive.url.startswith(URL) and archive.size > 0
        opentok.delete_archive(archive_id)
        answered("DELETE archive.delete 204")
        assert opentok.list_archives(session_id=state["session"]).count == 0
        assert opentok.get_archive(archive_id).status == "deleted"
        raises("GET archive.get 404", NotFoundError, opentok.get_archive, UNKNOWN_ID)
        raises("POST archive.stop 404", NotFoundError, opentok.stop_archive, UNKNOWN_ID)

    archive_selection.run()
    broadcasts.run()
    streams.run()
    moderation.run()
    sip_calls.run()
    live_captions.run()
    renders.run()
    audio_connector.run()

    @check("a wrong secret is an authentication error (403)")
    def _():
        raises("GET archive.list 403", AuthError, wrong_secret_client.list_archives)

    @check("the journal saw the Python SDK and kept no secrets")
    def _():
        journal = control("GET", "/_mock/requests")
        agents = {item["userAgent"].split(" ")[0] for item in journal.json()["items"]}
        assert "OpenTok-Python-SDK/3.15.0" in agents, agents
        assert API_SECRET not in journal.text

    print(f"{harness.passed_count()} passed, 0 failed")


if __name__ == "__main__":
    main()
