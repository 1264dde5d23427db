"""YAML from outside the service (an upload, a file given to a command), read within bounds.

A few hundred bytes of YAML can take a server down: anchors and aliases (``&a`` … ``*a``) let
each line repeat the one before many times over (the "billion laughs"), and deep nesting
exhausts Python's stack. So the reader (``load``) refuses a file larger than ``MAX_BYTES``
before parsing it, refuses every anchor and alias, stops at ``MAX_DEPTH`` levels of nesting,
and reports a value it cannot construct (a date that does not exist, a number of thousands of
digits) by its line. Each refusal is a ``YamlRefused``: a ``yaml.YAMLError`` whose message names
the line and what is wrong, briefly, and never repeats what the file holds.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 20


class YamlRefused(yaml.YAMLError):
    """A YAML file the service will not read: ``line`` (from 1, or None for the whole file)
    and ``problem``."""

    def __init__(self, line: int | None, problem: str) -> None:
        self.line = line
        self.problem = problem
        super().__init__(f"line {line}: {problem}" if line else problem)


class BoundedLoader(yaml.SafeLoader):
    """A SafeLoader without anchors and aliases, nested at most ``MAX_DEPTH`` deep; subclass it
    to add constructors (it is the loader of every YAML file read from outside)."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            raise YamlRefused(
                line, "the file uses an alias (*name): write the value out in full instead."
            )
        if getattr(event, "anchor", None) is not None:
            raise YamlRefused(
                line, "the file uses an anchor (&name): write each value out in full instead."
            )
        if self._depth >= MAX_DEPTH:
            raise YamlRefused(line, f"the file is nested more than {MAX_DEPTH} levels deep.")
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError, TypeError) as exc:
            raise YamlRefused(
                node.start_mark.line + 1,
                "this value cannot be read (a date that does not exist, or a number too long).",
            ) from exc


def load(content: bytes | str, *, loader: type[BoundedLoader] = BoundedLoader) -> Any:
    """The data of a YAML document (UTF-8 if ``content`` is bytes, which raises
    ``UnicodeDecodeError`` if it is not), or ``YamlRefused`` (any ``yaml.YAMLError`` for YAML
    that is not valid)."""
    if len(content) > MAX_BYTES:
        raise YamlRefused(
            None, f"The file is larger than {MAX_BYTES // 1024 // 1024} MB: split it or shorten it."
        )
    text = content.decode("utf-8-sig") if isinstance(content, bytes) else content
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
    except RecursionError as exc:  # not expected within MAX_DEPTH; never a server error
        raise YamlRefused(None, "The file is nested too deeply.") from exc
