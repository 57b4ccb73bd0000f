"""Linking claims to their sources: sentences and markers (``sentences``, ``markers``), the evidence
rules and their weights (``evidence``), linking (``linking``), the alias policy (``aliases``)
and the integrity report's rules (``check``)."""
