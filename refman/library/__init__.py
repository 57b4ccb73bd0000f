"""The library: a folder of BibTeX files (``store``), its search index (``index``), lookup
(``search``) and export (``export``)."""
