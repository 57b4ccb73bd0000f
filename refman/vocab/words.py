"""Words that carry no identity: stopwords of keys and of title matching, and a title's content words.

A citation key takes the first significant word of a title (``caplin2014lanreotide``: not
"the", "study" or "trial"); the linker and lookup compare titles by their content words, which
also leave out the words every oncology title shares ("patients", "cancer", "advanced").
"""

from __future__ import annotations

import re

# Grammar words, and the words of every paper's title that name nothing: never a key's word.
STOPWORDS = frozenset("""
a an the of on in for and to with from by at is are as or versus vs via into do does its their
what how why when who which new use using study trial
""".split())

# Beyond those, the words that half of all clinical titles share: they identify no paper.
COMMON_TITLE_WORDS = STOPWORDS | frozenset("""
that this were was phase patients results analysis after treatment therapy randomised
randomized clinical open-label multicentre multicenter among without cancer advanced
first-line plus controlled
""".split())

_WORD = re.compile(r"[a-z0-9][a-z0-9\-]{2,}")


def title_words(text: str) -> set[str]:
    """Content words of a title, hyphenated words also by their parts (DLL3-targeted: dll3).

    >>> sorted(title_words("Tarlatamab, a DLL3-targeted bispecific T-cell engager, in patients"))
    ['bispecific', 'cell', 'dll3', 'dll3-targeted', 'engager', 't-cell', 'targeted', 'tarlatamab']
    """
    words = set()
    for w in _WORD.findall(text.lower()):
        words.add(w)
        if "-" in w:
            words.update(part for part in w.split("-") if len(part) >= 3)
    return {w for w in words
            if w not in COMMON_TITLE_WORDS and not w.isdigit() and re.match(r"[a-z]|\d+[a-z]", w)}
