"""SIP interconnect through the PyPI package: dial (every option py-ot passes through in
"sip") and play_dtmf to the whole session or to one connection. The effects come from the
mock's control plane: the call's connection (kind sip) publishing its stream, the SIP calls
in progress, and the digits each connection heard. py-ot's play_dtmf wraps every error in a
plain OpenTokException."""

from opentok.exceptions import AuthError, OpenTokException, SipDialError

from harness import (UNKNOWN_ID, UNKNOWN_SESSION_ID, answered, check, client_token, control, inbox, mock_now,
                     opentok, publish, raises, relayed_session_with_client, routed_session_with_publisher,
                     session_path, session_view)


def sip_calls(session_id):
    res = control("GET", session_path(session_id) + "/sip-calls")
    assert res.status_code == 200, res.text
    return res.json()


def run():
    session_id, host = routed_session_with_publisher("name=host")
    host_camera = publish(session_id, host, name="camera")
    calls = {}

    @check("dial with from, headers, auth, secure, video, observeForceMute and streams adds a publishing SIP connection")
    def _():
        call = opentok.dial(session_id, client_token(session_id, "name=phone"), "sip:+15550100@sip.example.com", {
            "from": "15550199@example.com",
            "headers": {"X-Conference-Id": "room-7"},
            "auth": {"username": "pbx-user", "password": "pbx-password"},
            "secure": True,
            "video": True,
            "observeForceMute": True,
            "streams": [host_camera],
        })
        answered("POST sip.dial 200")
        assert all(isinstance(value, str) for value in (call.id, call.connectionId, call.streamId))
        view = session_view(session_id)
        connection = next(c for c in view["connections"] if c["connectionId"] == call.connectionId)
        assert (connection["kind"], connection["data"]) == ("sip", "name=phone")
        stream = next(s for s in view["streams"] if s["id"] == call.streamId)
        assert (stream["connectionId"], stream["hasAudio"], stream["hasVideo"]) == (call.connectionId, True, True)
        calls["first"] = call

    @check("the control plane shows the call with what the dial asked for (no password)")
    def _():
        shown = sip_calls(session_id)
        assert shown["count"] == 1 and shown["items"][0]["id"] == calls["first"].id
        assert shown["items"][0]["sip"] == {
            "uri": "sip:+15550100@sip.example.com",
            "from": "15550199@example.com",
            "headers": {"X-Conference-Id": "room-7"},
            "secure": True,
            "video": True,
            "observeForceMute": True,
            "streams": [host_camera],
            "auth": {"username": "pbx-user"},
        }
        assert "pbx-password" not in control("GET", session_path(session_id) + "/sip-calls").text

    @check("a dial without options publishes an audio-only stream")
    def _():
        call = opentok.dial(session_id, client_token(session_id, "name=desk"), "sips:desk@pbx.example.com")
        stream = next(s for s in session_view(session_id)["streams"] if s["id"] == call.streamId)
        assert (stream["hasAudio"], stream["hasVideo"]) == (True, False)
        calls["second"] = call

    @check("play_dtmf to the session reaches every SIP call and no other connection")
    def _():
        at = mock_now()
        assert opentok.play_dtmf(session_id, None, "1234#").status_code == 200
        answered("POST sip.dtmf.session 200")
        for call in calls.values():
            assert inbox(session_id, call.connectionId, "dtmf") == [{"digits": "1234#", "at": at}]
        assert inbox(session_id, host, "dtmf") == []

    @check("play_dtmf to one connection reaches that call only")
    def _():
        opentok.play_dtmf(session_id, calls["second"].connectionId, "*9p0")
        answered("POST sip.dtmf.connection 200")
        assert [d["digits"] for d in inbox(session_id, calls["second"].connectionId, "dtmf")] == ["1234#", "*9p0"]
        assert len(inbox(session_id, calls["first"].connectionId, "dtmf")) == 1

    @check("play_dtmf errors: invalid digits (400), unknown connection or session (404)")
    def _():
        raises("POST sip.dtmf.session 400", OpenTokException, opentok.play_dtmf, session_id, None, "12a")
        raises("POST sip.dtmf.connection 400", OpenTokException, opentok.play_dtmf, session_id,
               calls["first"].connectionId, "abc")
        raises("POST sip.dtmf.connection 404", OpenTokException, opentok.play_dtmf, session_id, UNKNOWN_ID, "1")
        raises("POST sip.dtmf.session 404", OpenTokException, opentok.play_dtmf, UNKNOWN_SESSION_ID, None, "1")
        assert len(inbox(session_id, calls["first"].connectionId, "dtmf")) == 1

    @check("force_disconnect of the SIP connection ends the call and its stream")
    def _():
        first = calls["first"]
        opentok.force_disconnect(session_id, first.connectionId)
        view = session_view(session_id)
        assert first.streamId not in [s["id"] for s in view["streams"]]
        left = next(c for c in view["leftConnections"] if c["connectionId"] == first.connectionId)
        assert left["reason"] == "forceDisconnected"
        assert [c["id"] for c in sip_calls(session_id)["items"]] == [calls["second"].id]

    @check("dial errors: bad SIP URI (400), token of another session (403), unknown session (404), relayed (409)")
    def _():
        token = client_token(session_id, "name=x")
        raises("POST sip.dial 400", SipDialError, opentok.dial, session_id, token, "tel:+15550100")
        other = opentok.create_session().session_id
        raises("POST sip.dial 403", AuthError, opentok.dial, session_id, client_token(other, "name=x"), "sip:a@example.com")
        raises("POST sip.dial 404", SipDialError, opentok.dial, UNKNOWN_SESSION_ID, token, "sip:a@example.com")
        relayed, relayed_token = relayed_session_with_client()
        error = raises("POST sip.dial 409", SipDialError, opentok.dial, relayed, relayed_token, "sip:a@example.com")
        assert "OpenTok Media Router" in str(error)
        assert sum(c["kind"] == "sip" for c in session_view(session_id)["connections"]) == 1
