"""Session control through vonage-video in application mode: send_signal (session and one
connection), disconnect_client, mute_stream, mute_all_streams / disable_mute_all_streams,
initiate_sip_call and play_dtmf (session and one connection). Effects are read from the
mock's control plane, exact statuses from its request journal."""

from vonage_video.models.enums import MediaMode
from vonage_video.models.session import SessionOptions
from vonage_video.models.signal import SignalData
from vonage_video.models.sip import InitiateSipRequest, SipAuth, SipOptions
from vonage_video.models.token import TokenOptions

from harness import (UNKNOWN_ID, UNKNOWN_SESSION_ID, UUID, answered, check, connect, control, inbox, publish,
                     raises, session_path, session_view, text, video)


def client_token(session_id, data, role="publisher"):
    return text(video.generate_client_token(TokenOptions(session_id=session_id, connection_data=data, role=role)))


def routed_session_with_publisher(data):
    session_id = video.create_session(SessionOptions(media_mode=MediaMode.ROUTED)).session_id
    return session_id, connect(session_id, client_token(session_id, data))["connectionId"]


def muted_by_stream(session_id):
    return {s["id"]: s["audioMuted"] for s in session_view(session_id)["streams"]}


def signals_and_disconnect():
    sid, alice = routed_session_with_publisher("name=alice")
    bob = connect(sid, client_token(sid, "name=bob"))["connectionId"]
    bob_stream = publish(sid, bob, name="bob-camera")

    @check("send_signal to the session reaches every connection; to one connection only that one")
    def _():
        video.send_signal(sid, SignalData(type="chat", data="hello everyone"))
        answered("POST signal.session 204")
        video.send_signal(sid, SignalData(type="private", data="just for bob"), connection_id=bob)
        answered("POST signal.connection 204")
        assert [s["data"] for s in inbox(sid, alice, "signals")] == ["hello everyone"]
        assert [(s["type"], s["data"]) for s in inbox(sid, bob, "signals")] == [
            ("chat", "hello everyone"), ("private", "just for bob")]

    @check("send_signal to an unknown connection or session is 404")
    def _():
        raises("POST signal.connection 404", video.send_signal, sid, SignalData(type="t", data="x"),
               connection_id=UNKNOWN_ID)
        raises("POST signal.session 404", video.send_signal, UNKNOWN_SESSION_ID, SignalData(type="t", data="x"))

    @check("disconnect_client removes the connection and its stream (reason forceDisconnected); again is 404")
    def _():
        video.disconnect_client(sid, bob)
        answered("DELETE connection.disconnect 204")
        view = session_view(sid)
        assert [c["connectionId"] for c in view["connections"]] == [alice]
        assert bob_stream not in [s["id"] for s in view["streams"]]
        assert next(c for c in view["leftConnections"] if c["connectionId"] == bob)["reason"] == "forceDisconnected"
        raises("DELETE connection.disconnect 404", video.disconnect_client, sid, bob)


def mute():
    sid, host = routed_session_with_publisher("name=host")
    guest = connect(sid, client_token(sid, "name=guest"))["connectionId"]
    host_camera = publish(sid, host, name="host-camera")
    guest_camera = publish(sid, guest, name="guest-camera")

    @check("mute_stream mutes that stream only; an unknown stream is 404")
    def _():
        video.mute_stream(sid, guest_camera)
        answered("POST stream.mute 200")
        assert muted_by_stream(sid) == {host_camera: False, guest_camera: True}
        raises("POST stream.mute 404", video.mute_stream, sid, UNKNOWN_ID)

    @check("mute_all_streams with an excluded stream mutes the others, also later ones")
    def _():
        video.mute_all_streams(sid, excluded_stream_ids=[host_camera])
        answered("POST session.mute 200")
        assert session_view(sid)["muteAll"] == {"active": True, "excludedStreamIds": [host_camera]}
        late = publish(sid, guest, name="late")
        assert muted_by_stream(sid)[late] is True
        assert muted_by_stream(sid)[host_camera] is False

    @check("mute_all_streams without exclusions (the SDK sends excludedStreamIds: null) mutes every stream")
    def _():
        video.mute_all_streams(sid)
        answered("POST session.mute 200")
        assert session_view(sid)["muteAll"]["active"] is True
        assert all(muted_by_stream(sid).values())

    @check("disable_mute_all_streams (body {active: false} only) ends the mute state")
    def _():
        video.disable_mute_all_streams(sid)
        answered("POST session.mute 200")
        assert session_view(sid)["muteAll"]["active"] is False
        after = publish(sid, host, name="after")
        assert muted_by_stream(sid)[after] is False
        raises("POST session.mute 404", video.disable_mute_all_streams, UNKNOWN_SESSION_ID)


def sip():
    sid, host = routed_session_with_publisher("name=host")
    call = {}

    @check("initiate_sip_call with from, headers, auth, secure, video and observeForceMute adds a SIP connection")
    def _():
        answer = video.initiate_sip_call(InitiateSipRequest(
            session_id=sid, token=client_token(sid, "name=phone"),
            sip=SipOptions(uri="sip:+15550100@sip.example.com;transport=tls", from_="15550199@example.com",
                           headers={"X-Conference-Id": "room-7"},
                           auth=SipAuth(username="pbx-user", password="pbx-password"),
                           secure=True, video=True, observe_force_mute=True)))
        answered("POST sip.dial 200")
        assert UUID.fullmatch(answer.id)
        view = session_view(sid)
        assert next(c for c in view["connections"] if c["connectionId"] == answer.connection_id)["kind"] == "sip"
        stream = next(s for s in view["streams"] if s["id"] == answer.stream_id)
        assert stream["connectionId"] == answer.connection_id and stream["hasVideo"] is True
        calls = control("GET", session_path(sid) + "/sip-calls")
        assert calls.status_code == 200, calls.text
        shown = calls.json()["items"]
        assert [c["sip"]["uri"] for c in shown] == ["sip:+15550100@sip.example.com;transport=tls"]
        assert shown[0]["sip"]["from"] == "15550199@example.com"
        assert "pbx-password" not in calls.text
        call["connection_id"] = answer.connection_id

    @check("play_dtmf to the session reaches the SIP call only; to one connection reaches it")
    def _():
        video.play_dtmf(sid, "1234#")
        answered("POST sip.dtmf.session 200")
        video.play_dtmf(sid, "*9p0", connection_id=call["connection_id"])
        answered("POST sip.dtmf.connection 200")
        assert [d["digits"] for d in inbox(sid, call["connection_id"], "dtmf")] == ["1234#", "*9p0"]
        assert inbox(sid, host, "dtmf") == []

    @check("SIP errors: a tel: URI (400), unknown session (404)")
    def _():
        token = client_token(sid, "name=x")
        raises("POST sip.dial 400", video.initiate_sip_call,
               InitiateSipRequest(session_id=sid, token=token, sip=SipOptions(uri="tel:+15550100")))
        raises("POST sip.dtmf.session 404", video.play_dtmf, UNKNOWN_SESSION_ID, "1")


def run():
    signals_and_disconnect()
    mute()
    sip()
