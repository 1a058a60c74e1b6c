"""What the extractor finds: value types and the JSON contract (see docs/extraction.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from councilwatch.dates import FuzzyDate
from councilwatch.extract.dates import DateMention
from councilwatch.extract.gazetteer import EntityMention


@dataclass(frozen=True)
class SymbolMention:
    text: str
    symbol: str
    kind: str
    start: int
    end: int

    def as_dict(self) -> dict:
        return {"text": self.text, "symbol": self.symbol, "kind": self.kind, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class MembershipClaim:
    organisation: str
    state: str
    status: str
    when: FuzzyDate
    start: int
    end: int
    sentence: tuple[int, int]
    basis: str = "text"  # "text": the date is in the sentence; "document": the document's date ("currently")

    def as_dict(self) -> dict:
        return {"organisation": self.organisation, "state": self.state, "status": self.status,
                "earliest": self.when.earliest.isoformat(), "latest": self.when.latest.isoformat(),
                "start": self.start, "end": self.end}


@dataclass(frozen=True)
class EventClaim:
    kind: str
    when: FuzzyDate
    summary: str
    actors: tuple[str, ...]
    topics: tuple[str, ...]
    start: int
    end: int
    sentence: tuple[int, int]

    def as_dict(self) -> dict:
        return {"earliest": self.when.earliest.isoformat(), "latest": self.when.latest.isoformat(),
                "summary": self.summary, "actors": list(self.actors), "start": self.start, "end": self.end}


@dataclass(frozen=True)
class StanceClaim:
    actors: tuple[str, ...]
    target: str
    polarity: str
    start: int
    end: int
    sentence: tuple[int, int]
    when: FuzzyDate | None = None

    def as_dict(self) -> dict:
        return {"actors": list(self.actors), "target": self.target, "polarity": self.polarity,
                "start": self.start, "end": self.end}


@dataclass
class Extraction:
    source: str
    text: str
    doc_date: date
    doc_date_basis: str  # option, text, file
    symbols: list[SymbolMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    memberships: list[MembershipClaim] = field(default_factory=list)
    events: list[EventClaim] = field(default_factory=list)
    stances: list[StanceClaim] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    # memberships a cue read but the knowledge base contradicts (extract/confirmed.py: `checked`): not in the JSON
    # contract's "memberships"; `ingest` leaves them to a person in the review queue
    doubtful: list[MembershipClaim] = field(default_factory=list)

    @property
    def words(self) -> int:
        return len(self.text.split())

    def sentence_of(self, start: int, end: int) -> tuple[int, int]:
        """The sentence (or sentences) holding a span, for quoting it."""
        import bisect

        starts = [s for s, _ in self.sentences]
        i = max(0, bisect.bisect_right(starts, start) - 1)
        j = max(i, bisect.bisect_right(starts, max(start, end - 1)) - 1)
        if not self.sentences:
            return start, end
        return self.sentences[i][0], max(self.sentences[j][1], end)

    def quote(self, start: int, end: int) -> str:
        a, b = self.sentence_of(start, end)
        return self.text[a:b]

    def as_dict(self) -> dict:
        """The JSON contract: one object per file."""
        return {
            "document": {"source": self.source, "doc_date": self.doc_date.isoformat(),
                         "doc_date_basis": self.doc_date_basis, "words": self.words},
            "symbols": [s.as_dict() for s in self.symbols],
            "dates": [d.as_dict() for d in self.dates],
            "entities": [e.as_dict() for e in self.entities],
            "memberships": [m.as_dict() for m in self.memberships],
            "events": [e.as_dict() for e in self.events],
            "stances": [s.as_dict() for s in self.stances],
        }
