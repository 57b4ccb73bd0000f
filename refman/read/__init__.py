"""The reading stage: a file's bytes to text (``read_path``, ``decode``), whatever its encoding.

Every reader yields the same thing, a ``Text``: the decoded text, the encoding it was found in,
and the file's name.
"""

from __future__ import annotations

from .text import MAX_BYTES, Text, decode, read_path

__all__ = ["MAX_BYTES", "Text", "decode", "read_path"]
