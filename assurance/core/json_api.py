"""What every JSON API endpoint shares, whichever app it belongs to: the bounded JSON parser
and the exception handler (settings' ``REST_FRAMEWORK``), and errors answered as JSON under the
API's prefix (the error handlers of ``core.views`` ask ``is_api``).

JSON nested more than ``MAX_JSON_DEPTH`` levels deep is a 400 and a body larger than
``DATA_UPLOAD_MAX_MEMORY_SIZE`` a 413, each with a JSON error: never a server error (Python's
JSON decoder gives up on deep nesting with a RecursionError) nor an HTML page.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, JsonResponse
from rest_framework import parsers, status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.response import Response
from rest_framework.utils import json

API_PREFIX = "/api/"  # the JSON API is mounted under /api/v1/ (assurance/urls.py)
MAX_JSON_DEPTH = 32  # the deepest request the API documents is 3 levels

# A JSON string (to its end, or to the end of the text when it has none), or a bracket.
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*(?:"|\Z)|[\[\]{}]', re.DOTALL)


def json_depth(text: str, *, stop: int = MAX_JSON_DEPTH) -> int:
    """How deep the arrays and objects of JSON ``text`` nest (brackets inside strings do not
    count); it stops counting once past ``stop``."""
    depth = deepest = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            deepest = max(deepest, depth)
            if deepest > stop:
                break
        elif token in ("]", "}"):
            depth -= 1
    return deepest


def is_api(request: HttpRequest) -> bool:
    """Whether the request is to the JSON API, which answers errors in JSON."""
    return request.path_info.startswith(API_PREFIX)


def json_error(status_code: int, detail: str) -> JsonResponse:
    """An error in the shape the API's other errors have: ``{"detail": …}``."""
    return JsonResponse({"detail": detail}, status=status_code)


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "request_too_large"


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, and a body larger than Django's limit is a 413 in JSON (not a 400 page)."""
    from rest_framework import views  # not above: DRF's views read this module's parser

    if isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0
        exc = RequestTooLarge(f"The request body is larger than {limit:,} bytes.")
    return views.exception_handler(exc, context)


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, with the depth checked before the JSON is decoded (DRF reads the body
    through Django, whose ``DATA_UPLOAD_MAX_MEMORY_SIZE`` bounds its size)."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        encoding = parsers.get_encoding(parser_context or {})  # type: ignore[attr-defined]
        try:
            text = stream.read().decode(encoding)
        except UnicodeError as exc:
            raise ParseError(f"JSON parse error - the body is not valid {encoding}.") from exc
        if json_depth(text) > MAX_JSON_DEPTH:
            raise ParseError(
                f"JSON parse error - the JSON is nested more than {MAX_JSON_DEPTH} levels deep."
            )
        try:
            return json.loads(text, parse_constant=json.strict_constant if self.strict else None)
        except RecursionError as exc:  # not expected within MAX_JSON_DEPTH
            raise ParseError("JSON parse error - the JSON is nested too deeply.") from exc
        except ValueError as exc:
            raise ParseError(f"JSON parse error - {exc}") from exc
