"""JSON responses written with orjson: a match answer (about 12 KB) costs about a tenth of what
the standard library's encoder takes, with the same keys in the same (sorted) order.

Visible differences, none of meaning: text outside ASCII is sent as UTF-8 instead of
`\\uXXXX` escapes (shorter for Korean, Chinese and Russian), and a float that is not a
number is written as null (the standard encoder writes NaN, which is not JSON). Whatever
orjson refuses (integers past 64 bits, lone surrogates, a type nobody knows) and debug
indentation go through Flask's standard provider; dates, dataclasses and Markup go to its
`default`, so they are written as before. Decoding and `dumps` (templates) stay standard.

A match answer's entry parts (title, cause, steps, commands, sources: most of its bytes) are
encoded once per knowledge snapshot and kept as orjson fragments: serialising an answer then
copies them instead of walking the same text again on every request.
"""
from __future__ import annotations

from typing import Any, cast

import orjson
from flask import Flask
from flask.json.provider import DefaultJSONProvider
from werkzeug.sansio.response import Response

from app.answers import answer_view
from app.store.snapshot import Snapshot

ORJSON_OPTIONS = (orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME
                  | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_SUBCLASS)
"""Sorted keys as Flask's default; dates, dataclasses and str/int subclasses go to Flask's `default`."""
ENCODED_VIEW_KEY = "json:"
"""Prefix, in the snapshot's cache of answer views, of an entry id whose view is kept encoded
(an entry id has no colon, so the two never meet)."""


class OrjsonProvider(DefaultJSONProvider):
    """Flask's JSON provider, with orjson writing the compact bodies of `jsonify`."""

    def compact_body(self, obj: Any) -> bytes | None:
        """The body `response` writes for `obj` with orjson, or None where it goes through the
        standard provider instead (debug indentation, a value orjson refuses). `obj` may hold
        orjson fragments (JSON encoded beforehand), which only this path can write."""
        if self.compact is False or (self.compact is None and self._app.debug):
            return None
        try:
            return orjson.dumps(obj, default=self.default, option=ORJSON_OPTIONS) + b"\n"
        except orjson.JSONEncodeError:
            return None

    def answer_body(self, snapshot: Snapshot, result: dict, lang: str | None) -> bytes | None:
        """`compact_body(result)` for an answer `answer` made from `snapshot` for `lang`, with each
        match's entry part encoded once per snapshot: the same bytes, without walking the
        entries' text (most of a 10 KB answer) on every request."""
        view_lang = lang or result["query_lang"]
        try:
            matches = [{**self._encoded_view(snapshot, match["id"], view_lang), "score": match["score"],
                        "reasons": match["reasons"]} for match in result["matches"]]
        except orjson.JSONEncodeError:
            return None
        return self.compact_body({**result, "matches": matches})

    def _encoded_view(self, snapshot: Snapshot, entry_id: str, lang: str | None) -> dict:
        """`answer_view` with each value as an orjson fragment, cached beside it."""
        key = (ENCODED_VIEW_KEY + entry_id, lang)
        encoded = snapshot.answer_views.get(key)
        if encoded is None:
            encoded = snapshot.answer_views[key] = {
                name: orjson.Fragment(orjson.dumps(value, default=self.default, option=ORJSON_OPTIONS))
                for name, value in answer_view(snapshot, entry_id, lang).items()}
        return encoded

    def response(self, *args: Any, **kwargs: Any) -> Response:
        body = self.compact_body(self._prepare_response_obj(args, kwargs))
        if body is None:
            return super().response(*args, **kwargs)
        return cast(Flask, self._app).response_class(body, mimetype=self.mimetype)
