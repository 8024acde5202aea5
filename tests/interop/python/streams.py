"""Streams and their layout class lists through the PyPI package: list_streams, get_stream,
set_stream_class_lists, on a session of their own."""

from opentok import MediaModes, SetStreamClassError
from opentok.exceptions import RequestError

from harness import (UNKNOWN_ID, UNKNOWN_SESSION_ID, answered, check, control, opentok, publish, raises,
                     routed_session_with_publisher, session_path)


def listed(session_id):
    return sorted((s.attrs() for s in opentok.list_streams(session_id)), key=lambda s: s["name"])


def class_list(session_id, stream_id):
    return opentok.get_stream(session_id, stream_id).layoutClassList


def run():
    session_id, connection_id = routed_session_with_publisher("name=streams")
    camera = publish(session_id, connection_id, name="camera")
    slides = publish(session_id, connection_id, name="slides", videoType="screen")

    @check("list_streams returns every stream with its id, videoType, name and class list")
    def _():
        streams = opentok.list_streams(session_id)
        answered("GET stream.list 200")
        assert streams.count == 2
        assert listed(session_id) == [
            {"id": camera, "videoType": "camera", "name": "camera", "layoutClassList": []},
            {"id": slides, "videoType": "screen", "name": "slides", "layoutClassList": []},
        ]

    @check("set_stream_class_lists sets several streams at once; get_stream and list_streams read them back")
    def _():
        assert opentok.set_stream_class_lists(session_id, [
            {"id": camera, "layoutClassList": ["full", "focus"]},
            {"id": slides, "layoutClassList": ["top"]},
        ]) is None
        answered("PUT stream.class-lists 200")
        stream = opentok.get_stream(session_id, camera)
        answered("GET stream.get 200")
        assert stream.attrs() == {"id": camera, "videoType": "camera", "name": "camera", "layoutClassList": ["full", "focus"]}
        assert [s["layoutClassList"] for s in listed(session_id)] == [["full", "focus"], ["top"]]

    @check("set_stream_class_lists clears one stream and leaves the others alone")
    def _():
        opentok.set_stream_class_lists(session_id, [{"id": slides, "layoutClassList": []}])
        assert class_list(session_id, slides) == []
        assert class_list(session_id, camera) == ["full", "focus"]

    @check("set_stream_class_lists with an unknown stream is refused (400) and changes no stream")
    def _():
        raises("PUT stream.class-lists 400", SetStreamClassError, opentok.set_stream_class_lists, session_id, [
            {"id": camera, "layoutClassList": ["changed"]},
            {"id": UNKNOWN_ID, "layoutClassList": ["x"]},
        ])
        assert class_list(session_id, camera) == ["full", "focus"]

    @check("stream calls on an unknown session or stream, or list_streams of a session nobody joined, are 404 "
           "(list_streams turns it into an empty list)")
    def _():
        error = raises("PUT stream.class-lists 404", RequestError, opentok.set_stream_class_lists, UNKNOWN_SESSION_ID,
                       [{"id": camera, "layoutClassList": []}])
        assert error.args[1] == 404
        assert raises("GET stream.get 404", RequestError, opentok.get_stream, session_id, UNKNOWN_ID).args[1] == 404
        empty = opentok.list_streams(UNKNOWN_SESSION_ID)
        answered("GET stream.list 404")
        assert (empty.count, len(empty)) == (0, 0)
        # The real service only knows a session once a client has connected to it.
        unjoined = opentok.create_session(media_mode=MediaModes.routed).session_id
        assert len(opentok.list_streams(unjoined)) == 0
        answered("GET stream.list 404")

    @check("an unpublished stream leaves list_streams and get_stream")
    def _():
        res = control("DELETE", f"{session_path(session_id)}/streams/{slides}")
        assert res.status_code == 204, res.text
        assert [s["id"] for s in listed(session_id)] == [camera]
        raises("GET stream.get 404", RequestError, opentok.get_stream, session_id, slides)
