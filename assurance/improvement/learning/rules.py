"""Pure rules of learning items (no database): which documents may be attached."""

from __future__ import annotations

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

# Extension → the first bytes such a file starts with (None: plain text, checked as UTF-8).
_ZIP = (b"PK\x03\x04",)
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
DOCUMENT_TYPES: dict[str, tuple[str, tuple[bytes, ...] | None]] = {
    "pdf": ("PDF", (b"%PDF-",)),
    "docx": ("Word document", _ZIP),
    "doc": ("Word 97-2003 document", _OLE),
    "xlsx": ("Excel workbook", _ZIP),
    "pptx": ("PowerPoint presentation", _ZIP),
    "odt": ("OpenDocument text", _ZIP),
    "txt": ("plain text", None),
    "csv": ("CSV", None),
}


def document_problem(name: str, size: int, head: bytes) -> str | None:
    """What is wrong with an upload (GOV.UK wording), or None if it may be attached.

    ``head`` is the start of the file (at least 8 bytes, or all of a shorter file): the type is
    checked from the content as well as from the name, so a renamed file is refused.
    """
    if size == 0:
        return "The selected file is empty"
    if size > MAX_DOCUMENT_BYTES:
        return f"The selected file must be smaller than {MAX_DOCUMENT_BYTES // (1024 * 1024)}MB"
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kinds = ", ".join(sorted(DOCUMENT_TYPES))
    if extension not in DOCUMENT_TYPES:
        return f"The selected file must be one of: {kinds}"
    label, signatures = DOCUMENT_TYPES[extension]
    if signatures is None:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            # A multi-byte character cut at the end of the sample is not an error.
            if exc.start < len(head) - 3:
                return f"The selected file is not {label}: save it as UTF-8 text"
        return None
    if not any(head.startswith(signature) for signature in signatures):
        return f"The selected file is not a real {label}: it may have been renamed"
    return None
