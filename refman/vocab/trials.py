"""Trial names: how they are written, how two spellings are compared, which trials a title names.

Medical writers name sources by their trials (CLARINET, KEYNOTE-189, IMpower133, DESTINY-Gastric04,
CheckMate 067). The claim linker, lookup, the alias policy and ``check`` all ask the same three
questions, answered here once:

- is this word shaped like a trial name (``trial_shaped``), and not a generic abbreviation
  (``trim_generic`` with ``lexicon.generic_abbreviations``)?
- are two spellings the same name (``acronym_key``: case, spaces and hyphens do not count;
  digits and suffixes do, so KEYNOTE-189 is not KEYNOTE-407)?
- which trials does a title name (``title_trials``), and is a title about another trial than
  the one a sentence names (``other_trial``)?

Every pattern here is linear in its input: words are matched in atomic groups, so a glued word
of thousands of letters (``ASCTinpatientstreatedwithmelphalan``) costs one pass.
"""

from __future__ import annotations

import re

from . import lexicon

# One word of a trial-like name: capitals with digits or inner capitals (KEYNOTE-158, IMpower133,
# DESTINY-Gastric04, KC-WISE, ToGA, monarchE), possibly with hyphenated parts.
_WORD = (r"(?>[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9]*|[A-Z]{2,}[a-z]*|[a-z]{3,}[A-Z][A-Za-z0-9]*)"
         r"(?:[-‐][A-Za-z0-9]+)*+")
# A name: one such word, possibly followed by more (CLARINET FORTE, DART SWOG S1609, CheckMate 067).
ACRONYM = re.compile(rf"(?<![A-Za-z0-9\-]){_WORD}"
                     rf"(?:[ \t](?:{_WORD}|\d{{1,4}}(?![\d.%]))(?![A-Za-z0-9\-]))*+(?![A-Za-z0-9\-])")

# How trial names are written: letters then two or more digits (KEYNOTE-189, IMpower133,
# CheckMate 067, E1912, DESTINY-Breast03), camel case (IMpower, CheckMate, monarchE) ...
_CODED = re.compile(r"[A-Za-z]+(?:[\s\-][A-Za-z]+)*[\s\-]?\d{2,}[a-z]*|[A-Z]+[a-z]+[A-Z0-9].*|[a-z]+[A-Z].*", re.S)
# ... or a word in capitals (FLAURA, RECOURSE), possibly with more words (DART SWOG S1609).
_CAPITALS = re.compile(r"[A-Z]{4,}(?:[\s\-][A-Z0-9][A-Za-z0-9]*)*"
                       r"|[A-Z](?=[a-z]*[A-Z])[A-Za-z]*(?:[\s\-][A-Z0-9][A-Za-z0-9]*)+")

# A title names its trial in parentheses, or before "trial", "study", "investigators".
_TRIAL_AFTER = re.compile(r"\W{0,3}(?:[\w\-]+\s+){0,2}(?:trial|study|studies|investigators|试验|研究)", re.I)


def acronym_key(name: str) -> str:
    """Spelling-insensitive form of a trial name.

    >>> acronym_key("IMpower 133"), acronym_key("Checkmate-067"), acronym_key("KEYNOTE-189")
    ('IMPOWER133', 'CHECKMATE067', 'KEYNOTE189')
    """
    return re.sub(r"[\s\-‐_./]", "", name).upper()


def trial_shaped(name: str) -> bool:
    """Whether a name is written like a trial's (filter generic abbreviations first).

    >>> [trial_shaped(n) for n in ("KEYNOTE-189", "IMpower133", "FLAURA", "DART SWOG S1609", "Lancet")]
    [True, True, True, True, False]
    """
    return bool(_CODED.fullmatch(name) or _CAPITALS.fullmatch(name))


def is_generic(word: str, generic: frozenset[str] | None = None) -> bool:
    """``HER2``, and ``EGFR-mutated``, ``PD-L1-positive``: an abbreviation (plus a lowercase word)
    that never names a trial by itself."""
    generic = lexicon.generic_abbreviations() if generic is None else generic
    while True:
        if word.upper() in generic:
            return True
        head, _, tail = word.rpartition("-")
        if not head or not tail.islower():
            return False
        word = head


def trim_generic(name: str, generic: frozenset[str] | None = None) -> str:
    """``'DART SWOG S1609 II'`` -> ``'DART SWOG S1609'``: generic words off both ends.

    >>> trim_generic("PD-L1 CLARINET FORTE"), trim_generic("HER2")
    ('CLARINET FORTE', '')
    """
    generic = lexicon.generic_abbreviations() if generic is None else generic
    if is_generic(name, generic):
        return ""
    words = name.split()
    while words and (is_generic(words[-1], generic) or (words[-1].isdigit() and len(words) == 1)):
        words.pop()
    while words and is_generic(words[0], generic):
        words.pop(0)
    return " ".join(words)


def names_in(text: str, generic: frozenset[str] | None = None) -> list[tuple[str, re.Match[str]]]:
    """Every trial-like name in a text, generic words trimmed, with its match (for its place)."""
    generic = lexicon.generic_abbreviations() if generic is None else generic
    out = []
    for m in ACRONYM.finditer(text):
        name = trim_generic(m[0], generic)
        if name and name.upper() not in generic and len(name) >= 3:
            out.append((name, m))
    return out


def title_trials(title: str, generic: frozenset[str] | None = None, *, named_only: bool = False) -> list[str]:
    """The trial names a title gives: ``(KEYNOTE-189)``, ``the TALENT trial``, and names shaped
    like trials (``IMpower133``); not the abbreviations it defines nor genes. ``named_only``
    keeps only the names the title itself calls a trial (in parentheses, or before "trial",
    "study"): the evidence strong enough to accuse a citation of naming the wrong trial.

    >>> title_trials("Pembrolizumab plus chemotherapy in NSCLC (KEYNOTE-189): a phase 3 trial")
    ['KEYNOTE-189']
    >>> title_trials("Large cell neuroendocrine carcinoma (LCNEC) of the lung: BRAF status")
    []
    >>> title, = ["Sintilimab in NSCLC (Oncology pRogram by InnovENT anti-PD-1-11)"]
    >>> title_trials(title), title_trials(title, named_only=True)
    (['InnovENT'], [])
    """
    out = []
    for name, m in names_in(title, generic):
        before, after = title[: m.start()], title[m.end():]
        in_parens = before.rstrip().endswith("(") and after.lstrip().startswith(")")
        if in_parens and _expands(name, before.rstrip()[:-1]):
            continue
        named = in_parens or bool(_TRIAL_AFTER.match(after))
        shaped = bool(_CODED.fullmatch(name)) or (name.isupper() and len(name) >= 5 and " " not in name)
        if named or (shaped and not named_only):
            out.append(name)
    return out


def other_trial(name: str, title: str) -> str | None:
    """The trial a title names when it is not ``name``: the sign of a paper cited for the wrong
    trial. ``None`` when the title names ``name`` (in any spelling) or no trial at all.

    >>> other_trial("KEYNOTE-407", "Pembrolizumab plus chemotherapy in NSCLC (KEYNOTE-189)")
    'KEYNOTE-189'
    >>> other_trial("Keynote 189", "Pembrolizumab plus chemotherapy in NSCLC (KEYNOTE-189)") is None
    True
    """
    from rapidfuzz import fuzz

    generic = lexicon.generic_abbreviations()
    key, title_key = acronym_key(name), acronym_key(title)
    if key in title_key:
        return None
    words = [w for w in re.split(r"[\s\-]+", name) if len(w) >= 3 and w.upper() not in generic]
    # Numbers are identity (KEYNOTE-189 is not KEYNOTE-407): a numbered name's numbers must be
    # the title's (DART SWOG S1609 is the title's "DART SWOG 1609"), and one of its words too.
    numbers = re.findall(r"\d+", name)
    if numbers and not set(numbers) <= set(re.findall(r"\d+", title)):
        words = []
    if any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", title, re.I) for w in words):
        return None
    if not numbers and fuzz.partial_ratio(key, title_key) >= 85:
        return None  # a misspelt name (CLARNET)
    for found in title_trials(title, generic, named_only=True):
        if len(found) >= 4 and acronym_key(found) != key:
            return found
    return None


def _expands(acronym: str, before: str) -> bool:
    """``LCNEC`` after ``large cell neuroendocrine carcinoma``: an abbreviation being defined."""
    letters = re.sub(r"[^A-Za-z]", "", acronym).lower()
    words = re.findall(r"[A-Za-z]+", before)[-(len(letters) + 3):]
    initials = "".join(w[0].lower() for w in words)
    it = iter(initials)
    return len(letters) >= 2 and letters[0] in initials and all(c in it for c in letters)
