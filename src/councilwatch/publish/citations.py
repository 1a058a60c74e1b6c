"""Sources as the reader sees them: one numbered list per brief, each fact pointing into it.

A stored source is text: a URL, a UN document symbol, a citation ending in a
URL ('Security Council Report, "...", https://...'), several of them joined by
' ; ', or a curated locator. Each part becomes a `Citation` with a label and,
where one exists, a link (undocs.org for UN symbols).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

_URL = re.compile(r"https?://\S+")


@dataclass(frozen=True)
class Citation:
    label: str
    url: str | None = None


def parse_source(text: str) -> list[Citation]:
    """The citations a stored source names, in order."""
    out = []
    for part in (p.strip() for p in (text or "").split(" ; ")):
        if part:
            out.append(_one(part))
    return out


def _one(part: str) -> Citation:
    m = _URL.search(part)
    if m:
        url = m.group(0).rstrip(".,;)")
        label = part[: m.start()].strip().rstrip(",").strip()
        if not label:
            bits = urlsplit(url)
            label = (bits.netloc.removeprefix("www.") + bits.path).rstrip("/")
        return Citation(label, url)
    from councilwatch.symbols import BadSymbol, parse

    try:
        symbol = parse(part)
    except (BadSymbol, ValueError):
        return Citation(part)
    return Citation(str(symbol), symbol.url)


def undocs(symbol: str) -> str | None:
    """The undocs.org link of a UN symbol, None when it has none."""
    from councilwatch.symbols import BadSymbol, parse

    try:
        return parse(symbol).url
    except (BadSymbol, ValueError):
        return None


@dataclass
class SourceList:
    """Numbers citations in order of first use; the same citation keeps its number."""

    items: list[Citation] = field(default_factory=list)
    _index: dict[Citation, int] = field(default_factory=dict)

    def cite(self, *sources: str | Citation | None) -> list[int]:
        numbers: list[int] = []
        for source in sources:
            if source is None:
                continue
            for c in [source] if isinstance(source, Citation) else parse_source(source):
                n = self._index.get(c)
                if n is None:
                    self.items.append(c)
                    n = self._index[c] = len(self.items)
                if n not in numbers:
                    numbers.append(n)
        return numbers
