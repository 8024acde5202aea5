"""Session control through the PyPI package: send_signal (whole session and one connection),
signal (its deprecated alias), force_disconnect, mute_stream, mute_all (with excluded
streams) and disable_force_mute, with each effect read from the mock's control plane. py-ot
3.15 has no call that lists a session's connections.

py-ot's error types here: send_signal tests `if response:` first, so every 4xx surfaces as
RequestError carrying the status (its SignalingError branches are unreachable); mute_stream,
mute_all and disable_force_mute wrap every error in a plain OpenTokException."""

import warnings

from opentok.exceptions import ForceDisconnectError, OpenTokException, RequestError

from harness import (UNKNOWN_ID, UNKNOWN_SESSION_ID, answered, check, client_token, connect, inbox, mock_now,
                     opentok, publish, raises, routed_session_with_publisher, session_view)


def muted_by_stream(session_id):
    return {stream["id"]: stream["audioMuted"] for stream in session_view(session_id)["streams"]}


def signals():
    session_id, alice = routed_session_with_publisher("name=alice")
    bob = connect(session_id, client_token(session_id, "name=bob"))["connectionId"]

    @check("send_signal to the session lands in every connected client's inbox")
    def _():
        at = mock_now()
        assert opentok.send_signal(session_id, {"type": "chat", "data": "hello everyone"}) is None
        answered("POST signal.session 204")
        for connection_id in (alice, bob):
            assert inbox(session_id, connection_id, "signals") == [{"type": "chat", "data": "hello everyone", "at": at}]

    @check("send_signal to one connection lands in its inbox only; the deprecated signal alias works too")
    def _():
        opentok.send_signal(session_id, {"type": "private", "data": "just for bob"}, bob)
        answered("POST signal.connection 204")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            opentok.signal(session_id, {"type": "private", "data": "again"}, connection_id=bob)
        assert [s["data"] for s in inbox(session_id, bob, "signals")] == ["hello everyone", "just for bob", "again"]
        assert len(inbox(session_id, alice, "signals")) == 1

    @check("send_signal errors: no data (400), type over 128 bytes and data over 8 kB (413), unknown connection or "
           "session (404), as RequestError with the status")
    def _():
        cases = [
            ("POST signal.session 400", session_id, {"type": "chat"}, None),
            ("POST signal.connection 413", session_id, {"type": "t" * 129, "data": "x"}, bob),
            ("POST signal.session 413", session_id, {"type": "big", "data": "x" * 8193}, None),
            ("POST signal.connection 404", session_id, {"data": "x"}, UNKNOWN_ID),
            ("POST signal.session 404", UNKNOWN_SESSION_ID, {"data": "x"}, None),
        ]
        for expected, sid, payload, connection_id in cases:
            error = raises(expected, RequestError, opentok.send_signal, sid, payload, connection_id)
            assert error.args[1] == int(expected.split()[-1]), error.args
        assert len(inbox(session_id, bob, "signals")) == 3

    @check("send_signal at the size limits is delivered")
    def _():
        opentok.send_signal(session_id, {"type": "t" * 128, "data": "x" * 8192}, alice)
        last = inbox(session_id, alice, "signals")[-1]
        assert (len(last["type"]), len(last["data"])) == (128, 8192)


def force_disconnect():
    session_id, host = routed_session_with_publisher("name=host")
    guest = connect(session_id, client_token(session_id, "name=guest"))["connectionId"]
    guest_stream = publish(session_id, guest, name="guest-camera")

    @check("force_disconnect removes the connection and its streams, recorded as forceDisconnected")
    def _():
        assert opentok.force_disconnect(session_id, guest) is None
        answered("DELETE connection.disconnect 204")
        view = session_view(session_id)
        assert [c["connectionId"] for c in view["connections"]] == [host]
        assert guest_stream not in [s["id"] for s in view["streams"]]
        left = next(c for c in view["leftConnections"] if c["connectionId"] == guest)
        assert (left["reason"], left["data"]) == ("forceDisconnected", "name=guest")

    @check("force_disconnect of a gone or unknown connection, or of an unknown session, is 404 (ForceDisconnectError)")
    def _():
        raises("DELETE connection.disconnect 404", ForceDisconnectError, opentok.force_disconnect, session_id, guest)
        raises("DELETE connection.disconnect 404", ForceDisconnectError, opentok.force_disconnect, session_id, UNKNOWN_ID)
        raises("DELETE connection.disconnect 404", ForceDisconnectError, opentok.force_disconnect, UNKNOWN_SESSION_ID, host)
        raises("POST signal.connection 404", RequestError, opentok.send_signal, session_id, {"data": "x"}, guest)


def force_mute():
    session_id, host = routed_session_with_publisher("name=host")
    guest = connect(session_id, client_token(session_id, "name=guest"))["connectionId"]
    host_camera = publish(session_id, host, name="host-camera")
    guest_camera = publish(session_id, guest, name="guest-camera")
    guest_screen = publish(session_id, guest, name="guest-screen", videoType="screen")

    @check("mute_stream (it posts no body) mutes that stream only")
    def _():
        assert opentok.mute_stream(session_id, guest_camera).status_code == 200
        answered("POST stream.mute 200")
        assert muted_by_stream(session_id) == {host_camera: False, guest_camera: True, guest_screen: False}

    @check("mute_stream of an unknown stream or session is 404 (a plain OpenTokException)")
    def _():
        raises("POST stream.mute 404", OpenTokException, opentok.mute_stream, session_id, UNKNOWN_ID)
        raises("POST stream.mute 404", OpenTokException, opentok.mute_stream, UNKNOWN_SESSION_ID, host_camera)

    @check("mute_all with excluded streams (sent as excludedStreams) mutes every other stream, also later ones")
    def _():
        assert opentok.mute_all(session_id, [host_camera]).status_code == 200
        answered("POST session.mute 200")
        assert session_view(session_id)["muteAll"] == {"active": True, "excludedStreamIds": [host_camera]}
        assert muted_by_stream(session_id) == {host_camera: False, guest_camera: True, guest_screen: True}
        late = publish(session_id, guest, name="late")
        assert muted_by_stream(session_id)[late] is True

    @check("disable_force_mute ends the mute state: later streams publish unmuted, muted ones stay muted")
    def _():
        assert opentok.disable_force_mute(session_id).status_code == 200
        answered("POST session.mute 200")
        assert session_view(session_id)["muteAll"]["active"] is False
        after = publish(session_id, host, name="after")
        muted = muted_by_stream(session_id)
        assert (muted[after], muted[guest_camera]) == (False, True)

    @check("mute_all without exclusions mutes every stream; an unknown session is 404")
    def _():
        opentok.mute_all(session_id, None)
        assert session_view(session_id)["muteAll"] == {"active": True, "excludedStreamIds": []}
        assert all(muted_by_stream(session_id).values())
        raises("POST session.mute 404", OpenTokException, opentok.mute_all, UNKNOWN_SESSION_ID, None)
        raises("POST session.mute 404", OpenTokException, opentok.disable_force_mute, UNKNOWN_SESSION_ID)


def run():
    signals()
    force_disconnect()
    force_mute()
