"""Media services through vonage-video in application mode: broadcasts (start with HLS and
RTMP, get, list, layout, manual stream selection, stop), live captions (start, stop),
Experience Composer renders (start, get, list, stop) and the Audio Connector (start, ended
by disconnect_client), and stream class lists (change_stream_layout, which reads the
updated streams back from the answer). The mock clock moves the asynchronous ones on."""

from vonage_video.models.audio_connector import AudioConnectorOptions, AudioConnectorWebSocket
from vonage_video.models.broadcast import (BroadcastHls, BroadcastOutputSettings, BroadcastRtmp,
                                           CreateBroadcastRequest, ListBroadcastsFilter)
from vonage_video.models.captions import CaptionsOptions
from vonage_video.models.common import AddStreamRequest, ComposedLayout
from vonage_video.models.enums import AudioSampleRate, LayoutType, StreamMode, VideoResolution
from vonage_video.models.experience_composer import (ExperienceComposerOptions, ExperienceComposerProperties,
                                                     ListExperienceComposersFilter)
from vonage_video.models.stream import StreamLayout, StreamLayoutOptions

from harness import UNKNOWN_ID, URL, UUID, advance_clock, answered, check, control, publish, raises, session_view, video
from session_control import client_token, routed_session_with_publisher


def broadcasts():
    sid, connection = routed_session_with_publisher("name=broadcaster")
    camera = publish(sid, connection, name="camera")
    screen = publish(sid, connection, name="screen", videoType="screen")
    state = {}

    @check("start_broadcast (HLS + RTMP, layout, resolution, maxDuration, manual mode, tag) answers it started")
    def _():
        broadcast = video.start_broadcast(CreateBroadcastRequest(
            session_id=sid,
            outputs=BroadcastOutputSettings(
                hls=BroadcastHls(dvr=True),
                rtmp=[BroadcastRtmp(id="main", server_url="rtmp://127.0.0.1/live", stream_name="main-key")]),
            layout=ComposedLayout(type=LayoutType.BEST_FIT), resolution=VideoResolution.RES_1280x720,
            max_duration=5400, stream_mode=StreamMode.MANUAL, multi_broadcast_tag="vonage-python"))
        answered("POST broadcast.start 200")
        assert UUID.fullmatch(broadcast.id)
        assert broadcast.session_id == sid and broadcast.status == "started"
        assert broadcast.stream_mode == "manual" and broadcast.max_duration == 5400
        assert broadcast.broadcast_urls.hls == f"{URL}/_mock/broadcasts/{broadcast.id}/hls/index.m3u8"
        assert [o.id for o in broadcast.broadcast_urls.rtmp] == ["main"]
        state["id"] = broadcast.id

    @check("get_broadcast and list_broadcasts (by session) read it back; change_broadcast_layout changes it")
    def _():
        assert video.get_broadcast(state["id"]).id == state["id"]
        # The session filter goes as ?session_id= (see interop.py): membership only.
        items, count, _next = video.list_broadcasts(ListBroadcastsFilter(session_id=sid))
        answered("GET broadcast.list 200")
        assert count >= 1 and state["id"] in [b.id for b in items]
        video.change_broadcast_layout(state["id"], ComposedLayout(type=LayoutType.PIP))
        answered("PUT broadcast.layout 200")

    @check("add_stream_to_broadcast / remove_stream_from_broadcast select streams; an unknown stream is 404")
    def _():
        video.add_stream_to_broadcast(state["id"], AddStreamRequest(stream_id=camera))
        answered("PATCH broadcast.streams 204")
        video.add_stream_to_broadcast(state["id"], AddStreamRequest(stream_id=screen, has_video=False))
        video.remove_stream_from_broadcast(state["id"], screen)
        answered("PATCH broadcast.streams 204")
        assert [s.stream_id for s in video.get_broadcast(state["id"]).streams] == [camera]
        raises("PATCH broadcast.streams 404", video.add_stream_to_broadcast, state["id"],
               AddStreamRequest(stream_id=UNKNOWN_ID))

    @check("stop_broadcast answers stopped; a second stop is 404")
    def _():
        advance_clock(5)
        assert video.stop_broadcast(state["id"]).status == "stopped"
        answered("POST broadcast.stop 200")
        raises("POST broadcast.stop 404", video.stop_broadcast, state["id"])


def captions():
    sid, _connection = routed_session_with_publisher("name=speaker")
    token = client_token(sid, "name=captions", role="moderator")
    state = {}

    @check("start_captions (language, maxDuration, partialCaptions) answers the captions id; they are started")
    def _():
        data = video.start_captions(CaptionsOptions(session_id=sid, token=token, language_code="en-US",
                                                    max_duration=1800, partial_captions=False))
        answered("POST captions.start 202")
        assert UUID.fullmatch(data.captions_id)
        res = control("GET", f"/_mock/captions/{data.captions_id}")
        assert res.status_code == 200, res.text
        shown = res.json()
        assert shown["sessionId"] == sid and shown["status"] == "started"
        assert shown["maxDuration"] == 1800 and shown["partialCaptions"] is False
        raises("POST captions.start 409", video.start_captions, CaptionsOptions(session_id=sid, token=token))
        state["data"] = data

    @check("stop_captions stops them; again is 404")
    def _():
        video.stop_captions(state["data"])
        answered("POST captions.stop 202")
        assert control("GET", f"/_mock/captions/{state['data'].captions_id}").json()["status"] == "stopped"
        raises("POST captions.stop 404", video.stop_captions, state["data"])


def renders():
    sid, _connection = routed_session_with_publisher("name=presenter")
    token = client_token(sid, "name=composer")
    state = {}

    @check("start_experience_composer (name, resolution, maxDuration) starts; 2 s later it publishes")
    def _():
        render = video.start_experience_composer(ExperienceComposerOptions(
            session_id=sid, token=token, url=f"{URL}/_mock/health", max_duration=600,
            resolution=VideoResolution.RES_1280x720, properties=ExperienceComposerProperties(name="composed")))
        answered("POST render.start 202")
        assert UUID.fullmatch(render.id)
        assert render.status == "starting" and render.session_id == sid
        advance_clock(2)
        render = video.get_experience_composer(render.id)
        answered("GET render.get 200")
        assert render.status == "started"
        stream = next(s for s in session_view(sid)["streams"] if s["id"] == render.stream_id)
        assert stream["name"] == "composed"
        state["id"] = render.id

    @check("list_experience_composers lists it; stop_experience_composer stops it; again is 404")
    def _():
        items, count, _next = video.list_experience_composers(ListExperienceComposersFilter(page_size=10))
        answered("GET render.list 200")
        assert count >= 1 and state["id"] in [r.id for r in items]
        video.stop_experience_composer(state["id"])
        answered("DELETE render.stop 200")
        assert video.get_experience_composer(state["id"]).status == "stopped"
        raises("DELETE render.stop 404", video.stop_experience_composer, state["id"])


def audio_connector():
    sid, host = routed_session_with_publisher("name=host")
    camera = publish(sid, host, name="camera")
    state = {}

    @check("start_audio_connector (streams, headers, audioRate) adds a websocket connection subscribed to it")
    def _():
        data = video.start_audio_connector(AudioConnectorOptions(
            session_id=sid, token=client_token(sid, "name=transcriber"),
            websocket=AudioConnectorWebSocket(uri="wss://127.0.0.1:9/audio", streams=[camera],
                                              headers={"X-Room": "seven"}, audio_rate=AudioSampleRate.KHZ_16)))
        answered("POST audio.connect 200")
        assert UUID.fullmatch(data.id)
        connection = next(c for c in session_view(sid)["connections"] if c["connectionId"] == data.connection_id)
        assert connection["kind"] == "websocket" and connection["subscribedStreams"] == [camera]
        state["data"] = data

    @check("disconnect_client of its connection ends the Audio Connector call")
    def _():
        video.disconnect_client(sid, state["data"].connection_id)
        answered("DELETE connection.disconnect 204")
        res = control("GET", f"/_mock/audio-connectors/{state['data'].id}")
        assert res.status_code == 200, res.text
        assert res.json()["connected"] is False


def stream_class_lists():
    sid, connection = routed_session_with_publisher("name=classes")
    camera = publish(sid, connection, name="camera")
    screen = publish(sid, connection, name="screen", videoType="screen")

    @check("change_stream_layout sets the class lists of two streams and answers them as updated")
    def _():
        streams = video.change_stream_layout(sid, StreamLayoutOptions(items=[
            StreamLayout(id=camera, layout_class_list=["full", "focus"]),
            StreamLayout(id=screen, layout_class_list=[])]))
        answered("PUT stream.class-lists 200")
        assert [(s.id, s.layout_class_list) for s in streams] == [(camera, ["full", "focus"]), (screen, [])]
        assert video.get_stream(sid, camera).layout_class_list == ["full", "focus"]


def run():
    broadcasts()
    stream_class_lists()
    captions()
    renders()
    audio_connector()
