"""The memberships component: who belongs to which organisation with which status, from when.

Reads enumerations ("currently has nine members: China, India, ..."),
accession, candidate status, frozen participation, suspension, withdrawal,
observer and partner statuses, appositives ("Guyana, a CARICOM member") and
members named after their organisation ("the EFTA countries Iceland and
Liechtenstein"), with the cues in patterns/memberships.jsonl; then the shapes of extract/phrases.py on the masked sentence.
"""

from __future__ import annotations

import re

from spacy.language import Language

from councilwatch.dates import FuzzyDate
from councilwatch.extract.components import (
    NUMBER, SentenceContext, clause_end, cue_matches, hedged, list_after, load_patterns, org_anaphor, subject_before, when,
)
from councilwatch.extract.phrases import MaskedPhrases
from councilwatch.extract.results import MembershipClaim

# "currently", "now", "today": the statement holds on the document's date.
_ALONGSIDE = re.compile(r"\s*,?\s*(?:alongside|as\s+well\s+as|together\s+with|along\s+with)\s+", re.I)
# The object of a cue that is not an organisation: a treaty, talks, a deal.
_NOT_ORG_OBJECT = re.compile(r"\s*(?:in\s+|to\s+)?(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}(?:Treaty|Convention|Agreement|Protocol|Accord|Pact"
                             r"|Initiative\s+on|talks|negotiations|deal|arrangement)\b")
_PRONOUN_OBJECT = re.compile(r"\s*(?:it|them)\b")
# "the 15-member bloc", "the Organisation": an organisation named by a noun right after a cue.
_ORG_NP = re.compile(r"\s*(?:(?:to|of|in|into|from)\s+)?(?:the|that|this)\s+(?:[\w-]+\s+){0,2}?(?:organi[sz]ation|bloc|alliance|grouping|union|community|league|bank|forum|authority|commonwealth|association|body)\b", re.I)
_THAT_ORG = re.compile(r"\bthat\s+(?:the|this)\s+(?:organi[sz]ation|bloc|alliance|grouping|association)\b", re.I)
_COUNTED = re.compile(r"\b(?:the|these|those|all)\s+(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[A-Z][\w-]*\s+)?"
                      r"(?:countries|states|members|governments)\b", re.I)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_TOGETHER = re.compile(r",?\s*(?:together|along)\s+with\s+", re.I)
_HEAD_NP = re.compile(r"\b(?:the|this|that)\s+(bank|league|community|union|commonwealth|forum|authority|organi[sz]ation"
                      r"|bloc|alliance|grouping|association|movement|conference|commission)\b", re.I)
_TOOK_EFFECT = re.compile(r"\b(?:took|has\s+taken|had\s+taken|came\s+into|went\s+into)\s+effect\b|\bbecame\s+effective\b",
                          re.I)
# Cues whose state can only be their subject: "the freeze left the organisation ... Armenia" is not Armenia leaving.
_SUBJECT_ONLY = re.compile(r"(?:left|leaves|quit|quits|exited|walked|walks|joined|rejoined|withdrew|acceded)\b", re.I)
# "declined invitations to become a full member", "was invited to join": an intention or an offer, not a status.
_INTENDED = re.compile(r"(?:become|join|rejoin|be|accede)\b", re.I)
_TO_BEFORE = re.compile(r"\bto\s+$", re.I)
# "the troops from Malawi, South Africa and Tanzania, itself a member of both": only the last is meant.
_ITSELF = re.compile(r",\s*itself\s*$", re.I)
# Statuses said with a copula ("are associate members", "holds observer status"): their organisation is named right
# after them or not at all.
_STATE_AFTER = re.compile(r"\s+States?\b", re.I)
_COPULAR = {"associate_member", "observer", "dialogue_partner", "partner"}
_NAMELY = re.compile(r"\s*,?\s*(?:namely|viz\.?|that\s+is)\s*:?|\s*:", re.I)
_ORG_NOUN = re.compile(r"(?:bloc|group|grouping|club|union|community|alliance|organi[sz]ation)\b", re.I)
_NOT_AN_ORG_SUBJECT = re.compile(r"\b(?:delegation|group|team|panel|mission|force|coalition|committee)\b[^,]*$", re.I)
_OF_WHICH = re.compile(r"\s*,?\s*(?:of|in|to|from)\s+which\b", re.I)
_AND_OF = re.compile(r"(?:\s*\([A-Z]{2,10}\))?(?:\s*,\s*(?:which|whom)\b[^,;]{0,60},)?\s*,?\s*and\s+(?:also\s+)?of\s+(?:the\s+)?", re.I)
# A count before an enumeration cue says the list is the organisation's membership ("all ten member states: ...").
_COUNT = re.compile(rf"\b(?:all|{NUMBER})\s+(?:(?:other|full|current)\s+)?(?:member\s+(?:states|countries)|members)\b", re.I)
# After bare "joined": what shows that the object was left out because it is known ("Yemen joined on 5 May 1945").
_JOINED_TAIL = re.compile(r"\s*(?:[,.;)]|$|(?:it|them|again|later|too|as\s+(?:a|an|the)\s+(?:full\s+)?member)\b"
                          r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+|a\s+few|several)\s+(?:years?|months?"
                          r"|decades?|weeks?)\s+(?:later|after)\b)", re.I)
# "by ten States:", "by six countries of the Horn of Africa and East Africa — Djibouti, ...".
_BY = re.compile(rf"\bby\s+(?:the\s+)?(?:{NUMBER}\s+(?:founding\s+)?(?:countries|states|members|nations|republics"
                 r"|governments)(?:\s+(?:of|from|in)\s+[^—–:;,()]{1,60}?\s*[—–:])?\s*:?\s*(?:the\s+)?)?", re.I)
_OF_ORG = re.compile(r"\s+(?:of|in|at|to|with)\s+(?:the\s+)?", re.I)
_LIST_INTRO = re.compile(r"\s*(?:\(|:|—|–|,\s*(?:among\s+them|including|such\s+as|namely)?\s*:?)\s*(?:the\s+)?", re.I)
_FROM_ORG = re.compile(r"\bfrom\b", re.I)
_NOT_A_STATE = re.compile(r"\s*(?:troops|forces|contingents?|soldiers|personnel|units|police|officers|nationals|citizens"
                          r"|delegations?|ambassadors?|diplomats|government|authorities)\b", re.I)
_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:was\s+|were\s+|later\s+|then\s+|subsequently\s+)?$", re.I)
_PRESENT = re.compile(r"\b(?:currently|now|today|at\s+present|presently|has|have|is|are|comprises|includes)\b", re.I)
_OUR = re.compile(r"\bour\s+(?:[\w-]+\s+){0,2}$", re.I)


@Language.factory("councilwatch_memberships")
def make_memberships(nlp: Language, name: str) -> MembershipsComponent:
    return MembershipsComponent(nlp)


class MembershipsComponent(MaskedPhrases):
    def __init__(self, nlp: Language):
        self.matcher, self.entries = load_patterns(nlp, "memberships.jsonl")

    def __call__(self, doc):  # noqa: ANN001, ANN204 - spacy Doc
        ctx: SentenceContext = doc.user_data["cw"]
        out: list[MembershipClaim] = doc.user_data["found"]["memberships"]
        other_object = False
        for entry, a, b in cue_matches(doc, self.matcher, self.entries):
            if hedged(ctx, a, b) or (_TO_BEFORE.search(ctx.text, max(ctx.start, a - 4), a) and _INTENDED.match(ctx.text, a, b)):
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
            elif entry["label"] == "candidate":
                out.extend(self._candidate(ctx, a, b))
            elif entry["label"] == "partner" and "dialogue" in ctx.text[a:b].lower():
                out.extend(self._status(ctx, "dialogue_partner", a, b))  # "a Dialogue Partner of ASEAN"
            elif entry["label"] == "partner" and _STATE_AFTER.match(ctx.text, b):
                out.extend(self._status(ctx, "member", a, b))  # "a Partner State of the EAC": a member
            elif entry["label"] in self._HANDLERS:
                out.extend(getattr(self, self._HANDLERS[entry["label"]])(ctx, a, b))
            elif entry["label"].endswith("_list"):  # "observer_list": the status named with its holders
                out.extend(self._status_list(ctx, entry["label"].removesuffix("_list"), a, b))
            else:
                out.extend(self._status(ctx, entry["label"], a, b))
        out.extend(self._phrases(ctx))
        return doc

    # Cue labels read by a method of their own (the others are statuses read by `_status`).
    _HANDLERS = {"member_is": "_member_is", "founded_by": "_founded_by", "member_object": "_member_object",
                 "suspended_object": "_suspended_object", "member_coordinated": "_member_coordinated",
                 "suspended_passive": "_suspended_passive", "withdrawn_of": "_withdrawn_of", "joined_bare": "_joined_bare",
                 "withdrawn_effective": "_withdrawn_effective", "withdrawn_bare": "_withdrawn_bare",
                 "enumeration_verb": "_enumeration_verb"}

    @staticmethod
    def _org_at(ctx: SentenceContext, pos: int, within: int = 60) -> bool:
        """An organisation is named within the few words right after `pos`."""
        return any(e.kind == "organisation" and pos <= e.start <= pos + within for e in ctx.entities)

    def _organisations(self, ctx: SentenceContext, a: int, b: int, prefer_after: bool) -> list[str]:
        orgs = [e for e in ctx.entities if e.kind == "organisation" and e.id not in ctx.memberless]
        after = [e for e in list_after(ctx, a, ("organisation",)) if e.id not in ctx.memberless]
        before = [e for e in orgs if e.end <= a]
        # "the organisation" names the last organisation mentioned, in this sentence or before it; "the bank" the last
        # one called a bank.
        head = _HEAD_NP.search(ctx.text, ctx.start, min(ctx.end, b + 40))
        noun = head.group(1) if head else None
        last = [before[-1].id] if before else ctx.recent_org(noun)
        if before and _OF_WHICH.match(ctx.text, before[-1].end, a):
            return [before[-1].id]  # "CELAC, of which Venezuela and Nicaragua remain members"
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
            return ctx.recent_org(noun)
        return []

    def _member_of(self, ctx: SentenceContext, a: int, b: int) -> list[MembershipClaim]:
        """"Tajikistan, a member of the CSTO, the SCO, and the CIS": an appositive."""
        orgs = list_after(ctx, b, ("organisation",))
        states = [e for e in subject_before(ctx, a, ("state",)) if e.kind == "state"]
        if not orgs or not states:
            return []
        if _ITSELF.search(ctx.text, states[-1].end, a):
            states = states[-1:]
        # "both members of the GCC and of the League of Arab States"; "of the EAEU, which it joined in 2015, and of the CIS"
        while (more := _AND_OF.match(ctx.text, orgs[-1].end, ctx.end)) is not None:
            nxt = [e for e in ctx.entities if e.kind == "organisation" and e.start == more.end()]
            if not nxt:
                break
            orgs = orgs + nxt[:1]
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
        counted = bool(_COUNT.search(ctx.text, max(ctx.start, a - 40), b)) or bool(_ORG_NOUN.match(ctx.text, a, b))
        founders = bool(re.match(r"(?:founders|founding|signatories)\b", ctx.text[a:b], re.I))  # founders are an organisation's
        named = any(e.kind == "organisation" for e in ctx.entities) or org_anaphor(ctx, ctx.start, a) or counted or founders
        orgs = self._organisations(ctx, a, b, prefer_after=False) if named else []
        poss = re.search(r"\b(?:the|its)\s+(\w+)['’]s\s+$", ctx.text[max(ctx.start, a - 30):a], re.I)
        if founders and poss and not any(e.kind == "organisation" for e in ctx.entities if e.end <= a):
            # "The Fund's founders were ...": the organisation called a fund, or none we know
            found = ctx.recent_org(poss.group(1).lower())
            orgs = found if found and poss.group(1).lower() in ctx.org_names.get(found[0], "") else []
        if not orgs:
            return []
        org = orgs[0]
        limit = ctx.end
        if ctx.text[b - 1] == "(":  # "ten members (Brazil, Russia, ...)": the parenthesis is the list
            close = ctx.text.find(")", b, ctx.end)
            limit = close if close > 0 else ctx.end
        listed = [e for e in ctx.entities if e.start >= b and e.end <= limit and e.kind == "state"]
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
        if status in _COPULAR and not self._org_at(ctx, b, 25) and not any(
                e.kind == "organisation" and a <= e.start < b for e in ctx.entities):
            # "Tokelau is an associate member, while ... as do ... the Asian Development Bank": an organisation far
            # after a status that names none of its own is another clause's; the one the text is about holds.
            orgs = self._context_org(ctx, a, b)
        if not orgs:
            return []
        subject = [e for e in subject_before(ctx, a, ("state", "person")) if e.kind in ("state", "person")]
        states = [e for e in subject if e.kind == "state"]
        if states and self._org_subject(ctx, subject[-1].end, a):
            # "Kazakhstan recalled that the Organization had been granted observer status": the organisation's status.
            states = []
        if not states:
            states = self._counted_subject(ctx, a)
        if not states and not _SUBJECT_ONLY.match(ctx.text, a):
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

    def _enumeration_verb(self, ctx: SentenceContext, a: int, b: int) -> list[MembershipClaim]:
        """"The enlarged association now comprises Brunei Darussalam, Cambodia, ...", "The CSTO ... is made up of
        Armenia, ...": a list of states is the membership when its subject is an organisation (or the sentence speaks
        of members); "the delegation comprises ..." is not."""
        head = ctx.text[ctx.start:a]
        subject = any(e.kind == "organisation" and e.end <= a for e in ctx.entities) or org_anaphor(ctx, ctx.start, a)
        if not subject and "member" not in ctx.sentence.lower():
            return []
        if _NOT_AN_ORG_SUBJECT.search(head):
            return []
        return self._enumeration(ctx, a, b)

    def _status_list(self, ctx: SentenceContext, status: str, a: int, b: int) -> list[MembershipClaim]:
        """A status named with its holders: "the Observer States of the Council of Europe (Canada, the Holy See, ...)",
        "the Forum's 21 dialogue partners, among them China, Japan ...", "our Partners for Co-operation, Japan, ...",
        "the five Central Asian participating States, Kazakhstan, ...". The organisation is the one named right after the
        cue ("of the Council of Europe"), else before it, else the one the text is about."""
        pos, orgs = b, []
        of = _OF_ORG.match(ctx.text, pos, ctx.end)
        if of:
            named = [e for e in ctx.entities if e.kind == "organisation" and e.start == of.end()]
            if named:
                orgs, pos = [named[0].id], named[0].end
        intro = _LIST_INTRO.match(ctx.text, pos, ctx.end)
        if intro is None:
            return []
        states = list_after(ctx, intro.end(), ("state",))
        if not states or states[0].start != intro.end():
            return []
        if intro.group(0).strip() == "," and len(states) < 2:
            return []  # "observers, France said": an aside, not a list
        orgs = orgs or self._context_org(ctx, a, b)
        return self._claims(ctx, orgs[:1], states, status, a, b)

    def _context_org(self, ctx: SentenceContext, a: int, b: int) -> list[str]:
        """For a cue with no organisation of its own ("a founding member", "withdrew in 2000", "dialogue partners,
        among them ..."): the one named before it in the sentence, else the one the text is about. An organisation
        later in the sentence is another's ("withdrew ... to deepen its ties with the Arab Maghreb Union")."""
        before = [e for e in ctx.entities if e.kind == "organisation" and e.end <= a and e.id not in ctx.memberless]
        if before:
            return [before[-1].id]
        if _OUR.search(ctx.text, max(ctx.start, a - 30), a) and ctx.first_org:
            return [ctx.first_org]  # "our Dialogue Partners" in a summit's statement: the organisation speaking
        head = _HEAD_NP.search(ctx.text, ctx.start, min(ctx.end, b + 40))
        return ctx.recent_org(head.group(1) if head else None)

    def _org_members(self, ctx: SentenceContext, a: int, b: int) -> list[MembershipClaim]:
        """"the EFTA countries Iceland and Liechtenstein": members named right after their organisation."""
        orgs = [e.id for e in ctx.entities if e.kind == "organisation" and a <= e.start and e.end <= b]
        namely = _NAMELY.match(ctx.text, b, ctx.end)
        if namely and orgs:  # "all sixteen SADC Member States, namely: the Republic of Angola; ..."
            return self._enumeration(ctx, a, namely.end())
        states = list_after(ctx, b, ("state",))
        if not orgs or not states or not re.fullmatch(r"[\s:]*(?:the\s+)?", ctx.between(b, states[0].start)):
            return []
        return self._claims(ctx, orgs[:1], states, "member", a, b)

    def _candidate(self, ctx: SentenceContext, a: int, b: int) -> list[MembershipClaim]:
        """Candidate countries are in the EU's accession process, unless the sentence names another organisation first."""
        before = [e.id for e in ctx.entities if e.kind == "organisation" and e.end <= a]
        after = [e.id for e in list_after(ctx, b, ("organisation",)) if re.match(r"\s*(?:by|of|to|for)\s", ctx.text[b:e.start])]
        # "candidate status by the European Union"; else the organisation before; else the EU, whose word it is.
        orgs = after[:1] or before[-1:] or ["EU"]
        if ctx.text[a:b].lower().endswith("countries") or re.match(r"\s+to\s", ctx.text[b:b + 4]):
            states = list_after(ctx, b, ("state",))
        else:
            states = [e for e in subject_before(ctx, a, ("state",)) if e.kind == "state"] or list_after(ctx, b, ("state",))
        return self._claims(ctx, orgs, self._with_companions(ctx, states, b), "accession_initiated", a, b)

    def _member_is(self, ctx: SentenceContext, a: int, b: int) -> list[MembershipClaim]:
        """"Armenia remains a full member." / "Cuba, a founding member that ..." / "of which Venezuela and Nicaragua
        remain members": an organisation after "of", else the one the sentence or the paragraph is about."""
        if _TO_BEFORE.search(ctx.text, max(ctx.start, a - 4), a):
            return []  # "invited ... to remain members": an intention, not a membership
        if ctx.text[a:b].lower().endswith(" of"):
            return self._member_of(ctx, a, b)
        return self._subject_status(ctx, "member", a, b)

    def _subject_status(self, ctx: SentenceContext, status: str, a: int, b: int) -> list[MembershipClaim]:
        """A status whose cue names no organisation: the states are its subject, the organisation the context's."""
        if _COORDINATED.search(ctx.text, max(ctx.start, a - 30), a) and (lead := self._lead_subject(ctx)):
            # "Zimbabwe ... was suspended from the councils of the Commonwealth in March 2002 and withdrew in 2003"
            return self._claims(ctx, self._context_org(ctx, a, b), lead, status, a, b)
        nearest = [e for e in ctx.entities if e.end <= a]
        if nearest and nearest[-1].kind == "organisation" and not _OF_WHICH.match(ctx.text, nearest[-1].end, a):
            return []  # "MINUSTAH had left in 2017": the organisation is the subject
        states = [e for e in subject_before(ctx, a, ("state", "person")) if e.kind == "state"]
        states = [e for e in states if not _NOT_A_STATE.match(ctx.text, e.end)]  # "Russian forces left in 2022"
        if not states:
            return []
        return self._claims(ctx, self._context_org(ctx, a, b), states, status, a, b)

    def _founded_by(self, ctx: SentenceContext, a: int, b: int) -> list[MembershipClaim]:
        """"The League ... was founded in Cairo on 22 March 1945 by Egypt, Iraq, ...": the founders are members.
        The organisation is the subject, named before the cue in this sentence (or by "it", "the bank" ...)."""
        states = []
        for by in _BY.finditer(ctx.text, b, min(ctx.end, b + 220)):  # "established by a treaty signed ... by Belarus"
            # another clause or an aside stands between; an acronym in brackets ("(IGADD)") or "Nov. 30" does not
            if re.search(r"[;()]|\.\s+(?![\d])", re.sub(r"\([A-Z][A-Za-z]{1,9}\)", "", ctx.text[b:by.start()])):
                break
            states = list_after(ctx, by.end(), ("state",))
            if states and states[0].start <= by.end() + 1:
                break
            states = []
        if not states:
            return []
        before = [e for e in ctx.entities if e.kind == "organisation" and e.end <= a]
        if before:
            orgs = [before[-1].id]
        elif (org_anaphor(ctx, ctx.start, a) or _ORG_NP.search(ctx.text, ctx.start, a)) and ctx.recent_orgs:
            head = _HEAD_NP.search(ctx.text, ctx.start, a)
            orgs = ctx.recent_org(head.group(1) if head else None)
        else:
            return []
        return self._claims(ctx, orgs, states, "member", a, b)

    def _member_object(self, ctx: SentenceContext, a: int, b: int) -> list[MembershipClaim]:
        """"The bank admitted Bangladesh and the UAE", "we welcome Syria back to the League"."""
        states = [e for e in ctx.entities if e.kind == "state" and a <= e.start < b]
        if not states:
            return []
        states = list_after(ctx, states[0].start, ("state",))
        orgs = self._organisations(ctx, a, b, prefer_after=True)
        return self._claims(ctx, orgs, states, "member", a, b)

    def _suspended_object(self, ctx: SentenceContext, a: int, b: int) -> list[MembershipClaim]:
        """"The OIC, which suspended Syria in August 2012": the organisation is the subject, before the cue."""
        before = [e.id for e in ctx.entities if e.kind == "organisation" and e.end <= a]
        if not before and _ORG_NP.search(ctx.text, ctx.start, a):
            before = ctx.recent_org(None)  # "The 55-member continental body has also suspended Mali, ..."
        states = [e for e in ctx.entities if e.kind == "state" and a <= e.start < b]
        if not before or not states or _NOT_A_STATE.match(ctx.text, states[-1].end):
            return []
        return self._claims(ctx, [before[-1]], list_after(ctx, states[0].start, ("state",)), "suspended", a, b)

    def _lead_subject(self, ctx: SentenceContext) -> list:
        """The states a sentence opens with ("Egypt was suspended in 1979 ... and readmitted in 1989")."""
        first = [e for e in ctx.entities if e.kind == "state" and e.start <= ctx.start + 4]
        return list_after(ctx, first[0].start, ("state",)) if first else []

    def _member_coordinated(self, ctx: SentenceContext, a: int, b: int) -> list[MembershipClaim]:
        """"readmitted", "rejoined": the subject may be the sentence's, across "and"."""
        if _COORDINATED.search(ctx.text, max(ctx.start, a - 30), a):
            states = self._lead_subject(ctx)
            if states:
                return self._claims(ctx, self._organisations(ctx, a, b, prefer_after=True), states, "member", a, b)
        return self._status(ctx, "member", a, b)

    def _suspended_passive(self, ctx: SentenceContext, a: int, b: int) -> list[MembershipClaim]:
        """"Libya was suspended on 22 February 2011": the state right before the cue, the organisation after
        it ("by ECOWAS") or the one the paragraph is about."""
        near = [e for e in ctx.entities if e.kind == "state" and e.end <= a
                and re.fullmatch(r"\s*(?:(?:has|had|have)\s+)?(?:(?:already|also|since|then|later|itself|\w+ly)\s+)?",
                                 ctx.text[e.end:a])]
        states = [e for e in subject_before(ctx, near[-1].end, ("state",)) if e.kind == "state"] if near else []
        if not states and _COORDINATED.search(ctx.text, max(ctx.start, a - 30), a):
            states = self._lead_subject(ctx)
        if not states:
            return []
        return self._claims(ctx, self._organisations(ctx, a, b, prefer_after=True), states, "suspended", a, b)

    def _withdrawn_of(self, ctx: SentenceContext, a: int, b: int) -> list[MembershipClaim]:
        """"the withdrawal of Burkina Faso, Mali and Niger ... from that Community": states right after "of",
        an organisation after them ("from ...")."""
        states = list_after(ctx, b, ("state",))
        if not states or not re.fullmatch(r"\s*(?:the\s+)?", ctx.between(b, states[0].start)):
            return []
        if _NOT_A_STATE.match(ctx.text, states[-1].end) or not _FROM_ORG.search(ctx.text, states[-1].end, ctx.end):
            return []  # "the withdrawal of Chadian troops", or no organisation left
        return self._claims(ctx, self._organisations(ctx, a, b, prefer_after=True), states, "withdrawn", a, b)

    def _withdrawn_effective(self, ctx: SentenceContext, a: int, b: int) -> list[MembershipClaim]:
        """"Venezuela, whose notice of withdrawal was lodged in April 2017 and took effect two years later": a
        withdrawal counts once the text says it took effect."""
        if not _TOOK_EFFECT.search(ctx.text, b, ctx.end):
            return []
        return self._status(ctx, "withdrawn", a, b)

    def _withdrawn_bare(self, ctx: SentenceContext, a: int, b: int) -> list[MembershipClaim]:
        """"Uzbekistan, a member from 2006, left in 2012": a bare "left"/"withdrew" followed by its date."""
        tail = ctx.text[b:ctx.end]
        if not (re.match(r"\s+(?:in|on)\s", tail) and any(0 <= d.start - b <= 4 for d in ctx.dates)):
            return []
        return self._subject_status(ctx, "withdrawn", a, b)

    def _joined_bare(self, ctx: SentenceContext, a: int, b: int) -> list[MembershipClaim]:
        """"Yemen joined on 5 May 1945", "the Comoros, which joined in 1993": the organisation left unsaid is the one
        the sentence or paragraph is about. Only when nothing else is joined ("joined by", "joined the talks")."""
        tail = ctx.text[b:ctx.end]
        if tail.startswith(":"):  # "eight more republics joined: Armenia, Azerbaijan, ..."
            return self._claims(ctx, self._organisations(ctx, a, b, prefer_after=False),
                                list_after(ctx, b + 1, ("state",)), "member", a, b)
        date_next = any(d.start - b <= 4 and d.start >= b for d in ctx.dates) and re.match(r"\s+(?:in|on)\s", tail)
        if not (date_next or _JOINED_TAIL.match(tail)):
            return []
        return self._subject_status(ctx, "member", a, b)


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
