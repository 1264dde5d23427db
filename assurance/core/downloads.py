"""A stored file handed to the person allowed to read it, as an attachment (never a public
media address: the view in front of it has already been through the permission layer)."""

from __future__ import annotations

import mimetypes
from typing import Any

from django.http import FileResponse


def file_download(file: Any, file_name: str) -> FileResponse:
    """``file`` (a stored ``FieldFile``) as a download named ``file_name``, its type guessed
    from the name (``application/octet-stream`` when unknown)."""
    content_type = mimetypes.guess_type(file_name)[0] or "application/octet-stream"
    return FileResponse(
        file.open("rb"), as_attachment=True, filename=file_name, content_type=content_type
    )
