"""The stances component: who views which organisation how (supportive, critical, opposed, neutral)."""

from __future__ import annotations

from spacy.language import Language

from councilwatch.extract.components import (
    SentenceContext, actor_ids, clause_end, cue_matches, hedged, load_patterns, orgs_anaphor, subject_before,
)
from councilwatch.extract.results import StanceClaim


@Language.factory("councilwatch_stances")
def make_stances(nlp: Language, name: str) -> StancesComponent:
    return StancesComponent(nlp)


class StancesComponent:
    def __init__(self, nlp: Language):
        self.matcher, self.entries = load_patterns(nlp, "stances.jsonl")

    def __call__(self, doc):  # noqa: ANN001, ANN204 - spacy Doc
        ctx: SentenceContext = doc.user_data["cw"]
        out = doc.user_data["found"]["stances"]
        seen: set[tuple] = set()
        for entry, a, b in cue_matches(doc, self.matcher, self.entries):
            if hedged(ctx, a, b):
                continue
            subject = [e for e in subject_before(ctx, a, ("state", "group", "person")) if e.kind != "organisation"]
            # "The P3 members (France, the UK, and the US)": the group stands for its members.
            groups = [e for e in subject if e.kind == "group"]
            actors = tuple(s for s in actor_ids(groups or subject) if "-" not in s)
            if not actors:
                continue
            end = clause_end(ctx, b)
            after = [e.id for e in ctx.entities if e.kind == "organisation" and e.start >= b and e.end <= end]
            before = [e.id for e in ctx.entities if e.kind == "organisation" and ctx.start <= e.start and e.end <= a]
            if after:
                targets = after
            elif orgs_anaphor(ctx, b, end):
                targets = before or _recent(ctx)
            else:
                continue
            start = min([e.start for e in subject] + [a])
            for target in dict.fromkeys(targets):
                key = (actors, target, entry["label"])
                if key in seen:
                    continue
                seen.add(key)
                out.append(StanceClaim(actors, target, entry["label"], start, b, (ctx.start, ctx.end)))
        return doc


def _recent(ctx: SentenceContext) -> list[str]:
    """The organisations the last sentences named, in order: what "these organisations" refers to."""
    return list(ctx.org_group)
