"""``python -m refman``: the same as the ``refman`` command."""

from .cli import main

main(prog_name="refman")
