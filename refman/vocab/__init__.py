"""The shared vocabulary: the ideas several stages need, each defined once.

Every stage (read, parse, claims, library, formats) imports these and never another stage's
helpers, so a rule fixed here is fixed everywhere:

- ``script``: Chinese characters, their share of a text, years;
- ``identifiers``: DOI, PMID, PMCID, ISBN, ISSN, CSTR and trial-registry ids;
- ``trials``: what a trial name looks like, its spelling key, which trials a title names;
- ``names``: person and organisation names, author lists, names folded to ASCII;
- ``types``: one table from the GB/T 7714 type code to BibTeX, biblatex, CSL and RIS types;
- ``lines``: what a reference line looks like (numbering, type codes, citation shape), and
  how a line broken by hyphenation is joined;
- ``words``: stopwords and the content words of a title;
- ``mentions``: what a sentence or a query names (trials, registry ids, drugs, authors, years);
- ``features``: what a reference can be recognised by (its profile);
- ``works``: whether two references are the same work;
- ``lexicon``: the shipped word lists (drugs, abbreviations, journals, surnames).
"""
