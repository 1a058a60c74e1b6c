"""The events component: dated actions with their actors (attacks, drills, announcements, votes, meetings, reports)."""

from __future__ import annotations

import re

from spacy.language import Language

from councilwatch.extract.components import (
    SentenceContext, actor_ids, cue_matches, load_patterns, nearest_date, subject_before,
)
from councilwatch.extract.results import EventClaim

SUMMARY_CHARS = 240


@Language.factory("councilwatch_events")
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp)


class EventsComponent:
    def __init__(self, nlp: Language):
        self.matcher, self.entries = load_patterns(nlp, "events.jsonl")

    def __call__(self, doc):  # noqa: ANN001, ANN204 - spacy Doc
        ctx: SentenceContext = doc.user_data["cw"]
        if not ctx.dates:
            return doc  # an event is a dated action
        cues = cue_matches(doc, self.matcher, self.entries)
        if not cues:
            return doc
        # One event per sentence: its first action with the date nearest to it.
        entry, a, b = cues[0]
        d = nearest_date(ctx, a)
        if d is None:
            return doc
        kinds = ("state", "person", "organisation", "group")
        subject = subject_before(ctx, a, kinds)
        # "During a press conference, Putin said": the subject comes before the next action.
        for _, a2, _ in cues[1:]:
            if subject:
                break
            subject = subject_before(ctx, a2, kinds)
        actors = actor_ids(subject)
        topics = tuple(dict.fromkeys(e.id for e in ctx.entities if e.kind == "organisation" and e.start >= b))
        summary = f"{entry['label'].replace('_', ' ')}: {_clip(ctx.sentence)}"
        doc.user_data["found"]["events"].append(
            EventClaim(entry["label"], d.value, summary, actors, topics, ctx.start, ctx.end, (ctx.start, ctx.end)))
        return doc


def _clip(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= SUMMARY_CHARS:
        return text
    cut = text[:SUMMARY_CHARS]
    return re.sub(r"\s+\S*$", "", cut) + " …"
