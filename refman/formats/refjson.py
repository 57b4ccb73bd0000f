"""refman's own JSON: every parsed field, names in their BibTeX form."""

from __future__ import annotations

import json


def to_json(refs) -> str:
    """refman's own JSON: every parsed field, names in BibTeX form."""
    return json.dumps([r.to_dict() for r in refs], ensure_ascii=False, indent=2) + "\n"
