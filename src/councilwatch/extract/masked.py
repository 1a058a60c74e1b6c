"""A sentence with its entities and dates written as placeholders, so one regex can read a phrase's shape.

"Finland and Sweden, both CBSS members, applied" reads as "STATE and STATE, both ORG members, applied": a pattern
then says where an organisation or a date may stand without spelling every name, and each placeholder it matched
maps back to its entity.
"""

from __future__ import annotations

from dataclasses import dataclass

from councilwatch.extract.components import SentenceContext

PLACEHOLDER = {"state": "STATE", "organisation": "ORG", "person": "PERSON", "group": "GROUP"}


@dataclass
class Masked:
    text: str
    spans: list[tuple[int, int, object]]  # (start, end) in `text`, and the entity or date mention there
    offsets: list[tuple[int, int]]  # (start in `text`, start in the document) of each piece, to map positions back

    def at(self, start: int, end: int) -> list:
        """The entities and dates whose placeholders lie within [start, end) of the masked text."""
        return [x for s, e, x in self.spans if start <= s and e <= end]

    def doc_pos(self, pos: int) -> int:
        """The document offset of a masked-text position."""
        best = self.offsets[0]
        for m, d in self.offsets:
            if m > pos:
                break
            best = (m, d)
        return best[1] + (pos - best[0])


def mask(ctx: SentenceContext, start: int, end: int) -> Masked:
    """The text of [start, end) with each entity as STATE / ORG / PERSON / GROUP and each date as DATE."""
    items = [(e.start, e.end, PLACEHOLDER[e.kind], e) for e in ctx.entities if start <= e.start and e.end <= end]
    items += [(d.start, d.end, "DATE", d) for d in ctx.dates if start <= d.start and d.end <= end]
    items.sort(key=lambda t: (t[0], -t[1]))
    parts: list[str] = []
    spans: list[tuple[int, int, object]] = []
    offsets: list[tuple[int, int]] = [(0, start)]
    pos, length = start, 0
    for s, e, word, item in items:
        if s < pos:
            continue  # a date inside an entity's span, or overlapping mentions: the first wins
        parts.append(ctx.text[pos:s])
        length += s - pos
        spans.append((length, length + len(word), item))
        parts.append(word)
        length += len(word)
        offsets.append((length, e))
        pos = e
    parts.append(ctx.text[pos:end])
    return Masked("".join(parts), spans, offsets)
