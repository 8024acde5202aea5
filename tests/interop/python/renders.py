"""Experience Composer renders through the PyPI package: start_render (with the stream name
in properties), get_render, list_renders, stop_render. The page to render is a loopback URL
the mock itself serves (its health route), which the mock loads before the render joins the
session; a missing page of the mock makes the render fail. py-ot's Render object drops the
name: it is read from the answer with the SDK's own headers."""

from opentok.exceptions import AuthError, NotFoundError, RequestError

from harness import (API_KEY, UNKNOWN_ID, UNKNOWN_SESSION_ID, URL, advance_clock, answered, check, client_token,
                     opentok, raises, relayed_session_with_client, rest_get, routed_session_with_publisher,
                     session_view)

PAGE = URL + "/_mock/health"
MISSING_PAGE = URL + "/_mock/no-such-page"


def run():
    session_id, _connection = routed_session_with_publisher("name=presenter")
    token = client_token(session_id, "name=composer")
    state = {}

    @check("start_render answers a starting render with what it was given")
    def _():
        render = opentok.start_render(session_id, token, PAGE, max_duration=600, resolution="720x1280",
                                      properties={"name": "Composed view"})
        answered("POST render.start 202")
        assert (render.sessionId, render.projectId, render.status) == (session_id, API_KEY, "starting")
        assert (render.url, render.resolution, render.streamId, render.reason) == (PAGE, "720x1280", None, None)
        assert rest_get(opentok.endpoints.get_render_url(render.id))["name"] == "Composed view"
        state["render"] = render

    @check("get_render: started 2 s later on the mock clock, its connection (kind render) publishing the named stream")
    def _():
        render_id = state["render"].id
        assert opentok.get_render(render_id).status == "starting"
        advance_clock(2)
        render = opentok.get_render(render_id)
        answered("GET render.get 200")
        assert render.status == "started" and render.streamId
        view = session_view(session_id)
        stream = next(s for s in view["streams"] if s["id"] == render.streamId)
        assert stream["name"] == "Composed view"
        connection = next(c for c in view["connections"] if c["connectionId"] == stream["connectionId"])
        assert (connection["kind"], connection["data"]) == ("render", "name=composer")
        state["render"] = render

    @check("list_renders: newest first with the total, paged by offset and count")
    def _():
        second = opentok.start_render(session_id, token, PAGE)
        assert second.resolution == "1280x720"
        renders = opentok.list_renders()
        answered("GET render.list 200")
        assert renders.count >= 2
        assert [r.id for r in renders.items[:2]] == [second.id, state["render"].id]
        page = opentok.list_renders(offset=1, count=1)
        assert page.count == renders.count and [r.id for r in page.items] == [state["render"].id]
        opentok.stop_render(second.id)

    @check("stop_render: stopped \"Stopped by user\", its connection and stream leave the session")
    def _():
        render = state["render"]
        assert opentok.stop_render(render.id).status_code == 200
        answered("DELETE render.stop 200")
        stopped = opentok.get_render(render.id)
        assert (stopped.status, stopped.reason) == ("stopped", "Stopped by user")
        view = session_view(session_id)
        assert render.streamId not in [s["id"] for s in view["streams"]]
        assert not any(c["kind"] == "render" for c in view["connections"])

    @check("stop_render of a stopped or unknown render and get_render of an unknown one are 404 (NotFoundError)")
    def _():
        raises("DELETE render.stop 404", NotFoundError, opentok.stop_render, state["render"].id)
        raises("DELETE render.stop 404", NotFoundError, opentok.stop_render, UNKNOWN_ID)
        raises("GET render.get 404", NotFoundError, opentok.get_render, UNKNOWN_ID)

    @check("a render whose page cannot be loaded fails (\"Could not load URL\") and never joins")
    def _():
        broken = opentok.start_render(session_id, token, MISSING_PAGE)
        advance_clock(2)
        failed = opentok.get_render(broken.id)
        assert (failed.status, failed.reason, failed.streamId) == ("failed", "Could not load URL", None)

    @check("a render stops by itself at maxDuration on the mock clock (\"Max duration exceeded\")")
    def _():
        short = opentok.start_render(session_id, token, PAGE, max_duration=60)
        advance_clock(59)
        assert opentok.get_render(short.id).status == "started"
        advance_clock(1)
        ended = opentok.get_render(short.id)
        assert (ended.status, ended.reason) == ("stopped", "Max duration exceeded")

    @check("start_render errors: short URL, maxDuration, resolution, empty name (400), bad token (403), unknown "
           "session (404), relayed (409)")
    def _():
        for kwargs in ({"url": "http://a.b/"}, {"max_duration": 36001}, {"resolution": "800x600"},
                       {"properties": {"name": ""}}):
            arguments = {"url": PAGE, **kwargs}
            raises("POST render.start 400", RequestError, opentok.start_render, session_id, token, **arguments)
        other = opentok.create_session().session_id
        raises("POST render.start 403", AuthError, opentok.start_render, session_id, client_token(other, "x"), PAGE)
        error = raises("POST render.start 404", RequestError, opentok.start_render, UNKNOWN_SESSION_ID, token, PAGE)
        assert error.args[1] == 404
        relayed, relayed_token = relayed_session_with_client()
        error = raises("POST render.start 409", RequestError, opentok.start_render, relayed, relayed_token, PAGE)
        assert error.args[1] == 409
