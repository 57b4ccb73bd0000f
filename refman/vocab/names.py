"""Names of persons and organisations, author lists, and names folded to ASCII.

GB/T 7714 writes ``CAPLIN M E`` (2015) or ``Caplin M E`` (2025), Vancouver ``Caplin ME``, Chinese
lists ``徐建明``; organisations stand as authors too (``WHO Classification of Tumours Editorial
Board``, ``中国抗癌协会神经内分泌肿瘤专业委员会``). The parser reads author lists with these rules,
keys and lookup fold names to ASCII with them, and the linker compares an author mention
(``Liu等``, ``Halperin et al.``, ``吴一龙教授``) with a reference's authors through them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Name
from . import lexicon
from .script import HAN, HAN_RUN, has_cjk

# Words that make an author string an organisation rather than a person.
_CORPORATE_WORDS = re.compile(
    r"\b(group|network|board|committee|association|society|organi[sz]ation|consortium|"
    r"collaborat\w*|investigators|institute|institut|center|centre|agency|council|foundation|"
    r"party|union|federation|department|ministry|administration|commission|university|"
    r"hospital|college|academy|office|team|panel|service|services|working|registry|"
    r"authority|bureau|program|programme|project|study|trial|alliance|coalition|initiative|"
    r"collaborative|steering|writing|task\s+force|surveillance|statistics|corp|"
    r"inc|ltd|corporation|company|press|cancer|oncology|who|fda|ema|nccn|esmo|asco|ncc)\b",
    re.I,
)
_CJK_CORPORATE_END = re.compile(r"(院|部|局|所|厅|署|处|社|中央|政府|委员会|编写组|工作组|小组)$")
_CJK_ORG_WORD = re.compile(r"委员会|协会|学会|大学|医院|公司|办公室|集团|联盟|研究组|编写组|编辑部|出版社|"
                           r"中心|研究所|研究院|国家|全国|中国|中华|省|市|国务院|中央|政府|卫生|专家组|"
                           r"工作组|协作组|联合会|基金会|实验室|管理局|监督|疾病预防")
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŨŪŬŮŰŲŴŶŸŹŻŽ"
_INITIALS = re.compile(rf"^(?:[{_UPPER}]\.?){{1,4}}$|^[{_UPPER}]\.?-[{_UPPER}a-z]\.?$")  # M, ME, M.E., J-R, C-q
_GIVEN_NAME = re.compile(r"^[A-Z][a-z\u00df-\u024f]+(?:['’-][A-Za-z][a-z\u00df-\u024f]+)*$")
_SUFFIX = re.compile(r"^(Jr|Sr|II|III|IV|2nd|3rd)\.?$")
_PARTICLES = {"van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le",
              "ter", "ten", "dos", "das", "do", "el", "al", "bin", "ibn", "v", "d", "vd"}
_LATIN_WORD = re.compile(r"^[^\W\d_][^\W\d_'\-.]*(?:['\-][^\W\d_]+)*\.?$")


def _org_words(text: str) -> bool:
    """Words that only organisations have: ``Group``, ``Committee``, ``协会``, ``of the``."""
    if has_cjk(text):
        core = re.sub(r"\s", "", text)
        return bool(_CJK_ORG_WORD.search(core)) or (len(core) >= 7 and "·" not in core)
    words = text.split()
    return bool(_CORPORATE_WORDS.search(text)) or any(
        w.lower() in ("of", "and", "for", "the", "on", "in", "&") for w in words[1:])


def is_organisation(text: str) -> bool:
    """True for an organisation: ``'WHO Classification of Tumours Editorial Board'``,
    ``'中国抗癌协会神经内分泌肿瘤专业委员会'``; False for ``'CAPLIN M E'`` or ``'徐建明'``."""
    text = text.strip()
    if has_cjk(text):
        core = re.sub(r"\s", "", text)
        if (_CJK_ORG_WORD.search(core) and len(core) > 2) or (len(core) >= 7 and "·" not in core):
            return True
        # Single-character suffixes are also given names (张会), so they count only at length 3+.
        return len(core) >= 3 and bool(_CJK_CORPORATE_END.search(core))
    words = text.split()
    if len(words) > 4:
        return True
    if _CORPORATE_WORDS.search(text):
        return True
    return any(w.lower() in ("of", "and", "for", "the", "on", "in", "&") for w in words[1:])


def person_name(text: str) -> Name | None:
    """Parse one personal name as GB/T 7714 and Vancouver write it (family name first).

    Returns ``None`` when ``text`` is not shaped like a person's name.

    >>> person_name("CAPLIN M E")
    Name(family='Caplin', given='M. E.', particle='', suffix='', corporate=False)
    >>> person_name("Park J-R").given, person_name("Bang YJ").given, person_name("Li Jiangning").given
    ('J.-R.', 'Y. J.', 'Jiangning')
    >>> person_name("徐建明").family
    '徐建明'
    """
    text = text.strip().strip(",;")
    if not text:
        return None
    if has_cjk(text):
        core = re.sub(r"\s", "", text)
        if 2 <= len(core) <= 4 and re.fullmatch(rf"[{HAN}·•]+", core):
            return Name(core)
        if len(core) <= 6 and HAN_RUN.fullmatch(core) and not _org_words(core):
            return Name(core)  # a transliterated foreign name written without its dot: 尼葛洛庞帝
        if re.fullmatch(rf"[{HAN}]+[·•・][{HAN}·•・]+", core) and len(core) <= 12:
            return Name(core)  # a transliterated foreign name: 马克·吐温
        return None
    words = text.replace(",", " ").split()
    if not words or len(words) > 7:
        return None
    suffix = ""
    if len(words) > 2 and _SUFFIX.match(words[-1]):
        suffix = words.pop().rstrip(".")
    # A trailing lowercase von-part, as GB/T 7714-2025 writes "Veen P H v d".
    particle_tail: list[str] = []
    while len(words) > 2 and words[-1].lower() == words[-1] and words[-1].rstrip(".") in _PARTICLES:
        particle_tail.insert(0, words.pop())
    initials: list[str] = []
    while len(words) > 1 and _INITIALS.match(words[-1]):
        initials.insert(0, words.pop())
    if initials:
        family_words = words
        given = format_initials(" ".join(initials))
    elif len(words) >= 2 and all(_LATIN_WORD.match(w) for w in words[:1]) and all(
        _GIVEN_NAME.match(w) for w in words[1:]
    ):
        # Full given name, as pinyin is written in 2025 ("Li Jiangning") or NLM full names.
        family_words, given_words = words[:1], words[1:]
        given = " ".join(natural_case(w) for w in given_words)
    else:
        return None
    if not family_words or len(family_words) > 4:
        return None
    if not all(_LATIN_WORD.match(w) or w.lower() in _PARTICLES for w in family_words):
        return None
    family = " ".join(natural_case(w) for w in family_words)
    return Name(family, given, " ".join(particle_tail), suffix)


def format_initials(text: str) -> str:
    """``'M E'`` / ``'ME'`` / ``'M.E.'`` -> ``'M. E.'``; ``'J-R'`` -> ``'J.-R.'``."""
    out: list[str] = []
    for token in text.replace(".", " ").split():
        if "-" in token:
            out.append("-".join(f"{p}." for p in token.split("-") if p))
        else:
            out.extend(f"{c}." for c in token)
    return " ".join(out)


_PREFIXED_UPPER = re.compile(r"^(Mc|Mac|Fitz)([A-Z]{3,}.*)$")


def natural_case(word: str) -> str:
    """``'CAPLIN'`` -> ``'Caplin'``, ``"O'NEIL"`` -> ``"O'Neil"``, ``'PAZ-ARES'`` -> ``'Paz-Ares'``,
    ``'MCDONALD'`` -> ``'McDonald'``; a word already in mixed case is kept (``'DeVita'``)."""
    m = _PREFIXED_UPPER.match(word)
    if m:  # McDERMOTT, McKENZIE, MacDONALD: a capitalised prefix before an uppercase name
        return m[1] + natural_case(m[2])
    if not word.isupper() or len(word) == 1:
        return word
    parts = re.split(r"(['\-])", word)
    out = []
    for part in parts:
        if part in ("'", "-") or not part:
            out.append(part)
            continue
        low = part[0] + part[1:].lower()
        if low.startswith("Mc") and len(low) > 2:
            low = "Mc" + low[2:].capitalize()
        out.append(low)
    return "".join(out)


ET_AL = re.compile(r"^(?:et\s*al\.?|等|等人|et\s+al\.?,?\s*eds?\.?)$", re.I)
_NAME_SEP = re.compile(r"\s*[,，、;；]\s*")
# Chinese names separated by spaces alone ("王伟 李强"); where commas separate the names, a space
# inside one is padding ("王 伟,李 强": two authors, as typeset two-character names are).
_HAN_SPACE = re.compile(rf"(?<=[{HAN}])\s+(?=[{HAN}])")
# "Amin MB, Edge SB, et al, editors" / "Kasper DL, eds" / "王辰, 主编": the list names editors.
_EDITOR_ROLE = re.compile(r"\s*[,，]?\s*(?:(?:technical\s+|guest\s+)?(?:editors?|eds?)\.?|主编|编著|编|主审)\s*$", re.I)
_TRANSLATOR_ROLE = re.compile(r"\s*[,，]?\s*(?:等\s*[,，]?\s*)?译\s*$|\s*[,，]?\s*(?:translators?|trans)\.?\s*$", re.I)


@dataclass(frozen=True)
class Authors:
    names: tuple[Name, ...]
    et_al: bool = False
    role: str = "author"  # "author", "editor" or "translator"


def parse_author_list(text: str, *, allow_corporate: bool = True) -> Authors | None:
    """Parse a whole author list, or return ``None`` when ``text`` is not one.

    Every item must be a person's name (``CAPLIN M E``, ``Bang YJ``, ``徐建明``), ``et al``/``等``
    (possibly followed by a group: ``et al; KEYNOTE-811 Investigators``), or an organisation
    (``WHO Classification of Tumours Editorial Board``). A trailing ``editors``/``主编`` makes
    the list an editor list.

    >>> [n.bibtex() for n in parse_author_list("CAPLIN M E, PAVEL M, ĆWIKŁA J B, et al").names]
    ['Caplin, M. E.', 'Pavel, M.', 'Ćwikła, J. B.']
    >>> a = parse_author_list("Amin MB, Edge SB, et al, editors"); a.role, a.et_al
    ('editor', True)
    """
    text = text.strip().rstrip(".").strip()
    if not text or len(text) > 1500:
        return None
    role = "author"
    m = _EDITOR_ROLE.search(text)
    if m and m.start() > 0:
        role, text = "editor", text[: m.start()]
    else:
        m = _TRANSLATOR_ROLE.search(text)
        if m and m.start() > 0:
            role, text = "translator", text[: m.start()]
    if _NAME_SEP.search(text):
        text = _HAN_SPACE.sub("", text)
    else:
        text = _HAN_SPACE.sub(",", text)
    items = [i.strip().rstrip(".") for i in _NAME_SEP.split(text) if i and i.strip()]
    if not items:
        return None
    if len(items) == 2 and _FAMILY_WORDS.fullmatch(items[0]) and " " not in items[0] \
            and _GIVEN_WORDS.fullmatch(items[1]) and not person_name(items[1]):
        # one person, inverted: "Ferreira, Candida"
        return Authors((Name(_family(items[0]), items[1]),), False, role)
    items = [part for item in items for part in _split_run_together(item)]
    names: list[Name] = []
    et_al = False
    for pos, item in enumerate(items):
        tail_etal = _TAIL_ET_AL.fullmatch(item) if item.endswith("等") or item[-2:].lower() == "al" else None
        if ET_AL.match(item):
            # "et al" ends the persons; only groups may follow it.
            if not all(_corporate_item(i) and is_organisation(i) for i in items[pos + 1:]):
                return None
            et_al = True
            continue
        if tail_etal and tail_etal[1] and pos == len(items) - 1:
            item = tail_etal[1]
            et_al = True
        fast = _PLAIN_PERSON.fullmatch(item)
        if fast and not _org_words(fast[1]):
            # The common case, "CAPLIN M E" / "Bang YJ": no need for the general rules.
            family = " ".join(natural_case(w) for w in fast[1].split())
            names.append(Name(family, format_initials(fast[2])))
            continue
        if _SUFFIX_ITEM.match(item) and names and not names[-1].corporate and not names[-1].suffix:
            last = names[-1]  # "WRIGHT J T, Jr": the suffix of the name before it
            names[-1] = Name(last.family, last.given, last.particle, item.rstrip("."), False)
            continue
        corporate_words = _org_words(item) and not _shaped_person(item)
        if allow_corporate and corporate_words and _corporate_item(item):
            names.append(Name(item, corporate=True))
            continue
        group = _GROUP_AFTER_PERSONS.sub("", item)
        if allow_corporate and names and pos == len(items) - 1 and group[:1].isupper() and _COLLECTIVE.fullmatch(group):
            # NLM's collective author after the persons: "Yang YJ; CAMI Registry study group",
            # "Yang Y; on behalf CAMI Registry investigators".
            names.append(Name(item, corporate=True))  # as printed
            continue
        name = person_name(item)
        if name is not None:
            names.append(name)
            continue
        if allow_corporate and _corporate_item(item):
            names.append(Name(item, corporate=True))
            continue
        break
    else:
        if names:
            return Authors(tuple(names), et_al, role)
        return None
    # Not a list of names: one organisation whose name holds commas
    # ("Surveillance, Epidemiology, and End Results (SEER) Program"), not persons then a group.
    persons = sum(1 for item in items if _PLAIN_PERSON.fullmatch(item))
    if allow_corporate and persons < 2 and is_organisation(text) and _corporate_item(text) and len(text) < 160:
        return Authors((Name(text.strip(), corporate=True),), False, role)
    return None


# A collective author's name: a few words (no sentence, no quotation) ending in what it is.
_COLLECTIVE = re.compile(r"[^.\"“”]{2,80}\b(?:group|investigators|consortium|collaborat\w+|committee|network|team|"
                         r"trialists|society|panel|working\s+party|writing\s+committee)", re.I)
_GROUP_AFTER_PERSONS = re.compile(r"^(?:on\s+)?(?:behalf\s+(?:of\s+)?|for\s+the\s+)", re.I)
_TAIL_ET_AL = re.compile(r"(.*?)\s*(?:,\s*)?(?:et\s*al|等)", re.I)
_SUFFIX_ITEM = re.compile(r"^(?:Jr|Sr|II|III|IV)\.?$")
# A family name of one or two capitalised words, then one to three capital initials.
_PLAIN_PERSON = re.compile(r"([A-ZÀ-ÞĀ-Ž][A-Za-zÀ-ÿĀ-ž'’]+(?:[-\s][A-ZÀ-ÞĀ-Ž][A-Za-zÀ-ÿĀ-ž'’]+)?)"
                           r"\s((?:[A-Z]\.?\s?){1,4}|[A-Z]\.?-[A-Z]\.?)")


# Pinyin syllables, to read names a converter ran together ("DiaoYufeng": Diao Yufeng).
_PINYIN = re.compile(r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|"
                     r"ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|er|a|o|e|i|u|v)){1,3}")


_TWO_CAPITALISED = re.compile(r"([A-Z][a-z]+)([A-Z][a-z]+)")
_CAPITALISED = re.compile(r"[A-Z][a-z]+")


def _split_run_together(item: str) -> list[str]:
    """Names a converter ran together: pinyin ``DiaoYufeng`` -> ``Diao Yufeng``; two names
    without their comma ``WANG Naining YU Shimin`` -> ``WANG Naining``, ``YU Shimin``."""
    m = _TWO_CAPITALISED.fullmatch(item) if " " not in item else None
    if m and _PINYIN.fullmatch(m[1].lower()) and _PINYIN.fullmatch(m[2].lower()):
        return [f"{m[1]} {m[2]}"]
    words = item.split()
    if len(words) == 4 and all(len(w) > 1 and w.isascii() and w.isupper() and w.isalpha() for w in words[0::2]) \
            and all(_CAPITALISED.fullmatch(w) for w in words[1::2]):
        return [" ".join(words[:2]), " ".join(words[2:])]
    return [item]


def _shaped_person(item: str) -> bool:
    """Family name plus capital initials: the clearest shape of a person's name."""
    return bool(re.fullmatch(r"[^\W\d_][\w'\-]*(?:\s[^\W\d_][\w'\-]*){0,2}\s(?:[A-Z]\.?-?){1,4}", item.strip()))


def _corporate_item(item: str) -> bool:
    item = item.strip()
    if not item or len(item) > 200:
        return False
    if has_cjk(item):
        return is_organisation(item)
    words = item.split()
    if words[0].lower() == "the" and len(words) > 1:
        words = words[1:]  # "the Italian Multicentre Study ... (SMIRA) Group"
    if not words[0][:1].isupper():  # organisations start with a capital, not "2023 ESC Guidelines"
        return False
    # Organisation names are words, not sentences: a few words, mostly capitalised.
    if len(words) > 14:
        return False
    if len(words) <= 3 and not is_organisation(item):
        capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
        return capitalised >= max(1, len(words) // 2)
    return _named_like_an_organisation(item)


# --- folding to ASCII ------------------------------------------------------------------------

# Chinese surnames whose everyday reading differs from the character's first pinyin.
_SURNAME_READINGS = {"曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha",
                     "朴": "piao", "覃": "qin", "盖": "ge", "乐": "yue", "缪": "miao", "翟": "zhai",
                     "召": "shao", "员": "yun", "秘": "bi", "长孙": "zhangsun", "尉迟": "yuchi"}


def ascii_fold(text: str) -> str:
    """Lowercase ASCII letters and digits only: ``'Ćwikła'`` -> ``'cwikla'``, ``'徐建明'`` -> ``'xujianming'``.

    anyascii transliterates any script (Chinese to pinyin) rather than a hand-kept table.
    """
    from anyascii import anyascii  # late import: only keys, lookup and linking need it

    return re.sub(r"[^a-z0-9]", "", anyascii(text).lower())


def chinese_surname(family: str) -> str:
    """The surname of a Chinese name: ``'欧阳晓晖'`` -> ``'欧阳'`` (compound), ``'徐建明'`` -> ``'徐'``."""
    return family[:2] if len(family) > 2 and family[:2] in lexicon.chinese_surnames() else family[:1]


def family_key(family: str) -> str:
    """A family name as keys and lookup compare it: ASCII, with the surname read as a surname
    (``'曾益新'`` -> ``'zengyixin'``, not ``cengyixin``); Latin names just folded.

    >>> family_key("Ćwikła"), family_key("曾益新"), family_key("徐建明")
    ('cwikla', 'zengyixin', 'xujianming')
    """
    if has_cjk(family):
        for surname, reading in sorted(_SURNAME_READINGS.items(), key=lambda kv: -len(kv[0])):
            if family.startswith(surname) and len(family) > len(surname):
                return reading + ascii_fold(family[len(surname):])
    return ascii_fold(family)


def surname_key(family: str) -> str:
    """The surname alone, as a reader types it: ``'郑荣寿'`` -> ``'zheng'``, ``'曾益新'`` -> ``'zeng'``."""
    if not has_cjk(family):
        return ascii_fold(family)
    surname = chinese_surname(family)
    return _SURNAME_READINGS.get(surname) or ascii_fold(surname)


# --- author lists of English author-year and quoted-title styles -----------------------------

# Initials as APA, Harvard and Chicago print them apart from the family name: "A.", "C.J.", "T. G.",
# "J.-R.", "M" (a lone capital, as CSE prints it after a comma).
_LOOSE_INITIALS = re.compile(rf"(?:[{_UPPER}]\.?(?:\s?-\s?|\s)?){{1,4}}")
# A given name written out, possibly with a middle initial: "Gerald", "Lloyd A.", "Nancy C.", "Jean-Paul".
_GIVEN_WORDS = re.compile(rf"[{_UPPER}][a-zà-ÿ'’]+(?:-[{_UPPER}]?[a-zà-ÿ'’]+)?(?:\s[{_UPPER}][a-zà-ÿ'’]+)?"
                          rf"(?:\s[{_UPPER}]\.?)*")
# A family name: one or two capitalised words, maybe after particles ("van der Berg", "De Morgan").
_FAMILY_WORDS = re.compile(rf"(?:(?:{'|'.join(sorted(_PARTICLES, key=len, reverse=True))})\s)*"
                           rf"[{_UPPER}][A-Za-zÀ-ÿĀ-ž'’\-]+(?:\s[{_UPPER}][A-Za-zÀ-ÿĀ-ž'’\-]+)?", re.I)
# A name in natural order: "J. A. Smith", "K. A. Emanuel", "Paul Merkley", "Nancy C. Kula".
_NATURAL = re.compile(rf"(?P<given>(?:[{_UPPER}]\.\s?-?\s?)+|[{_UPPER}][a-zà-ÿ'’]+(?:-[{_UPPER}]?[a-zà-ÿ'’]+)?"
                      rf"(?:\s[{_UPPER}][a-zà-ÿ'’]+)?(?:\s[{_UPPER}]\.)*)\s+(?P<family>(?:(?:van|von|de|der|den|del|da|di|du|le|la|dos|ter)\s)*"
                      rf"[{_UPPER}][A-Za-zÀ-ÿĀ-ž'’\-]+)")
_AND = re.compile(r"\s*(?:,\s*)?(?:&|\band\b)\s*|\s*[,;]\s*")
_ROLE_SUFFIX = re.compile(r"\s*[,.]?\s*\((?:eds?|editors?|comps?)\.?\)\.?\s*$|\s*,?\s*(?:eds?|editors?)\.?\s*$", re.I)
_ETAL_SUFFIX = re.compile(r"\s*,?\s*(?:et\s?al\.?|and\s+others|等)\s*$", re.I)


def parse_name_sequence(text: str) -> Authors | None:
    """An author list in any of the orders English styles print, or ``None``.

    APA and Harvard invert every name (``Robins, A., Rountree, J., & Rountree, N.``); Chicago,
    MLA and the AMS invert only the first (``Camargo, S. J., K. A. Emanuel, and A. H. Sobel``,
    ``McGee, William, Paul Merkley``); IEEE and ACS never invert (``J. A. Smith, B. Doe, and
    C. Roe``); CSE and Vancouver write ``Kudsk KA, Fabian TC``. Semicolons may separate names
    (``Davidson, Lloyd A.; Douglas, Kimberly``); ``(Ed.)`` makes the list an editor list.

    >>> [n.bibtex() for n in parse_name_sequence("Robins, A., Rountree, J., & Rountree, N.").names]
    ['Robins, A.', 'Rountree, J.', 'Rountree, N.']
    >>> [n.bibtex() for n in parse_name_sequence("Camargo, S. J., K. A. Emanuel, and A. H. Sobel").names]
    ['Camargo, S. J.', 'Emanuel, K. A.', 'Sobel, A. H.']
    >>> [n.bibtex() for n in parse_name_sequence("McGee, William, Paul Merkley").names]
    ['McGee, William', 'Merkley, Paul']
    >>> parse_name_sequence("Brown, L. E. (Ed.)").role, parse_name_sequence("Optimization by simulated annealing")
    ('editor', None)
    """
    text = text.strip().rstrip(",;:").strip()
    if not text or len(text) > 2000:
        return None
    role = "author"
    m = _ROLE_SUFFIX.search(text)
    if m and m.start() > 0:
        role, text = "editor", text[: m.start()]
    et_al = False
    if "..." in text or "…" in text:  # APA 7 lists 19 names, an ellipsis, the last
        text, et_al = re.sub(r"\s*,?\s*(?:\.\.\.|…)\s*", ", ", text), True
    m = _ETAL_SUFFIX.search(text)
    if m and m.start() > 0:
        et_al, text = True, text[: m.start()]
    if has_cjk(text):
        return None  # Chinese lists are GB/T's: parse_author_list reads them
    groups = [g.strip() for g in re.split(r"\s*;\s*(?:&\s*|and\s+)?", text) if g.strip()] if ";" in text else [text]
    names: list[Name] = []
    for group in groups:
        parts = [p.strip().rstrip(".") if not _LOOSE_INITIALS.fullmatch(p.strip()) else p.strip()
                 for p in _AND.split(group) if p and p.strip()]
        found = _pair_names(parts, first=not names or ";" in text)
        if found is None:
            return None
        names.extend(found)
    return Authors(tuple(names), et_al, role) if names else None


def _pair_names(parts: list[str], *, first: bool) -> list[Name] | None:
    out: list[Name] = []
    i = 0
    while i < len(parts):
        part, following = parts[i], parts[i + 1] if i + 1 < len(parts) else None
        if following is not None and _FAMILY_WORDS.fullmatch(part) and _LOOSE_INITIALS.fullmatch(following):
            out.append(Name(_family(part), format_initials(following)))  # "Robins, A."
            i += 2
            continue
        if following is not None and first and not out and _FAMILY_WORDS.fullmatch(part) \
                and " " not in part and _GIVEN_WORDS.fullmatch(following):
            given = " ".join(w if w.endswith(".") else w + "." if len(w) == 1 else natural_case(w)
                             for w in following.split())
            out.append(Name(_family(part), given))  # "Dworkin, Gerald", "Davidson, Lloyd A."
            i += 2
            continue
        # "Kudsk KA", "Harrison R.M." are family first; "Paul Merkley", "J. A. Smith" natural order
        # (English styles print a full given name before the family name).
        last_word = part.split()[-1] if part.split() else ""
        name = person_name(part) if _LOOSE_INITIALS.fullmatch(last_word) else None
        if name is None and _org_words(part) and 2 <= len(part.split()) <= 12 and _named_like_an_organisation(part):
            name = Name(part, corporate=True)  # "The Cancer Genome Atlas Research Network"
        if name is None and (natural := _NATURAL.fullmatch(part)):
            given = natural["given"].strip()
            given = format_initials(given) if _LOOSE_INITIALS.fullmatch(given + " ") or ("." in given and \
                _LOOSE_INITIALS.fullmatch(given)) else given
            name = Name(_family(natural["family"]), given)
        if name is None:
            name = person_name(part)
        if name is None and len(part.split()) <= 12 and _named_like_an_organisation(part):
            name = Name(part, corporate=True)
        if name is None:
            return None
        out.append(name)
        i += 1
    return out


_SMALL_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "&", "de", "du", "des", "la", "der", "und", "at",
                          "to"})


def _named_like_an_organisation(text: str) -> bool:
    """An organisation's name, as opposed to a sentence: its words capitalised (the small
    words aside), and no person's name with initials inside."""
    words = [w for w in text.split() if w.lower() not in _SMALL_WORDS]
    if not words or not is_organisation(text) or re.search(r"\b[A-Z][a-z]+\s[A-Z]{1,3}\.?\s[A-Z][a-z]", text):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit() or w[:1] in "(")
    return capitalised >= 0.75 * len(words)


def _family(text: str) -> str:
    return " ".join(natural_case(w) for w in text.split())
