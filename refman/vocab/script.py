"""Scripts and years: which characters are Chinese, how Chinese a text is, what a year is.

One definition each, used by every stage: the splitter's "is this line Chinese", the parser's
language, the linker's "2020年", lookup's "Caplin 2014".
"""

from __future__ import annotations

import re

# CJK unified ideographs (extension A, the basic block, compatibility ideographs): the
# characters of Chinese names, titles and journals.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_CHAR = re.compile(f"[{HAN}]")
HAN_RUN = re.compile(f"[{HAN}]+")
_LETTER = re.compile(r"[^\W\d_]")
# CJK punctuation (、。「」) and the full-width forms of ASCII (，：；（）).
_CJK_PUNCTUATION = re.compile("[\u3000-\u303f\uff00-\uffef]")
# Characters written without spaces between words: CJK punctuation, kana, Han, full-width forms.
WIDE = "\u3000-\u9fff\uf900-\ufaff\uff00-\uffef"
_WIDE = re.compile(f"[{WIDE}]")

# A year as references and sentences write it: 1500 to 2099, not inside a longer number.
YEAR = r"(?:1[5-9]|20)\d{2}"
YEAR_RE = re.compile(rf"(?<!\d){YEAR}(?!\d)")


def is_han(ch: str) -> bool:
    """True for one Chinese character: ``is_han("兰")``; False for ``"a"``, ``"。"`` or ``""``."""
    return len(ch) == 1 and bool(HAN_CHAR.match(ch))


def is_cjk_punctuation(ch: str) -> bool:
    """True for CJK punctuation and full-width ASCII forms: ``"，"``, ``"。"``, ``"（"``."""
    return len(ch) == 1 and bool(_CJK_PUNCTUATION.match(ch))


def is_wide(ch: str) -> bool:
    """True for a character of East Asian text that takes no space beside its neighbours:
    ``is_wide("兰")``, ``is_wide("，")``; False for ``"a"``."""
    return len(ch) == 1 and bool(_WIDE.match(ch))


def has_cjk(text: str) -> bool:
    """True when the text holds Chinese characters.

    >>> has_cjk("兰瑞肽 lanreotide"), has_cjk("lanreotide")
    (True, False)
    """
    return not text.isascii() and bool(HAN_CHAR.search(text))


def cjk_share(text: str) -> float:
    """Share of Chinese characters among the letters of ``text`` (0.0 to 1.0).

    >>> cjk_share("中华肿瘤杂志"), cjk_share("N Engl J Med")
    (1.0, 0.0)
    """
    if text.isascii():
        return 0.0
    letters = len(_LETTER.findall(text))
    return len(HAN_CHAR.findall(text)) / letters if letters else 0.0


_KANA = re.compile("[\u3040-\u30ff]")


def language_of(text: str) -> str:
    """The language a reference's title is written in, as far as script tells: ``ja`` with
    kana, ``zh`` when mostly Chinese characters, otherwise ``en``.

    >>> language_of("胃癌靶向治疗进展"), language_of("光コヒーレンス断層"), language_of("Lanreotide in NETs")
    ('zh', 'ja', 'en')
    """
    if text.isascii():
        return "en"
    if _KANA.search(text) and len(_KANA.findall(text)) >= 2:
        return "ja"
    return "zh" if cjk_share(text) > 0.3 else "en"


# The language notes of NLM and AMA entries ("... 2012;41(6):386-90. Chinese."), by ISO 639-1.
_LANGUAGE_NAMES = {
    "chinese": "zh", "japanese": "ja", "korean": "ko", "german": "de", "french": "fr", "spanish": "es",
    "italian": "it", "portuguese": "pt", "russian": "ru", "dutch": "nl", "polish": "pl", "czech": "cs",
    "turkish": "tr", "hungarian": "hu", "swedish": "sv", "danish": "da", "norwegian": "no",
    "finnish": "fi", "greek": "el", "hebrew": "he", "persian": "fa", "arabic": "ar", "croatian": "hr",
    "serbian": "sr", "slovak": "sk", "slovenian": "sl", "romanian": "ro", "bulgarian": "bg",
    "ukrainian": "uk", "lithuanian": "lt", "estonian": "et", "latvian": "lv", "icelandic": "is",
    "english": "en",
}
_LANGUAGE_NOTE = re.compile(r"(?:\(|\[)?(?:in\s+)?([A-Za-z]+)(?:\s+(?:language|text))?(?:\)|\])?\.?", re.I)


def language_note(note: str) -> str:
    """The language a note alone names: ``"Chinese."``, ``"(in German)"`` -> ISO 639-1, else "".

    >>> language_note("Chinese."), language_note("[in German]"), language_note("Epub 2011 May 27")
    ('zh', 'de', '')
    """
    m = _LANGUAGE_NOTE.fullmatch(note.strip())
    return _LANGUAGE_NAMES.get(m[1].lower(), "") if m else ""


def years_in(text: str) -> list[str]:
    """Every year in ``text``, in order: ``"2019;381:1535-46, updated 2021"`` -> ``['2019', '2021']``.

    >>> years_in("2020年公布的OS终期分析, 1600 mg")
    ['2020', '1600']
    """
    return YEAR_RE.findall(text)
