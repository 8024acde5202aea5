"""Live-streaming broadcasts through the PyPI package: start_broadcast (HLS and RTMP outputs,
layout, resolution, maxDuration, maxBitrate, stream mode, multiBroadcastTag), get_broadcast,
set_broadcast_layout, add_broadcast_stream, remove_broadcast_stream, stop_broadcast, with
output statuses driven by the mock's control plane and clock. (py-ot 3.15 has no call that
lists broadcasts.)"""

import re

import requests
from opentok import BroadcastStreamModes, MediaModes, Roles
from opentok.exceptions import AuthError, BroadcastError, RequestError

from harness import (API_KEY, UNKNOWN_ID, UNKNOWN_SESSION_ID, URL, advance_clock, answered, check, connect,
                     control, opentok, publish, raises, rest_get, routed_session_with_publisher, session_path,
                     wrong_secret_client)

STYLESHEET = "stream { float: left; width: 50%; height: 100%; }"
RTMP = [
    {"id": "main", "serverUrl": "rtmp://127.0.0.1/live", "streamName": "main-key"},
    {"id": "backup", "serverUrl": "rtmps://127.0.0.1:4443/live", "streamName": "backup-key"},
]
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def answer(broadcast_id):
    # py-ot's Broadcast object drops layout, settings and multiBroadcastTag: read the answer.
    return rest_get(opentok.endpoints.get_broadcast_url(broadcast_id))


def selection(broadcast_id):
    return sorted(opentok.get_broadcast(broadcast_id).streams, key=lambda s: s["streamId"])


def rtmp_statuses(broadcast):
    return [output["status"] for output in broadcast.broadcastUrls["rtmp"]]


def run():
    session_id, connection_id = routed_session_with_publisher("name=broadcasts")
    camera = publish(session_id, connection_id, name="camera")
    screen = publish(session_id, connection_id, name="screen", videoType="screen")
    state = {}

    @check("start_broadcast with HLS and RTMP outputs, layout, resolution, maxDuration, manual mode and a tag")
    def _():
        broadcast = opentok.start_broadcast(session_id, {
            "outputs": {"hls": {"lowLatency": True, "dvr": False}, "rtmp": RTMP},
            "layout": {"type": "custom", "stylesheet": STYLESHEET},
            "resolution": "1920x1080",
            "maxDuration": 5400,
            "maxBitrate": 2500000,
            "hasAudio": True,
            "hasVideo": True,
            "multiBroadcastTag": "main",
        }, stream_mode=BroadcastStreamModes.manual)
        answered("POST broadcast.start 200")
        assert UUID.fullmatch(broadcast.id), broadcast.id
        assert (broadcast.sessionId, broadcast.projectId, broadcast.status) == (session_id, int(API_KEY), "started")
        assert (broadcast.resolution, broadcast.maxDuration, broadcast.maxBitrate) == ("1920x1080", 5400, 2500000)
        assert (broadcast.stream_mode, broadcast.streams, broadcast.hasAudio, broadcast.hasVideo) == ("manual", [], True, True)
        assert broadcast.broadcastUrls["hls"] == f"{URL}/_mock/broadcasts/{broadcast.id}/hls/index.m3u8"
        assert broadcast.broadcastUrls["hlsStatus"] == "connecting"
        assert broadcast.broadcastUrls["rtmp"] == [dict(output, status="connecting") for output in RTMP]
        full = answer(broadcast.id)
        assert full["layout"] == {"type": "custom", "stylesheet": STYLESHEET}
        assert full["settings"] == {"hls": {"lowLatency": True, "dvr": False}}
        assert full["multiBroadcastTag"] == "main"
        state["main"] = broadcast.id

    @check("the HLS URL serves a playlist without credentials")
    def _():
        res = requests.get(opentok.get_broadcast(state["main"]).broadcastUrls["hls"], timeout=20)
        assert res.status_code == 200
        assert res.headers["Content-Type"].split(";")[0] == "application/vnd.apple.mpegurl"
        assert res.text.startswith("#EXTM3U"), res.text

    @check("outputs read live after the connecting start answer while the session publishes")
    def _():
        broadcast = opentok.get_broadcast(state["main"])
        answered("GET broadcast.get 200")
        assert broadcast.broadcastUrls["hlsStatus"] == "live"
        assert rtmp_statuses(broadcast) == ["live", "live"]

    @check("add_broadcast_stream selects streams with their audio/video flags")
    def _():
        assert opentok.add_broadcast_stream(state["main"], camera, has_audio=False) is None
        answered("PATCH broadcast.streams 204")
        opentok.add_broadcast_stream(state["main"], screen)
        expected = [{"streamId": camera, "hasAudio": False, "hasVideo": True},
                    {"streamId": screen, "hasAudio": True, "hasVideo": True}]
        assert selection(state["main"]) == sorted(expected, key=lambda s: s["streamId"])

    @check("add_broadcast_stream on a selected stream updates its flags")
    def _():
        opentok.add_broadcast_stream(state["main"], camera, has_audio=True, has_video=False)
        selected = {s["streamId"]: s for s in selection(state["main"])}
        assert selected[camera] == {"streamId": camera, "hasAudio": True, "hasVideo": False}

    @check("remove_broadcast_stream drops a stream from the selection")
    def _():
        assert opentok.remove_broadcast_stream(state["main"], camera) is None
        answered("PATCH broadcast.streams 204")
        assert selection(state["main"]) == [{"streamId": screen, "hasAudio": True, "hasVideo": True}]

    @check("broadcast stream selection errors: unknown stream, unselected stream, unknown broadcast (404)")
    def _():
        error = raises("PATCH broadcast.streams 404", RequestError, opentok.add_broadcast_stream, state["main"], UNKNOWN_ID)
        assert error.args[1] == 404
        raises("PATCH broadcast.streams 404", RequestError, opentok.remove_broadcast_stream, state["main"], camera)
        raises("PATCH broadcast.streams 404", RequestError, opentok.add_broadcast_stream, UNKNOWN_ID, camera)
        assert len(selection(state["main"])) == 1

    @check("set_broadcast_layout changes the layout; the broadcast shows it")
    def _():
        assert opentok.set_broadcast_layout(state["main"], "bestFit", screenshare_type="pip") is None
        answered("PUT broadcast.layout 200")
        assert answer(state["main"])["layout"] == {"type": "bestFit", "screenshareType": "pip"}
        opentok.set_broadcast_layout(state["main"], "verticalPresentation")
        assert answer(state["main"])["layout"] == {"type": "verticalPresentation"}

    @check("set_broadcast_layout errors: unknown type, custom without stylesheet (400), unknown broadcast (404)")
    def _():
        raises("PUT broadcast.layout 400", BroadcastError, opentok.set_broadcast_layout, state["main"], "diagonal")
        raises("PUT broadcast.layout 400", BroadcastError, opentok.set_broadcast_layout, state["main"], "custom")
        raises("PUT broadcast.layout 404", RequestError, opentok.set_broadcast_layout, UNKNOWN_ID, "pip")
        assert answer(state["main"])["layout"] == {"type": "verticalPresentation"}

    @check("simultaneous broadcasts of a session need distinct multiBroadcastTags, no tag being one (409)")
    def _():
        def options(**extra):
            return dict({"outputs": {"rtmp": [{"serverUrl": "rtmp://127.0.0.1/second", "streamName": "second"}]}}, **extra)
        raises("POST broadcast.start 409", BroadcastError, opentok.start_broadcast, session_id, options(multiBroadcastTag="main"))
        second = opentok.start_broadcast(session_id, options())
        raises("POST broadcast.start 409", BroadcastError, opentok.start_broadcast, session_id, options())
        # The defaults: SD, 2 hours, auto stream mode, best fit; no tag; RTMP only, so no HLS members.
        assert (second.status, second.resolution, second.maxDuration, second.stream_mode) == ("started", "640x480", 7200, "auto")
        assert (second.maxBitrate, second.streams) == (None, None)
        assert "hls" not in second.broadcastUrls and "hlsStatus" not in second.broadcastUrls
        assert [o["serverUrl"] for o in second.broadcastUrls["rtmp"]] == ["rtmp://127.0.0.1/second"]
        full = answer(second.id)
        assert "settings" not in full and "multiBroadcastTag" not in full and full["layout"] == {"type": "bestFit"}
        state["second"] = second.id

    @check("an auto-mode broadcast refuses stream selection (405)")
    def _():
        error = raises("PATCH broadcast.streams 405", RequestError, opentok.add_broadcast_stream, state["second"], camera)
        assert error.args[1] == 405
        raises("PATCH broadcast.streams 405", RequestError, opentok.remove_broadcast_stream, state["second"], camera)

    @check("start_broadcast errors: bad resolution, six RTMP outputs, no outputs (400), unknown session (404)")
    def _():
        hls = {"outputs": {"hls": {}}}
        raises("POST broadcast.start 400", BroadcastError, opentok.start_broadcast, session_id,
               dict(hls, resolution="1000x1000", multiBroadcastTag="x"))
        six = [{"id": f"o{i}", "serverUrl": "rtmp://127.0.0.1/live", "streamName": f"s{i}"} for i in range(6)]
        raises("POST broadcast.start 400", BroadcastError, opentok.start_broadcast, session_id,
               {"outputs": {"rtmp": six}, "multiBroadcastTag": "x"})
        raises("POST broadcast.start 400", BroadcastError, opentok.start_broadcast, session_id,
               {"outputs": {}, "multiBroadcastTag": "x"})
        error = raises("POST broadcast.start 404", RequestError, opentok.start_broadcast, UNKNOWN_SESSION_ID, hls)
        assert error.args[1] == 404

    @check("start_broadcast refuses a session without clients (400) and a relayed session (409)")
    def _():
        hls = {"outputs": {"hls": {}}}
        empty = opentok.create_session(media_mode=MediaModes.routed).session_id
        raises("POST broadcast.start 400", BroadcastError, opentok.start_broadcast, empty, hls)
        relayed = opentok.create_session(media_mode=MediaModes.relayed).session_id
        connect(relayed, opentok.generate_token(relayed, role=Roles.publisher))
        raises("POST broadcast.start 409", BroadcastError, opentok.start_broadcast, relayed, hls)

    @check("a control-plane output failure shows through get_broadcast; the broadcast stays started")
    def _():
        res = control("POST", f"/_mock/broadcasts/{state['main']}/fail", {"output": "backup"})
        assert res.status_code == 200, res.text
        broadcast = opentok.get_broadcast(state["main"])
        assert broadcast.status == "started"
        assert rtmp_statuses(broadcast) == ["live", "error"]
        assert broadcast.broadcastUrls["hlsStatus"] == "live"

    @check("stop_broadcast (no body, JSON content type) answers stopped without URLs; again and unknown ids are 404")
    def _():
        stopped = opentok.stop_broadcast(state["main"])
        answered("POST broadcast.stop 200")
        assert (stopped.id, stopped.status, stopped.broadcastUrls) == (state["main"], "stopped", None)
        read = opentok.get_broadcast(state["main"])
        assert (read.status, read.streams) == ("stopped", None)
        assert raises("POST broadcast.stop 404", RequestError, opentok.stop_broadcast, state["main"]).args[1] == 404
        assert raises("GET broadcast.get 404", RequestError, opentok.get_broadcast, UNKNOWN_ID).args[1] == 404
        raises("PUT broadcast.layout 409", RequestError, opentok.set_broadcast_layout, state["main"], "pip")
        raises("PATCH broadcast.streams 409", RequestError, opentok.add_broadcast_stream, state["main"], camera)
        assert opentok.stop_broadcast(state["second"]).status == "stopped"

    @check("a broadcast stops by itself at maxDuration on the mock clock")
    def _():
        short = opentok.start_broadcast(session_id, {"outputs": {"hls": {}}, "maxDuration": 60})
        advance_clock(59)
        assert opentok.get_broadcast(short.id).status == "started"
        advance_clock(1)
        ended = opentok.get_broadcast(short.id)
        assert (ended.status, ended.broadcastUrls) == ("stopped", None)

    @check("outputs go ready/offline when nobody publishes; the broadcast stops 60 s after the last client left")
    def _():
        other, connection = routed_session_with_publisher("name=leaving")
        stream = publish(other, connection, name="camera")
        broadcast_id = opentok.start_broadcast(other, {"outputs": {"hls": {}, "rtmp": RTMP[:1]}}).id

        def outputs():
            read = opentok.get_broadcast(broadcast_id)
            if read.broadcastUrls is None:
                return [read.status, None]
            return [read.status, read.broadcastUrls["hlsStatus"]] + rtmp_statuses(read)

        assert outputs() == ["started", "live", "live"]
        assert control("DELETE", f"{session_path(other)}/streams/{stream}").status_code == 204
        assert outputs() == ["started", "ready", "offline"]
        assert control("DELETE", f"{session_path(other)}/connections/{connection}").status_code == 204
        advance_clock(59)
        assert outputs() == ["started", "ready", "offline"]
        advance_clock(1)
        assert outputs() == ["stopped", None]

    @check("a wrong secret cannot start a broadcast (403)")
    def _():
        raises("POST broadcast.start 403", AuthError, wrong_secret_client.start_broadcast, session_id,
               {"outputs": {"hls": {}}})
