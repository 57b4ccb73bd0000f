"""Bytes -> text: encodings and line endings, detected and never guessed silently.

Reference lists reach refman as UTF-8 (with or without a BOM), UTF-16 with a BOM (Windows
"Unicode" text), or GB18030/GBK (older Chinese Windows tools). Anything else is refused with
an error that names the file, so a mis-decoded list never turns into plausible garbage.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..vocab.script import HAN, HAN_CHAR, is_cjk_punctuation, is_han

# Larger inputs are refused rather than parsed for minutes: a reference list of 64 MiB holds
# about 300,000 entries, far beyond any article.
MAX_BYTES = 64 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters other than tab/newline/CR/form feed mark a binary file.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Text:
    """Decoded text and the encoding it was found in."""

    text: str
    encoding: str
    name: str = "<text>"


def decode(data: bytes, name: str = "<input>") -> Text:
    """Decode a document's bytes, normalising line endings to ``\\n``.

    >>> decode("参考文献\\r\\n[1] 徐建明. 题名[J].".encode("gb18030")).encoding
    'gb18030'
    """
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{name}: {len(data) / 2**20:.0f} MiB is larger than the {MAX_BYTES // 2**20} MiB "
            "refman reads; split the file"
        )
    if not data.strip():
        raise InputError(f"{name}: the input is empty; give a document or a reference list")
    encoding = _detect(data, name)
    text = data.decode(encoding)
    if encoding == "utf-8-sig" or text.startswith("\ufeff"):
        text = text.lstrip("\ufeff")
    if _CONTROL.search(text):
        raise InputError(f"{name}: this looks like a binary file, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: the input is empty; give a document or a reference list")
    return Text(text, "utf-8" if encoding == "utf-8-sig" else encoding, name)


def _detect(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(f"{name}: starts with a {encoding} byte-order mark but is not "
                                 f"valid {encoding}") from None
            return encoding
    if b"\x00" in data:
        raise InputError(f"{name}: this looks like a binary file, not text "
                         "(UTF-16 files need their byte-order mark)")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8, UTF-16 or GB18030 text; re-save it as UTF-8") from None
    if not _plausible_chinese(text):
        raise InputError(f"{name}: not UTF-8, UTF-16 or GB18030 text; re-save it as UTF-8")
    return "gb18030"


# Latin-1 or Shift-JIS bytes read as GB18030 give a Chinese character inside a Latin word:
# "Müller" becomes "M黮ler". Real Chinese text does not put one there.
_CJK_INSIDE_WORD = re.compile(rf"[A-Za-z][{HAN}]{{1,2}}[a-z]")


def _plausible_chinese(text: str) -> bool:
    """GB18030 maps nearly any byte string to *some* characters. Real Chinese text is mostly
    ASCII, punctuation and the common characters of GB2312; text in another legacy encoding
    read as GB18030 is full of rare characters and of Chinese characters inside Latin words."""
    if len(_CJK_INSIDE_WORD.findall(text)) >= 2:
        return False
    cjk = HAN_CHAR.findall(text)
    if len(cjk) >= 10:
        outside_gb2312 = sum(1 for c in cjk if not _in_gb2312(c))
        if outside_gb2312 / len(cjk) > 0.1:
            return False
    rare = 0.0
    for ch in text:
        if ch.isascii() or is_han(ch) or is_cjk_punctuation(ch):
            continue
        category = unicodedata.category(ch)
        if category in ("Co", "Cn", "Cs", "Cc") or not ch.isprintable():
            rare += 1
        elif category.startswith("L") and not ("\u00c0" <= ch <= "\u024f"):
            rare += 0.2
    return rare <= max(2, len(text) * 0.02)


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def read_path(path: str | os.PathLike[str]) -> Text:
    """Read and decode a file, turning OS errors into one clear ``InputError``."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{p}: is a folder; give a text file")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{p}: {size / 2**20:.0f} MiB is larger than the "
                             f"{MAX_BYTES // 2**20} MiB refman reads; split the file")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    return decode(data, str(p))
