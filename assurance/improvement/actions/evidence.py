"""What may be attached as evidence (pure rules, no database)."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlparse

MAX_BYTES = 10 * 1024 * 1024

# Extension → how such a file starts (None: plain text, checked for NUL bytes instead).
SIGNATURES: dict[str, tuple[bytes, ...] | None] = {
    "pdf": (b"%PDF",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "txt": None,
    "csv": None,
}
ALLOWED = ", ".join(sorted({e.upper() for e in SIGNATURES} - {"JPEG"}))


def file_problem(*, name: str, size: int, head: bytes) -> str | None:
    """Why a file cannot be accepted as evidence, or None if it can.

    The extension must be one we accept and the first bytes must match it, so that a renamed
    program or an empty file is refused with a message saying what to do.
    """
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in SIGNATURES:
        return f"The selected file must be a {ALLOWED}"
    if size == 0:
        return "The selected file is empty"
    if size > MAX_BYTES:
        return "The selected file must be smaller than 10 MB"
    signatures = SIGNATURES[extension]
    if signatures is None:
        if b"\x00" in head:
            return f"The selected file is not a text file: choose a {ALLOWED}"
        return None
    if not any(head.startswith(s) for s in signatures):
        return f"The selected file is not a real {extension.upper()} file"
    return None


def platform_path(link: str, *, partnership_slug: str) -> str | None:
    """The path of a link to a page of this partnership on the platform, or None.

    Accepts the path (``/p/northfield/audits/3/``) or the full address copied from the
    browser; only the path is kept, so the link survives a change of domain. A path that climbs
    out (``/p/northfield/../../admin``, percent-encoded or not) or holds a backslash or a control
    character is refused, so that what is stored is a page of the partnership's as it is read.
    """
    parsed = urlparse(link.strip())
    if parsed.scheme not in ("", "http", "https"):
        return None
    path = parsed.path
    decoded = unquote(path)
    if "\\" in decoded or any(ord(c) < 32 or ord(c) == 127 for c in decoded):
        return None
    if any(segment in (".", "..") for segment in decoded.split("/")):
        return None
    path = re.sub(r"/{2,}", "/", path)
    if not path.startswith(f"/p/{partnership_slug}/"):
        return None
    return path + (f"?{parsed.query}" if parsed.query else "")
