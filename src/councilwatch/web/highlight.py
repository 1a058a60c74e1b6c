"""Split a document's text into plain and claim segments, so the template can mark claims safely."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Segment:
    text: str
    claim: dict | None = None


def segments(text: str, claims: list[dict]) -> list[Segment]:
    """Text in order, each claim's span (start/end character offsets) as its own segment.

    A claim overlapping an earlier one is left unmarked (it still lists below the text);
    spans outside the text are ignored.
    """
    out: list[Segment] = []
    pos = 0
    for claim in sorted(claims, key=lambda c: (c["start"], -c["end"])):
        start, end = int(claim["start"]), int(claim["end"])
        if start < pos or end <= start or end > len(text):
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], claim))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out
