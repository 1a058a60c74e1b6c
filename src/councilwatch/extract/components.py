"""What every fact component shares: its Matcher patterns (read from a JSONL file) and the sentence context.

Each component is a spaCy pipeline component that reads `doc.user_data["cw"]`
(a SentenceContext: the sentence's entities and dates, found beforehand over
the whole text, and what earlier sentences named) and appends its facts to
`doc.user_data["found"]`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from councilwatch.dates import FuzzyDate
from councilwatch.extract.dates import DateMention
from councilwatch.extract.gazetteer import EntityMention

PATTERNS = Path(__file__).resolve().parent / "patterns"
ENT_LABELS = {"state": "STATE", "organisation": "ORG", "person": "PERSON", "group": "GROUP"}
# Words before a cue that make it hypothetical, negated or reported as a possibility.
_HEDGE = re.compile(r"n['’]t\b|\b(?:would|could|might|may|if|whether|not|never|no|neither|nor|without|threatened|threatens|consider|considering|"
                    r"considered|reviewing|mulling|possible|possibility|potential|rumou?rs?|denied)\b", re.I)
_ANAPHOR_ORG = re.compile(r"\b(?:the|this|that)\s+(?:(?:enlarged|expanded|regional|new|whole|entire)\s+)?(?:organi[sz]ation|bloc|alliance|grouping|body|union|commonwealth|community|league|forum|authority|association)\b"
                          r"|\bits\b|\bit\b", re.I)
_ANAPHOR_ORGS = re.compile(r"\b(?:these|those|the\s+three|the\s+two|all\s+three|the)\s+(?:regional\s+)?(?:organi[sz]ations|bodies"
                           r"|blocs|groupings|organs)\b|\bthem\b", re.I)


# A count written in words or digits ("ten member states", "all 15 members").
NUMBER = (r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
          r"|seventeen|eighteen|nineteen|twenty(?:-\w+)?|thirty(?:-\w+)?)")
# Words every masked status phrase of the memberships component has (a sentence without one is not read for them).
PHRASE_WORDS = (r"member|observer|partner|found|created|established|set\s+up|all(?:y|ies)\b|admitted|joined|applied|suspended"
                r"|suspension|expelled|stay|remain|\bform(?:ed)?\b|constitut|candidate|negotiations\s+with|\bleft\b|\bquit"
                r"|withdrawal|\bexit|departure|\bcounts?\b|\bnumbers?\b|belong|dialogue|\b(?:is|are)\s+in\b|withdrew|pulled\s+out")

_GENERIC_HEADS = {"organisation", "organization", "bloc", "alliance", "grouping", "body", "association"}


@dataclass
class SentenceContext:
    text: str  # the whole document
    start: int
    end: int
    entities: list[EntityMention]
    dates: list[DateMention]
    doc_date: date
    recent_orgs: list[str] = field(default_factory=list)  # organisations named in the last sentences, newest last
    org_group: list[str] = field(default_factory=list)  # the last sentence's list of two or more organisations
    org_names: dict[str, str] = field(default_factory=dict)  # organisation id -> the words it was named with so far
    first_org: str | None = None  # the first organisation the document names: the "we" of a communiqué
    memberless: frozenset[str] = frozenset()  # organisations without member states (UN offices, missions)

    def recent_org(self, noun: str | None = None) -> list[str]:
        """The organisation the text was last about; with a head noun ("the bank", "the League"), the last one
        whose name has that word."""
        candidates = [org for org in self.recent_orgs if org not in self.memberless]
        if noun and noun.lower() not in _GENERIC_HEADS:
            for org in reversed(candidates):
                if noun.lower() in self.org_names.get(org, ""):
                    return [org]
        return candidates[-1:]

    @property
    def sentence(self) -> str:
        return self.text[self.start:self.end]

    def between(self, a: int, b: int) -> str:
        return self.text[a:b]

    def states_near(self, pos: int) -> list[EntityMention]:
        return [e for e in self.entities if e.kind == "state"]


def load_patterns(nlp, filename: str):  # noqa: ANN001 - spacy Language
    """A Matcher over the file's patterns, and the entry of each match key."""
    from spacy.matcher import Matcher

    matcher = Matcher(nlp.vocab)
    entries: dict[str, dict] = {}
    for i, line in enumerate((PATTERNS / filename).read_text(encoding="utf-8").splitlines()):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        entry = json.loads(line)
        key = f"{entry['label']}#{i}"
        entries[key] = entry
        matcher.add(key, [entry["pattern"]])
    return matcher, entries


def cue_matches(doc, matcher, entries: dict[str, dict]) -> list[tuple[dict, int, int]]:  # noqa: ANN001
    """(entry, absolute start, absolute end) of each cue, leftmost-longest, not overlapping."""
    ctx: SentenceContext = doc.user_data["cw"]
    found = []
    for match_id, s, e in matcher(doc):
        entry = entries[doc.vocab.strings[match_id]]
        if "requires" in entry and entry["requires"] not in doc.text.lower():
            continue
        a = doc[s].idx
        b = doc[e - 1].idx + len(doc[e - 1].text)
        found.append((entry, ctx.start + a, ctx.start + b))
    found.sort(key=lambda f: (f[1], -(f[2] - f[1])))
    out, taken = [], -1
    for f in found:
        if f[1] >= taken:
            out.append(f)
            taken = f[2]
    return out


_CLAUSE_JOIN = re.compile(r"\b(?:and|but|while|whereas)\b|;")
_HEDGE_AFTER = re.compile(r"^[^.;]{0,80}?\b(?:would|could|might)\b", re.I)


def hedged(ctx: SentenceContext, cue_start: int, cue_end: int | None = None) -> bool:
    """A hedge word in the few words before the cue ("if Armenia withdrew"), or a conditional
    soon after it ("withdrawing from the CIS ... would not be")."""
    window = ctx.text[max(ctx.start, cue_start - 45):cue_start]
    # "has not applied to join the EU and remains a full member": a hedge before "and"/"but"/";" is another clause's
    window = _CLAUSE_JOIN.split(window)[-1]
    if _HEDGE.search(window):
        return True
    return cue_end is not None and bool(_HEDGE_AFTER.match(ctx.text[cue_end:ctx.end]))


# What may stand between two states of one list: commas, "and", footnote marks ("*"), a parenthetical aside
# ("Transjordan (now Jordan)"), and the words of a formal name the gazetteer reads without them
# ("Burkina Faso, the Republic of Guinea, the Republic of Mali").
# An aside a list item may carry: "Transjordan (now Jordan)", "Mali (since June 2021)".
_ASIDE_WORDS = r"(?:now|formerly|then|today|since|from|until|in|as\s+of)\s"
_FORMAL = r"(?-i:(?:(?:[A-Z][a-z]+\s+){0,2}(?:Republic|Kingdom|State|Sultanate|Federation|Principality|Union)\s+of\s+(?:the\s+)?))?"
_LIST_GAP = re.compile(r"(?:\s*\(" + _ASIDE_WORDS + r"[^()]{1,40}\))?[\s,*]*(?:and|or|as\s+well\s+as)?[\s,*]*(?:the\s+)?" + _FORMAL, re.I)
# (a subject list does not run back across ";": "Its members are A, B and C; Turkmenistan is an associate member")
_SUBJECT_GAP = re.compile(r"(?:\s*\(" + _ASIDE_WORDS + r"[^()]{1,40}\))?[\s,]*(?:and|or|as\s+well\s+as)?[\s,]*(?:the\s+)?" + _FORMAL, re.I)
_CLAUSE_END = re.compile(r",\s+(?:and|but|while|whereas|although)\b|;|\s+—\s+|\((?!" + _ASIDE_WORDS + ")", re.I)


def list_after(ctx: SentenceContext, pos: int, kinds: tuple[str, ...]) -> list[EntityMention]:
    """The first entity of a kind after `pos` in the same clause, and those listed with it."""
    stop = _CLAUSE_END.search(ctx.text, pos, ctx.end)
    limit = stop.start() if stop else ctx.end
    ents = [e for e in ctx.entities if e.start >= pos and e.end <= limit and e.kind in kinds]
    if not ents:
        return []
    out = [ents[0]]
    gap_from = ents[0].end  # where the text between list items starts: after the last item, or after its aside
    for e in ents[1:]:
        if _ASIDE.match(ctx.text, out[-1].end, e.start) and e.end <= (close := _aside_end(ctx, out[-1].end)):
            out.append(e)  # "Transjordan (now Jordan)": the state named in the aside is listed too
            gap_from = close + 1
            continue
        if not _LIST_GAP.fullmatch(ctx.between(gap_from, e.start)):
            break
        out.append(e)
        gap_from = e.end
    return out


_ASIDE = re.compile(r"\s*\(" + _ASIDE_WORDS)


def _aside_end(ctx: SentenceContext, pos: int) -> int:
    close = ctx.text.find(")", pos, ctx.end)
    return close if close > 0 else pos


def clause_end(ctx: SentenceContext, pos: int) -> int:
    stop = _CLAUSE_END.search(ctx.text, pos, ctx.end)
    return stop.start() if stop else ctx.end


def actor_ids(ents: list[EntityMention]) -> tuple[str, ...]:
    """Ids of actors: a group stands for its members, a person also for their state."""
    out: list[str] = []
    for e in ents:
        if e.kind == "group" and e.entry.members:
            out.extend(e.entry.members)
        else:
            out.append(e.id)
            if e.kind == "person" and e.entry.state:
                out.append(e.entry.state)
    return tuple(dict.fromkeys(out))


def set_entities(doc, ctx: SentenceContext) -> None:  # noqa: ANN001
    """Put the gazetteer's entities on the Doc, so patterns can say {"ENT_TYPE": "ORG"}."""
    from spacy.util import filter_spans

    spans = []
    for m in ctx.entities:
        span = doc.char_span(m.start - ctx.start, m.end - ctx.start, label=ENT_LABELS[m.kind], alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.ents = filter_spans(spans)


def nearest_date(ctx: SentenceContext, pos: int) -> DateMention | None:
    """The date mention nearest a cue, preferring one before it (English puts "On 22 March," first)."""
    if not ctx.dates:
        return None
    before = [d for d in ctx.dates if d.end <= pos]
    after = [d for d in ctx.dates if d.start >= pos]
    if before and (not after or pos - before[-1].end <= after[0].start - pos + 40):
        return before[-1]
    return after[0] if after else before[-1]


def subject_before(ctx: SentenceContext, pos: int, kinds: tuple[str, ...]) -> list[EntityMention]:
    """The entities written as a list just before `pos` ("Russia and Tajikistan ... conducted")."""
    ents = [e for e in _outside_relative_clauses(ctx) if e.end <= pos]
    if not ents:
        return []
    chosen: list[EntityMention] = []
    for e in reversed(ents):
        if chosen and not _SUBJECT_GAP.fullmatch(ctx.between(e.end, chosen[-1].start)):
            # Not a list any more; an appositive "(France, the UK, and the US)" names a group's members.
            if not (chosen[-1].kind == "state" and e.kind == "group"):
                break
        if e.kind in kinds or e.kind == "group":
            chosen.append(e)
        elif e.kind == "state" or e.kind == "person":
            # "Armenian Prime Minister Nikol Pashinyan": the adjective belongs to the person.
            if chosen and chosen[-1].kind == "person":
                continue
            chosen.append(e)
    return list(reversed(chosen))


def _outside_relative_clauses(ctx: SentenceContext) -> list[EntityMention]:
    """Entities not inside ", which ... ," or ", who ... ," asides."""
    asides = [(m.start(), m.end()) for m in re.finditer(r",\s+(?:which|who|whose|where|when|(?:\w+\s+){0,2}an?\s+(?:\w+\s+)?member"
                                                        r"\s+of|(?:all|both|each|also)\s+(?:\w+\s+)?members\s+of)\b[^,]*,",
                                                        ctx.sentence)]
    return [e for e in ctx.entities if not any(a <= e.start - ctx.start < b for a, b in asides)]


def org_anaphor(ctx: SentenceContext, a: int, b: int) -> bool:
    return bool(_ANAPHOR_ORG.search(ctx.text, a, b))


def orgs_anaphor(ctx: SentenceContext, a: int, b: int) -> bool:
    return bool(_ANAPHOR_ORGS.search(ctx.text, a, b))


def when(ctx: SentenceContext, pos: int) -> tuple[FuzzyDate, str]:
    d = nearest_date(ctx, pos)
    if d is not None:
        return d.value, "text"
    return FuzzyDate.day(ctx.doc_date), "document"
