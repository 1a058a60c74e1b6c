"""Sentence boundaries in running text, fast: a regex and a list of abbreviations.

spaCy's sentencizer would do, but only after tokenising everything; the
extractor needs sentences only around candidate facts, and this is ten times faster.
"""

from __future__ import annotations

import re

_END = re.compile(r"[.!?][\"”’)\]]*[ \t]+(?=[\"“‘(\[]?[A-Z0-9])|\n[ \t]*\n?|[.!?][\"”’)\]]*$")
_ABBREV = frozenset("""mr mrs ms dr no nos st mt jan feb mar apr jun jul aug sep sept oct nov dec vs para paras art
gen lt col amb prof rev sen rep gov messrs e.g i.e u.s u.n u.k h.e approx etc al fig op cf""".split())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or heading line; spans cover no leading or trailing blanks."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.start() + 1 if text[m.start()] in ".!?" else m.start()
        if text[m.start()] == ".":
            word = re.search(r"([\w.]+)$", text[max(start, m.start() - 12):m.start()])
            w = word.group(1).lower() if word else ""
            # "U.S. officials", "Mr. Nebenzia", initials "V. Putin": not an end.
            if w in _ABBREV or (len(w) == 1 and w.isalpha() and text[m.start() - 1].isupper()):
                continue
        if text[m.start()] in ".!?":
            end = m.start() + len(m.group(0).rstrip())
            if m.group(0).rstrip()[-1:] not in ".!?\"”’)]":
                end = m.start() + 1
        _add(text, spans, start, end)
        start = m.end()
    _add(text, spans, start, len(text))
    return spans


def _add(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
