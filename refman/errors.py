"""refman's small exception family.

Every failure a user can cause (an unreadable file, an empty document, a library folder that
does not exist) is one of these; the CLI prints the message as one line and exits non-zero.
Messages say what to do next.
"""

from __future__ import annotations


class RefmanError(Exception):
    """Base of every error refman raises on purpose.

    >>> raise RefmanError("no reference list found in draft.txt; pass the list alone")
    Traceback (most recent call last):
    refman.errors.RefmanError: no reference list found in draft.txt; pass the list alone
    """

    exit_code = 1


class InputError(RefmanError):
    """The input cannot be read: empty, binary, undecodable, too large, missing.

    Exit code 2, as for usage errors: the user must hand refman something else.
    """

    exit_code = 2


class NoReferencesError(RefmanError):
    """The document was read but holds no reference list refman can find."""

    exit_code = 1


class LibraryError(RefmanError):
    """The library folder is missing, unwritable, or holds a BibTeX file that cannot be read."""

    exit_code = 2


class StrictModeError(RefmanError):
    """Raised under ``strict=True`` when parsing produced warnings."""

    exit_code = 1
