"""The Audio Connector through the PyPI package: connect_audio_to_websocket (uri, streams,
headers, audioRate, bidirectional). py-ot 3.15 has no call that ends the connection (the REST
API's POST .../connect/{id}/stop); a server ends it with force_disconnect of its
connection, which is checked here, and the stop route is reached once with the SDK's own
headers so that both ways are seen to end the call."""

import requests
from opentok.exceptions import AuthError, InvalidMediaModeError, InvalidWebSocketOptionsError, RequestError

from harness import (UNKNOWN_ID, UNKNOWN_SESSION_ID, answered, check, client_token, control, opentok, publish,
                     raises, relayed_session_with_client, routed_session_with_publisher, session_view)


def connector_state(connector_id):
    res = control("GET", f"/_mock/audio-connectors/{connector_id}")
    assert res.status_code == 200, res.text
    return res.json()


def stop(connector_id):
    """The REST stop route with py-ot's own headers (py-ot has no method for it)."""
    url = opentok.endpoints.get_audio_connector_url() + f"/{connector_id}/stop"
    return requests.post(url, headers=opentok.get_json_headers(), timeout=20).status_code


def run():
    session_id, host = routed_session_with_publisher("name=host")
    camera = publish(session_id, host, name="camera")
    screen = publish(session_id, host, name="screen", videoType="screen")
    token = client_token(session_id, "name=transcriber")
    state = {}

    @check("connect_audio_to_websocket with streams, headers, audioRate and bidirectional adds a websocket "
           "connection subscribed to those streams")
    def _():
        connection = opentok.connect_audio_to_websocket(session_id, token, {
            "uri": "wss://127.0.0.1:9/audio", "streams": [camera], "headers": {"X-Room": "seven"},
            "audioRate": 16000, "bidirectional": True,
        })
        answered("POST audio.connect 200")
        assert connection.id and connection.connectionId
        shown = next(c for c in session_view(session_id)["connections"] if c["connectionId"] == connection.connectionId)
        assert (shown["kind"], shown["data"], shown["subscribedStreams"]) == ("websocket", "name=transcriber", [camera])
        connector = connector_state(connection.id)
        assert (connector["uri"], connector["headerNames"], connector["audioRate"]) == ("wss://127.0.0.1:9/audio", ["X-Room"], 16000)
        assert (connector["bidirectional"], connector["connected"]) == (True, True)
        state["selective"] = connection

    @check("connect_audio_to_websocket without streams takes every stream, also one published later")
    def _():
        connection = opentok.connect_audio_to_websocket(session_id, token, {"uri": "wss://127.0.0.1:9/all"})
        assert sorted(connector_state(connection.id)["subscribedStreams"]) == sorted([camera, screen])
        assert connector_state(connection.id)["audioRate"] == 8000
        later = publish(session_id, host, name="later")
        assert sorted(connector_state(connection.id)["subscribedStreams"]) == sorted([camera, screen, later])
        state["everything"] = connection

    @check("force_disconnect of its connection ends the call: the websocket connection is gone")
    def _():
        connection_id = state["selective"].connectionId
        opentok.force_disconnect(session_id, connection_id)
        answered("DELETE connection.disconnect 204")
        view = session_view(session_id)
        assert connection_id not in [c["connectionId"] for c in view["connections"]]
        assert next(c for c in view["leftConnections"] if c["connectionId"] == connection_id)["reason"] == "forceDisconnected"
        assert connector_state(state["selective"].id)["connected"] is False

    @check("the stop route (no SDK method) ends the other call by its connection id with the SDK's headers; again "
           "it is 404")
    def _():
        everything = state["everything"]
        assert stop(everything.connectionId) == 204
        answered("POST audio.disconnect 204")
        assert not any(c["kind"] == "websocket" for c in session_view(session_id)["connections"])
        assert stop(everything.id) == 404
        assert stop(UNKNOWN_ID) == 404

    @check("connect_audio_to_websocket errors: no uri (the SDK's own check), http:// URI, audioRate and headers over "
           "512 bytes (400), token of another session (403), unknown session (404), relayed (409)")
    def _():
        try:
            opentok.connect_audio_to_websocket(session_id, token, {"streams": [camera]})
            raise AssertionError("no InvalidWebSocketOptionsError")
        except InvalidWebSocketOptionsError:
            pass
        for options in ({"uri": "http://127.0.0.1:9/a"}, {"uri": "wss://127.0.0.1:9/a", "audioRate": 44100},
                        {"uri": "wss://127.0.0.1:9/a", "headers": {"X-Big": "x" * 512}}):
            raises("POST audio.connect 400", RequestError, opentok.connect_audio_to_websocket, session_id, token, options)
        other = opentok.create_session().session_id
        raises("POST audio.connect 403", AuthError, opentok.connect_audio_to_websocket, session_id,
               client_token(other, "x"), {"uri": "wss://127.0.0.1:9/a"})
        error = raises("POST audio.connect 404", RequestError, opentok.connect_audio_to_websocket, UNKNOWN_SESSION_ID,
                       token, {"uri": "wss://127.0.0.1:9/a"})
        assert error.args[1] == 404
        relayed, relayed_token = relayed_session_with_client()
        raises("POST audio.connect 409", InvalidMediaModeError, opentok.connect_audio_to_websocket, relayed,
               relayed_token, {"uri": "wss://127.0.0.1:9/a"})
        assert not any(c["kind"] == "websocket" for c in session_view(session_id)["connections"])
