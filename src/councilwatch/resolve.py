"""Lenient names: acronyms, full names, aliases, and misspellings within reach of rapidfuzz."""

from __future__ import annotations

import re
import unicodedata

from councilwatch.errors import UnknownName

# A fuzzy match must score at least this (rapidfuzz WRatio, 0-100) and clearly beat the runner-up.
MIN_SCORE = 86
MARGIN = 3

_ARTICLE = re.compile(r"^(the)\s+", re.I)


def fold(name: str) -> str:
    """Case-, accent-, punctuation- and article-insensitive form of a name."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " and ").replace("organization", "organisation")
    text = re.sub(r"[^\w]+", " ", text).strip()
    return _ARTICLE.sub("", text)


class NameIndex:
    """Resolve names of one kind of thing to their ids."""

    def __init__(self, kind: str, entries: list[tuple[str, list[str]]]):
        self.kind = kind
        self.exact: dict[str, str] = {}
        self.choices: dict[str, str] = {}  # folded name -> id
        for ident, names in entries:
            for name in names:
                if not name:
                    continue
                folded = fold(name)
                self.exact.setdefault(folded, ident)
                self.choices.setdefault(folded, ident)
        self._labels = {ident: names[1] if len(names) > 1 else names[0] for ident, names in entries}

    def resolve(self, name: str) -> str:
        ident = self.exact.get(fold(name))
        if ident is not None:
            return ident
        from rapidfuzz import fuzz, process

        query = fold(name)
        if not query:
            raise UnknownName(self.kind, name, [])
        found = process.extract(query, self.choices.keys(), scorer=fuzz.WRatio, limit=12)
        best: dict[str, float] = {}
        for choice, score, _ in found:
            ident = self.choices[choice]
            best[ident] = max(best.get(ident, 0), score)
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        if ranked and ranked[0][1] >= MIN_SCORE and (len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= MARGIN):
            # Short queries (acronyms) must not fuzzily become another acronym.
            if len(query) > 4 or ranked[0][1] >= 95:
                return ranked[0][0]
        raise UnknownName(self.kind, name, [f"{i} ({self._labels.get(i, i)})" for i, _ in ranked[:3]])
