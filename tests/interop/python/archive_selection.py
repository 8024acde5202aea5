"""Archive layouts (set_archive_layout) and manual stream selection (add_archive_stream,
remove_archive_stream) through the PyPI package, on a session of their own."""

from opentok import OutputModes, StreamModes
from opentok.exceptions import ArchiveError, RequestError

from harness import UNKNOWN_ID, answered, check, opentok, publish, raises, rest_get, routed_session_with_publisher

STYLESHEET = "stream.instructor { position: absolute; width: 100%; height: 50%; }"


def selection(archive_id):
    return sorted(opentok.get_archive(archive_id).streams, key=lambda s: s["streamId"])


def layout(archive_id):
    # py-ot's Archive object has no layout member: read the answer itself.
    return rest_get(opentok.endpoints.get_archive_url(archive_id))["layout"]


def run():
    session_id, connection_id = routed_session_with_publisher("name=selection")
    camera = publish(session_id, connection_id, name="camera")
    screen = publish(session_id, connection_id, name="screen", videoType="screen")
    state = {}

    @check("start_archive in manual stream mode with a custom layout selects no stream yet")
    def _():
        archive = opentok.start_archive(session_id, name="selection", stream_mode=StreamModes.manual,
                                        layout={"type": "custom", "stylesheet": STYLESHEET})
        assert (archive.status, archive.stream_mode, archive.streams) == ("started", "manual", [])
        assert layout(archive.id) == {"type": "custom", "stylesheet": STYLESHEET}
        state["id"] = archive.id

    @check("add_archive_stream selects streams with their audio/video flags")
    def _():
        assert opentok.add_archive_stream(state["id"], camera, has_video=False) is None
        answered("PATCH archive.streams 204")
        opentok.add_archive_stream(state["id"], screen)
        expected = [{"streamId": camera, "hasAudio": True, "hasVideo": False},
                    {"streamId": screen, "hasAudio": True, "hasVideo": True}]
        assert selection(state["id"]) == sorted(expected, key=lambda s: s["streamId"])

    @check("add_archive_stream on a selected stream updates its flags")
    def _():
        opentok.add_archive_stream(state["id"], camera, has_audio=False, has_video=True)
        selected = {s["streamId"]: s for s in selection(state["id"])}
        assert selected[camera] == {"streamId": camera, "hasAudio": False, "hasVideo": True}
        assert len(selected) == 2

    @check("remove_archive_stream drops a stream from the selection")
    def _():
        assert opentok.remove_archive_stream(state["id"], screen) is None
        answered("PATCH archive.streams 204")
        assert selection(state["id"]) == [{"streamId": camera, "hasAudio": False, "hasVideo": True}]

    @check("stream selection errors: unknown stream, unselected stream, unknown archive (404)")
    def _():
        # py-ot checks the status codes only inside `if response:` (2xx/3xx), so every 4xx
        # of these calls surfaces as RequestError carrying the status.
        error = raises("PATCH archive.streams 404", RequestError, opentok.add_archive_stream, state["id"], UNKNOWN_ID)
        assert error.args[1] == 404
        raises("PATCH archive.streams 404", RequestError, opentok.remove_archive_stream, state["id"], screen)
        raises("PATCH archive.streams 404", RequestError, opentok.add_archive_stream, UNKNOWN_ID, camera)
        assert len(selection(state["id"])) == 1

    @check("set_archive_layout changes the layout; the archive shows it")
    def _():
        assert opentok.set_archive_layout(state["id"], "bestFit", screenshare_type="verticalPresentation") is None
        answered("PUT archive.layout 200")
        assert layout(state["id"]) == {"type": "bestFit", "screenshareType": "verticalPresentation"}
        opentok.set_archive_layout(state["id"], "custom", stylesheet=STYLESHEET)
        assert layout(state["id"]) == {"type": "custom", "stylesheet": STYLESHEET}
        opentok.set_archive_layout(state["id"], "pip")
        assert layout(state["id"]) == {"type": "pip"}

    @check("set_archive_layout errors: unknown type and custom without stylesheet (400), unknown archive (404)")
    def _():
        raises("PUT archive.layout 400", ArchiveError, opentok.set_archive_layout, state["id"], "diagonal")
        raises("PUT archive.layout 400", ArchiveError, opentok.set_archive_layout, state["id"], "custom")
        raises("PUT archive.layout 404", RequestError, opentok.set_archive_layout, UNKNOWN_ID, "pip")
        assert layout(state["id"]) == {"type": "pip"}

    @check("an auto-mode archive refuses stream selection (405), an individual one a layout (400)")
    def _():
        individual = opentok.start_archive(session_id, output_mode=OutputModes.individual,
                                           multi_archive_tag="individual")
        assert individual.stream_mode == "auto"
        error = raises("PATCH archive.streams 405", RequestError, opentok.add_archive_stream, individual.id, camera)
        assert error.args[1] == 405
        raises("PUT archive.layout 400", ArchiveError, opentok.set_archive_layout, individual.id, "pip")
        assert opentok.stop_archive(individual.id).status == "stopped"

    @check("a stopped archive refuses layout and stream changes (409)")
    def _():
        archive = opentok.stop_archive(state["id"])
        assert (archive.status, archive.streams) == ("stopped", None)
        raises("PUT archive.layout 409", RequestError, opentok.set_archive_layout, state["id"], "bestFit")
        raises("PATCH archive.streams 409", RequestError, opentok.add_archive_stream, state["id"], camera)
        raises("PATCH archive.streams 409", RequestError, opentok.remove_archive_stream, state["id"], camera)
