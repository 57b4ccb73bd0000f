"""What a sentence or a query names: trial names, registry ids, drugs, author mentions, years.

A claim without a marker is linked by what it names, and lookup indexes what the sentences
citing a source call it (``FLAURA研究``, ``吴一龙教授``, ``Liu等``); both read text with these rules.
"""

from __future__ import annotations

import re

from ..model import Entities
from . import lexicon
from .identifiers import registry_ids
from .names import ascii_fold, surname_key
from .script import HAN, has_cjk, years_in
from .trials import is_generic, names_in

# What a sentence calls a trial: "CLARINET FORTE前瞻性Ⅱ期临床试验", "KEYNOTE-811 trial". The
# repetition is possessive: its words never overlap "试验"/"trial", so nothing is given back.
_TRIAL_WORDS = re.compile(r"(?:\s|[ⅠⅡⅢⅣIV/]+\s*[bB]?\s*期|随机|双盲|前瞻性|多中心|回顾性|临床)*+"
                          r"(?:试验|研究|trial|study|studies)", re.I)
_TRIAL_WORDS_BEFORE = re.compile(r"(?:the|in|of|from)\s+(?:phase\s+[IV123]+\s+)?$", re.I)
# "Neotorch研究": a capitalised word that a Chinese sentence calls a study is a trial name.
_NAMED_STUDY = re.compile(r"(?<![A-Za-z0-9\-])([A-Z][a-z][A-Za-z0-9\-]{2,})(?=\s*(?:研究|试验))")
_AUTHOR_MENTION = re.compile(
    r"(?<![A-Za-z])(?P<latin>(?:[A-Z][a-zà-ÿ'’]+)+(?:[-\s][A-Z][a-zà-ÿ'’]+)?)\s*(?:等人?|et\s+al\.?|and\s+colleagues|团队)"
    rf"|(?P<cjk>[{HAN}]{{1,3}})等(?:人)?(?=[\^\[（(]|报道|研究|发现|开展|的)"
)
# A Chinese investigator is named right before a title: "由吴一龙教授牵头", "罗慧叶等报道".
_TITLE_AFTER_NAME = re.compile(r"(?:教授|医生|博士|院士|主任|研究员|团队|课题组|"
                               r"等人?(?=[\^\[（(]|报道|研究|发现|开展|的|在|发表))")


def find_entities(text: str, drug_lexicon: lexicon.DrugLexicon | None = None) -> Entities:
    """The entities named in a text (give it without its citation markers).

    >>> e = find_entities("在SSA的增量使用方面，CLARINET FORTE前瞻性Ⅱ期临床试验结果显示，增量使用兰瑞肽")
    >>> e.trials, e.drugs
    (('CLARINET FORTE',), ('lanreotide',))
    """
    generic = lexicon.generic_abbreviations()
    drug_lexicon = drug_lexicon or lexicon.drugs()
    acronyms, trials = [], []
    registry = registry_ids(text)
    for name, m in names_in(text, generic):
        if name in registry or drug_lexicon.find(name):  # KN026, DS-8201: a drug's code, not a trial
            continue
        acronyms.append(name)
        after, before = text[m.end(): m.end() + 16], text[max(0, m.start() - 20): m.start()]
        called_trial = _TRIAL_WORDS_BEFORE.search(before) and re.match(r"\s*(trial|study)", after, re.I)
        if _TRIAL_WORDS.match(after) or called_trial:
            trials.append(name)
    for m in _NAMED_STUDY.finditer(text):
        if m[1] not in acronyms and not is_generic(m[1], generic) and not drug_lexicon.find(m[1]):
            acronyms.append(m[1])
            trials.append(m[1])
    drugs = [inn for inn, _, _ in drug_lexicon.find(text)]
    authors = []
    for m in _AUTHOR_MENTION.finditer(text):
        name = m["latin"] or m["cjk"]
        if name and name.upper() not in generic:
            authors.append(name.split()[-1] if m["latin"] else name)
    unique = lambda xs: tuple(dict.fromkeys(xs))  # noqa: E731 - order-keeping dedupe
    return Entities(unique(acronyms), unique(trials), registry, unique(drugs),
                    unique(authors), unique(years_in(text)))


def chinese_persons(text: str) -> list[str]:
    """Chinese investigators named in a sentence: "由吴一龙教授牵头" -> ["吴一龙"].

    A name is two or three characters right before a title or "等", starting with a common
    surname; of "我国徐卫教授" the likelier reading, 徐卫 (徐 is far commoner than 国), wins.

    >>> chinese_persons("由中国人民解放军总医院徐建明教授团队牵头开展")
    ['徐建明']
    """
    surnames = lexicon.chinese_surnames()
    out: list[str] = []
    for m in _TITLE_AFTER_NAME.finditer(text):
        before = text[max(0, m.start() - 4): m.start()]
        if re.search(r"教授|医生|博士|院士|主任|团队|等$", before):
            continue  # "教授团队": the title before this one already gave the name
        best, best_rank = None, 0
        for size in (3, 2):
            name = before[-size:]
            if len(name) != size or not all(has_cjk(c) for c in name):
                continue
            surname = name[:2] if name[:2] in surnames and size == 3 else name[0]
            rank = surnames.get(surname)
            if rank is None:
                continue
            # Three characters is the usual length; two wins only with a much commoner surname.
            score = rank if size == 3 else rank * 3
            if best is None or score < best_rank:
                best, best_rank = name, score
        if best and best not in out:
            out.append(best)
    return out


def author_mentions(text: str, entities: Entities) -> list[tuple[str, str]]:
    """(family name folded to ASCII, as written) for "Liu等", "Halperin et al.", "罗慧叶教授".

    >>> author_mentions("罗慧叶教授团队报道", Entities())
    [('luo', '罗慧叶')]
    """
    out = [(ascii_fold(a), a) for a in entities.authors if not has_cjk(a)]
    for name in chinese_persons(text):
        out.append((surname_key(name), name))
    return [(f, s) for f, s in out if f]
