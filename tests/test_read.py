"""Decoding: every encoding a reference list arrives in, and clear errors for the rest."""

from __future__ import annotations

import codecs

import pytest

from refman import read
from refman.errors import InputError

TEXT = "参考文献\n[1] 徐建明, 沈琳, 李健, 等. 胃癌靶向治疗进展[J]. 中华肿瘤杂志, 2020, 42(3): 200-205.\n"


@pytest.mark.parametrize("data, encoding", [
    pytest.param(TEXT.encode("utf-8"), "utf-8", id="utf8"),
    pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", id="utf8-bom"),
    pytest.param(TEXT.encode("gb18030"), "gb18030", id="gb18030"),
    pytest.param(TEXT.encode("gbk"), "gb18030", id="gbk"),
    pytest.param(TEXT.encode("utf-16"), "utf-16", id="utf16-bom"),
    pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16", id="utf16be-bom"),
    pytest.param(TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8", id="crlf"),
    pytest.param(TEXT.replace("\n", "\r").encode("gb18030"), "gb18030", id="old-mac-cr"),
])
def test_decodes_supported_encodings_to_the_same_text(data, encoding):
    decoded = read.decode(data, "list.txt")
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


@pytest.mark.parametrize("data, message", [
    pytest.param(b"", "empty", id="empty"),
    pytest.param(b"  \n\t\n", "empty", id="blank"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", id="png"),
    pytest.param(bytes(range(256)) * 4, "binary", id="all-bytes"),
    pytest.param(b"\xff\xfe\x00\xd8", "not valid", id="broken-utf16"),
    pytest.param(bytes([0x81, 0x30, 0x81]) * 3 + b"\xa0\xa1\xfe\xff\x80", "not UTF-8", id="undecodable"),
])
def test_refuses_unreadable_input_with_a_clear_error(data, message):
    with pytest.raises(InputError, match=message):
        read.decode(data, "bad.txt")


def test_latin1_text_is_refused_not_misread_as_chinese():
    data = "Müller J, Gómez-Ruiz Á, Lukasz P. Título del artículo. Rev Esp. 2019;12:3-4.".encode("latin-1")
    with pytest.raises(InputError, match="re-save it as UTF-8"):
        read.decode(data, "latin1.txt")


def test_too_large_input_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(read.text, "MAX_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2000)
    with pytest.raises(InputError, match="larger than"):
        read.read_path(big)


def test_missing_file_and_folder_are_clear_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read.read_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        read.read_path(tmp_path)


@pytest.mark.parametrize("name", ["latin1.txt", "shift-jis.txt"])
def test_other_legacy_encodings_are_refused_not_read_as_gb18030(name):
    from pathlib import Path

    path = Path(__file__).resolve().parent / "data" / "lists" / name
    with pytest.raises(InputError, match="re-save it as UTF-8"):
        read.read_path(path)


def test_chinese_with_a_rare_name_character_is_still_gb18030():
    text = "梁贇，吉顺荣，虞先濬，陈洁. 神经内分泌肿瘤药物临床试验进展[J]. 中国癌症杂志, 2022, 32(9): 757-764.\n"
    assert read.decode(text.encode("gb18030")).text == text
