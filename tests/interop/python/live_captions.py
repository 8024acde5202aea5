"""Live captions through the PyPI package: start_captions and stop_captions (py-ot sends
null for an unset statusCallbackUrl). py-ot 3.15 has no call that reads a captioning
session's status, so it comes from the mock's control plane (GET /_mock/captions/{id}), as
do the options the start sent."""

from opentok import Roles
from opentok.exceptions import AuthError, CaptioningAlreadyInProgressError, NotFoundError, RequestError

from harness import (UNKNOWN_ID, UNKNOWN_SESSION_ID, advance_clock, answered, check, client_token, control, opentok,
                     raises, relayed_session_with_client, routed_session_with_publisher)


def captions_state(captions_id):
    res = control("GET", f"/_mock/captions/{captions_id}")
    assert res.status_code == 200, res.text
    return res.json()


def run():
    session_id, _connection = routed_session_with_publisher("name=speaker")
    moderator = client_token(session_id, "name=captions", Roles.moderator)
    state = {}

    @check("start_captions with a language, maxDuration, partialCaptions and a status callback; they are started")
    def _():
        captions = opentok.start_captions(session_id, moderator, language_code="pt-BR", max_duration=1800,
                                          partial_captions=False,
                                          status_callback_url="https://hooks.example.com/captions")
        answered("POST captions.start 202")
        shown = captions_state(captions.captions_id)
        assert (shown["captionId"], shown["sessionId"], shown["status"]) == (captions.captions_id, session_id, "started")
        assert (shown["languageCode"], shown["maxDuration"], shown["partialCaptions"]) == ("pt-BR", 1800, False)
        assert shown["statusCallbackUrl"] == "https://hooks.example.com/captions"
        state["id"] = captions.captions_id

    @check("a second start_captions of the session is 409 (CaptioningAlreadyInProgressError)")
    def _():
        raises("POST captions.start 409", CaptioningAlreadyInProgressError, opentok.start_captions, session_id, moderator)

    @check("stop_captions stops them; stopping again or an unknown id is 404 (NotFoundError)")
    def _():
        advance_clock(90)
        assert opentok.stop_captions(state["id"]) is None
        answered("POST captions.stop 202")
        shown = captions_state(state["id"])
        assert (shown["status"], shown["duration"]) == ("stopped", 90)
        raises("POST captions.stop 404", NotFoundError, opentok.stop_captions, state["id"])
        raises("POST captions.stop 404", NotFoundError, opentok.stop_captions, UNKNOWN_ID)

    @check("start_captions with the defaults (en-US, 4 hours, partial captions, nulls for the rest) after the stop")
    def _():
        captions = opentok.start_captions(session_id, moderator)
        shown = captions_state(captions.captions_id)
        assert (shown["status"], shown["languageCode"], shown["maxDuration"]) == ("started", "en-US", 14400)
        assert shown["partialCaptions"] is True and "statusCallbackUrl" not in shown
        opentok.stop_captions(captions.captions_id)

    @check("captions stop by themselves at maxDuration on the mock clock")
    def _():
        captions = opentok.start_captions(session_id, moderator, max_duration=300)
        advance_clock(299)
        assert captions_state(captions.captions_id)["status"] == "started"
        advance_clock(1)
        shown = captions_state(captions.captions_id)
        assert (shown["status"], shown["duration"]) == ("stopped", 300)

    @check("start_captions errors: maxDuration out of range (400), token of another session (403), unknown session "
           "(404), relayed session (409, the same CaptioningAlreadyInProgressError)")
    def _():
        error = raises("POST captions.start 400", RequestError, opentok.start_captions, session_id, moderator,
                       max_duration=14401)
        assert "maxDuration" in str(error), error
        other = opentok.create_session().session_id
        raises("POST captions.start 403", AuthError, opentok.start_captions, session_id,
               client_token(other, "x", Roles.moderator))
        error = raises("POST captions.start 404", RequestError, opentok.start_captions, UNKNOWN_SESSION_ID, moderator)
        assert error.args[1] == 404
        relayed, token = relayed_session_with_client()
        raises("POST captions.start 409", CaptioningAlreadyInProgressError, opentok.start_captions, relayed, token)
