"""The memberships component: who belongs to which organisation with which status, from when.

Reads enumerations ("currently has nine members: China, India, ..."),
accession, frozen participation, suspension, withdrawal, observer and partner
statuses, with the cues in patterns/memberships.jsonl.
"""

from __future__ import annotations

import re

from spacy.language import Language

from councilwatch.dates import FuzzyDate
from councilwatch.extract.components import (
    SentenceContext, cue_matches, hedged, list_after, load_patterns, org_anaphor, subject_before, when,
)
from councilwatch.extract.results import MembershipClaim

# "currently", "now", "today": the statement holds on the document's date.
_ALONGSIDE = re.compile(r"\s*,?\s*(?:alongside|as\s+well\s+as|together\s+with|along\s+with)\s+", re.I)
_PRESENT = re.compile(r"\b(?:currently|now|today|at\s+present|presently|has|have|is|are|comprises|includes)\b", re.I)


@Language.factory("councilwatch_memberships")
def make_memberships(nlp: Language, name: str) -> MembershipsComponent:
    return MembershipsComponent(nlp)


class MembershipsComponent:
    def __init__(self, nlp: Language):
        self.matcher, self.entries = load_patterns(nlp, "memberships.jsonl")

    def __call__(self, doc):  # noqa: ANN001, ANN204 - spacy Doc
        ctx: SentenceContext = doc.user_data["cw"]
        out: list[MembershipClaim] = doc.user_data["found"]["memberships"]
        for entry, a, b in cue_matches(doc, self.matcher, self.entries):
            if hedged(ctx, a, b):
                continue
            if entry["label"] == "enumeration":
                out.extend(self._enumeration(ctx, a, b))
            elif entry["label"] == "member_of":
                out.extend(self._member_of(ctx, a, b))
            else:
                out.extend(self._status(ctx, entry["label"], a, b))
        return doc

    def _organisations(self, ctx: SentenceContext, a: int, b: int, prefer_after: bool) -> list[str]:
        orgs = [e for e in ctx.entities if e.kind == "organisation"]
        after = list_after(ctx, a, ("organisation",))
        before = [e for e in orgs if e.end <= a]
        # "the organisation" names the last organisation mentioned, in this sentence or before it.
        last = [before[-1].id] if before else ctx.recent_orgs[-1:]
        if prefer_after and after:
            return list(dict.fromkeys(e.id for e in after))
        if prefer_after and org_anaphor(ctx, b, min(ctx.end, b + 40)) and last:
            return last
        if before:
            return [before[-1].id]
        if not orgs and ctx.recent_orgs:
            # A sentence that names no organisation continues the paragraph's ("Türkiye and Egypt are dialogue partners").
            return ctx.recent_orgs[-1:]
        return [after[0].id] if after else []

    def _member_of(self, ctx: SentenceContext, a: int, b: int) -> list[MembershipClaim]:
        """"Tajikistan, a member of the CSTO, the SCO, and the CIS": an appositive."""
        orgs = list_after(ctx, b, ("organisation",))
        states = [e for e in subject_before(ctx, a, ("state",)) if e.kind == "state"]
        if not orgs or not states:
            return []
        # "... remain members of the CSTO alongside Belarus and Russia."
        tail = _ALONGSIDE.match(ctx.text, orgs[-1].end, ctx.end)
        if tail:
            states += list_after(ctx, tail.end(), ("state",))
        past = re.search(r"\b(?:was|were|had\s+been)\b", ctx.between(states[0].start, a))
        value, basis = when(ctx, a) if past else (FuzzyDate.day(ctx.doc_date), "document")
        out = []
        for s in states:
            for o in orgs:
                out.append(MembershipClaim(o.id, s.id, "member", value, min(s.start, a), max(o.end, s.end), (ctx.start, ctx.end), basis))
        return out

    def _enumeration(self, ctx: SentenceContext, a: int, b: int) -> list[MembershipClaim]:
        if any(e.kind == "group" and e.start < b and a < e.end for e in ctx.entities):
            return []  # "Council members: ..." lists a group, not an organisation's members
        named = any(e.kind == "organisation" for e in ctx.entities) or org_anaphor(ctx, ctx.start, a)
        orgs = self._organisations(ctx, a, b, prefer_after=False) if named else []
        if not orgs:
            return []
        org = orgs[0]
        listed = [e for e in ctx.entities if e.start >= b and e.kind == "state"]
        if len(listed) < 2:
            return []
        head = ctx.between(ctx.start, a)
        dm = [d for d in ctx.dates if d.end <= a]
        if _PRESENT.search(head) or not dm:
            value, basis = FuzzyDate.day(ctx.doc_date), "document"
        else:
            value, basis = dm[-1].value, "text"
        seen, out = set(), []
        for e in listed:
            if e.id in seen:
                continue
            seen.add(e.id)
            out.append(MembershipClaim(org, e.id, "member", value, e.start, e.end, (ctx.start, ctx.end), basis))
        return out

    def _status(self, ctx: SentenceContext, status: str, a: int, b: int) -> list[MembershipClaim]:
        orgs = self._organisations(ctx, a, b, prefer_after=True)
        if not orgs:
            return []
        subject = [e for e in subject_before(ctx, a, ("state", "person")) if e.kind in ("state", "person")]
        states = [e for e in subject if e.kind == "state"]
        if not states:
            # Passive or object: "ECCAS suspended Gabon", "the suspensions of Mali, Burkina Faso and the Sudan".
            states = list_after(ctx, a, ("state",))
        value, basis = when(ctx, a)
        out, seen = [], set()
        for e in states:
            if e.id in seen:
                continue
            seen.add(e.id)
            start = min(e.start, a)
            for org in orgs:
                out.append(MembershipClaim(org, e.id, status, value, start, max(b, e.end), (ctx.start, ctx.end), basis))
        return out
