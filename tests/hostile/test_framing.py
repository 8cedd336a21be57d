"""A body the server cannot read (malformed chunked framing, a client that stops sending) is the
client's mistake: a 400 in each face's JSON shape, never a 500, on the API and the chat alike."""
from __future__ import annotations

import pytest


class BrokenChunks:
    """What gunicorn hands the app for `zz\\r\\n` as a chunk size: a stream whose read fails."""

    def read(self, *args):
        raise ValueError("Invalid chunk size: 'zz'")

    readline = read


@pytest.mark.parametrize("path", ["/api/v1/match", "/api/v1/feedback", "/chat/messages", "/chat/feedback"])
def test_broken_chunked_framing_is_a_400(client, path):
    response = client.post(path, content_type="application/json", headers={"Transfer-Encoding": "chunked"},
                           environ_overrides={"wsgi.input": BrokenChunks(), "wsgi.input_terminated": True})
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] in ("invalid_body", "bad_request")
