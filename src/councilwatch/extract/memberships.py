"""The memberships component: who belongs to which organisation with which status, from when.

Reads enumerations ("currently has nine members: China, India, ..."),
accession, candidate status, frozen participation, suspension, withdrawal,
observer and partner statuses, appositives ("Guyana, a CARICOM member") and
members named after their organisation ("the EFTA countries Iceland and
Liechtenstein"), with the cues in patterns/memberships.jsonl.
"""

from __future__ import annotations

import re

from spacy.language import Language

from councilwatch.dates import FuzzyDate
from councilwatch.extract.components import (
    SentenceContext, clause_end, cue_matches, hedged, list_after, load_patterns, org_anaphor, subject_before, when,
)
from councilwatch.extract.results import MembershipClaim

# "currently", "now", "today": the statement holds on the document's date.
_ALONGSIDE = re.compile(r"\s*,?\s*(?:alongside|as\s+well\s+as|together\s+with|along\s+with)\s+", re.I)
# The object of a cue that is not an organisation: a treaty, talks, a deal.
_NOT_ORG_OBJECT = re.compile(r"\s*(?:in\s+|to\s+)?(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}(?:Treaty|Convention|Agreement|Protocol|Accord|Pact"
                             r"|Initiative\s+on|talks|negotiations|deal|arrangement)\b")
_PRONOUN_OBJECT = re.compile(r"\s*(?:it|them)\b")
# "the 15-member bloc", "the Organisation": an organisation named by a noun right after a cue.
_ORG_NP = re.compile(r"\s*(?:the|that|this)\s+(?:[\w-]+\s+){0,2}?(?:organi[sz]ation|bloc|alliance|grouping|union|community)\b", re.I)
_THAT_ORG = re.compile(r"\bthat\s+(?:the|this)\s+(?:organi[sz]ation|bloc|alliance|grouping)\b", re.I)
_COUNTED = re.compile(r"\b(?:the|these|those|all)\s+(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[A-Z][\w-]*\s+)?"
                      r"(?:countries|states|members|governments)\b", re.I)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_TOGETHER = re.compile(r",?\s*(?:together|along)\s+with\s+", re.I)
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
        other_object = False
        for entry, a, b in cue_matches(doc, self.matcher, self.entries):
            if hedged(ctx, a, b):
                continue
            # "suspended its participation in the Treaty on ... and withdrew from it": a treaty, not an organisation,
            # and "it" then names the treaty too.
            if _NOT_ORG_OBJECT.match(ctx.text, b, ctx.end) and not self._org_at(ctx, b):
                other_object = True
                continue
            if other_object and _PRONOUN_OBJECT.match(ctx.text, b, ctx.end):
                continue
            if entry["label"] == "enumeration":
                out.extend(self._enumeration(ctx, a, b))
            elif entry["label"] == "member_of":
                out.extend(self._member_of(ctx, a, b))
            elif entry["label"] == "org_members":
                out.extend(self._org_members(ctx, a, b))
            elif entry["label"] == "partner_list":
                out.extend(self._listed_after(ctx, "partner", a, b))
            elif entry["label"] == "candidate":
                out.extend(self._candidate(ctx, a, b))
            else:
                out.extend(self._status(ctx, entry["label"], a, b))
        return doc

    @staticmethod
    def _org_at(ctx: SentenceContext, pos: int) -> bool:
        """An organisation is named within the few words right after `pos`."""
        return any(e.kind == "organisation" and pos <= e.start <= pos + 60 for e in ctx.entities)

    def _organisations(self, ctx: SentenceContext, a: int, b: int, prefer_after: bool) -> list[str]:
        orgs = [e for e in ctx.entities if e.kind == "organisation"]
        after = list_after(ctx, a, ("organisation",))
        before = [e for e in orgs if e.end <= a]
        # "the organisation" names the last organisation mentioned, in this sentence or before it.
        last = [before[-1].id] if before else ctx.recent_orgs[-1:]
        anaphor = _ORG_NP.match(ctx.text, b, ctx.end)
        if prefer_after and anaphor and last and (not after or anaphor.end() <= after[0].start):
            # "remains suspended from the 15-member bloc ... but has not joined the AES": the bloc comes first.
            return last
        if prefer_after and after:
            return list(dict.fromkeys(e.id for e in after))
        if prefer_after and org_anaphor(ctx, b, min(ctx.end, b + 40)) and last and not (orgs and orgs[-1].start >= b):
            # A bare "it"/"its" is weak: an organisation named later in the sentence wins over it.
            return last
        if before:
            return [before[-1].id]
        if after and not prefer_after:
            return [after[0].id]
        if orgs:
            # Named later in the same sentence ("Morocco applied to join ..., but ... ECOWAS leaders"):
            # nearer than anything earlier sentences named.
            return [orgs[0].id]
        if ctx.recent_orgs:
            # A sentence that names no organisation continues the paragraph's ("Türkiye and Egypt are dialogue partners").
            return ctx.recent_orgs[-1:]
        return []

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
        if states and self._org_subject(ctx, subject[-1].end, a):
            # "Kazakhstan recalled that the Organization had been granted observer status": the organisation's status.
            states = []
        if not states:
            states = self._counted_subject(ctx, a)
        if not states:
            # Passive or object: "ECCAS suspended Gabon", "the suspensions of Mali, Burkina Faso and the Sudan".
            states = list_after(ctx, a, ("state",))
        return self._claims(ctx, orgs, self._with_companions(ctx, states, b), status, a, b)

    @staticmethod
    def _org_subject(ctx: SentenceContext, start: int, cue: int) -> bool:
        """An organisation stands between the state and the cue as the subject of a clause of its own
        ("Kazakhstan recalled that the Organization had been granted observer status")."""
        if _THAT_ORG.search(ctx.text, start, cue):
            return True
        return any(
            e.kind == "organisation" and start <= e.start and e.end <= cue
            and re.search(r"\bthat\s+(?:the\s+)?$", ctx.text[max(start, e.start - 12):e.start])
            and re.match(r"\s+(?:has|had|was|is|were|have)\b", ctx.text[e.end:cue])
            for e in ctx.entities
        )

    @staticmethod
    def _counted_subject(ctx: SentenceContext, a: int) -> list:
        """"The three countries had been suspended ... after the coups in Mali ..., in Burkina Faso ... and in Niger":
        a subject that counts its states, named later in the sentence."""
        m = None
        for m in _COUNTED.finditer(ctx.text, ctx.start, a):
            pass
        if m is None:
            return []
        n = _NUMBERS.get(m.group(1).lower()) or (int(m.group(1)) if m.group(1).isdigit() else 0)
        named = list({e.id: e for e in ctx.entities if e.kind == "state" and e.start >= a}.values())
        return named if len(named) == n else []

    @staticmethod
    def _with_companions(ctx: SentenceContext, states: list, b: int) -> list:
        """"granted Ukraine candidate status ..., together with the Republic of Moldova"."""
        tail = _TOGETHER.search(ctx.text, b, clause_end(ctx, b))
        if tail and states:
            states = states + list_after(ctx, tail.end(), ("state",))
        return states

    def _listed_after(self, ctx: SentenceContext, status: str, a: int, b: int) -> list[MembershipClaim]:
        """"our Partners for Co-operation, Japan, the Republic of Korea, Thailand and Australia"."""
        orgs = self._organisations(ctx, a, b, prefer_after=False)
        states = list_after(ctx, b, ("state",))
        if not orgs or not states or not re.fullmatch(r"[\s,:]*(?:the\s+)?", ctx.between(b, states[0].start)):
            return []
        return self._claims(ctx, orgs[:1], states, status, a, b)

    def _org_members(self, ctx: SentenceContext, a: int, b: int) -> list[MembershipClaim]:
        """"the EFTA countries Iceland and Liechtenstein": members named right after their organisation."""
        orgs = [e.id for e in ctx.entities if e.kind == "organisation" and a <= e.start and e.end <= b]
        states = list_after(ctx, b, ("state",))
        if not orgs or not states or not re.fullmatch(r"[\s:]*(?:the\s+)?", ctx.between(b, states[0].start)):
            return []
        return self._claims(ctx, orgs[:1], states, "member", a, b)

    def _candidate(self, ctx: SentenceContext, a: int, b: int) -> list[MembershipClaim]:
        """Candidate countries are in the EU's accession process, unless the sentence names another organisation first."""
        before = [e.id for e in ctx.entities if e.kind == "organisation" and e.end <= a]
        orgs = before[-1:] or ["EU"]
        if ctx.text[a:b].lower().endswith("countries"):
            states = list_after(ctx, b, ("state",))
        else:
            states = [e for e in subject_before(ctx, a, ("state",)) if e.kind == "state"] or list_after(ctx, b, ("state",))
        return self._claims(ctx, orgs, self._with_companions(ctx, states, b), "accession_initiated", a, b)

    @staticmethod
    def _claims(ctx: SentenceContext, orgs: list[str], states: list, status: str, a: int, b: int) -> list[MembershipClaim]:
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
