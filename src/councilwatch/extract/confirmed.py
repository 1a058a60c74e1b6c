"""Memberships a sentence speaks of and the knowledge base confirms.

Authors state many memberships in passing: "Kenya and Uganda, in IGAD's
security architecture since its founding, ...", "Twelve states signed the
treaty: Belgium, Canada ...", "four EU members are not NATO allies: Austria,
Ireland and Malta". The cue rules of the memberships component read the common
shapes; the rest are read here, with the knowledge base as the judge. A
sentence that names a state and uses a word of a status ("members", "joined",
"observer", "suspended") is taken to state that status in the organisation it
names, when the knowledge base holds the status for the pair on the document's
date or on a date the sentence gives. A sentence that names no organisation is
about the one its paragraph last named, or, with a strong word ("members",
"joined", "observers"), the one the document last named; "the League" must
fit that organisation's name.

Not read as memberships: a state negated ("not a member", "non-member",
"except"), a state named by its adjective ("Kenyan troops"), the Security
Council's or a committee's members, "a 15-member bloc"; on a line the layout
reader has read (a table row, a labelled list) only a state's status that
began on the date the line gives.

A date is the strongest evidence: "Austria (16 April 1956)" in a list whose
heading named the Council of Europe but whose last sentence named the EU is
read for the organisation the knowledge base says Austria joined that day,
trying the organisations the document named, the most recent first.

Such a claim can only agree with the knowledge base, so ingesting it links the
sentence to the fact as one more source and never changes a fact; it points at
its sentence like every other claim. Organisations the knowledge base holds no
memberships for get none from here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from councilwatch.dates import FuzzyDate
from councilwatch.extract.dates import DateMention
from councilwatch.extract.gazetteer import EntityMention
from councilwatch.extract.results import MembershipClaim

# The words that say a status, one pattern per status of the knowledge base's vocabulary.
STATUS_WORDS: dict[str, re.Pattern] = {status: re.compile(words, re.I) for status, words in {
    "member": r"\b(?<!-)(?:members?|membership|allies|ally|joined|joins|admitted|admission|found(?:ing|ers?|ed)|signator(?:y|ies)"
              r"|acceded|accession|readmitted|re-admitted|rejoined|reinstated|return(?:ed|s)?|regained|partner\s+states|participating\s+states"
              r"|sits?\s+in|sat\s+in|(?:is|are)\s+(?:all\s+|also\s+)?in|belongs?\s+to|belonging\s+to"
              r"|make\s+up|made\s+up|comprises?|comprising|consists?\s+of|brings\s+together|brought\s+together)\b",
    "observer": r"\bobservers?\b",
    "partner": r"(?<!dialogue )\bpartners?\b",
    "dialogue_partner": r"\bdialogue\s+partners?\b",
    "associate_member": r"\bassociated?\b",
    "suspended": r"\bsuspen(?:d|ded|sion)\b",
    "participation_frozen": r"\bfro(?:ze|zen)\b",
    "accession_initiated": r"\b(?:candidates?|candidacy|accession|appl(?:y|ying|ied|ies|icants?|ications?)|negotiations)\b",
    "withdrawn": r"\b(?:withdr[ae]w\w*|left|leav(?:e|es|ing)|departure|denounc\w*|quit|exit(?:ed)?|expelled|expulsion|lost)\b",
}.items()}
# A negation close before or after the state: "not a member", "non-member", "remains outside".
_NEGATED_BEFORE = re.compile(r"(?:n['’]t|\bnot|\bnever|\bneither|\bnor|\bnon-?|\bexcept|\boutside|\bother\s+than)\b[^;,.:]{0,25}$", re.I)
_NEGATED_AFTER = re.compile(r"^[^;.:]{0,30}?(?:(?:n['’]t|\bnot|\bnever)\b(?![^;.:]{0,20}?\b(?:recogni[sz]\w*|agree\w*|support\w*|accept\w*|want\w*|see|seek\w*|share\w*)\b)|\b(?:non-?members?|outside)\b)", re.I)


def _negated(text: str, state: EntityMention, s: int, e: int) -> bool:
    return bool(_NEGATED_BEFORE.search(text, max(s, state.start - 40), state.start) or _NEGATED_AFTER.match(text[state.end:e]))


class KnownMemberships:
    """The knowledge base's membership periods by (organisation, state)."""

    def __init__(self, periods: Iterable[tuple]):
        """`periods`: (organisation, state, status, start, end) or (organisation, state, status, start, end, start's
        latest day) when the start is fuzzy ("1992", "2024-02"); `end` is exclusive, None while in force."""
        self._periods: dict[tuple[str, str], list[tuple[str, date, date | None, date]]] = {}
        for org, state, status, start, end, *latest in periods:
            self._periods.setdefault((org, state), []).append((status, start, end, latest[0] if latest else start))
        self.organisations = frozenset(org for org, _ in self._periods)
        # per organisation: the last day its record changed
        self._last: dict[str, date] = {}
        for (org, _), held in self._periods.items():
            for status, start, end, _ in held:
                self._last[org] = max(self._last.get(org, start), start, end or start)

    @classmethod
    def from_store(cls, store) -> KnownMemberships:  # noqa: ANN001 - councilwatch.store.Store
        from councilwatch.store.organisations import all_periods

        with store.read() as conn:
            rows = all_periods(conn)
        return cls((r["organisation"], r["state"], r["status"], r["start_earliest"], r["end_earliest"], r["start_latest"])
                   for r in rows)

    def statuses(self, org: str, state: str, on: date) -> set[str]:
        """The statuses the state holds in the organisation on a day (start <= day < end, as the store reads them)."""
        return {status for status, start, end, _ in self._periods.get((org, state), ())
                if start <= on and (end is None or on < end)}

    def never(self, org: str, state: str, status: str) -> bool:
        """Whether the knowledge base, which records the organisation's members, never held the status for the state.
        Applications are not asked about: the curated record holds few of them."""
        return (status != "accession_initiated" and org in self.organisations
                and all(held[0] != status for held in self._periods.get((org, state), ())))

    def covers(self, org: str, when: FuzzyDate) -> bool:
        """Whether the organisation's record in the knowledge base runs to the date or past it."""
        return org in self._last and when.latest <= self._last[org]

    def fits(self, org: str, state: str, status: str, when: FuzzyDate) -> bool:
        """Whether the knowledge base holds the status for the state in the organisation then, or says it began then."""
        return status in self.statuses(org, state, when.latest) or status in self.began(org, state, when.earliest, when.latest)

    def ever(self, org: str, state: str) -> bool:
        """Whether the knowledge base holds any status of the state in the organisation."""
        return (org, state) in self._periods

    def began(self, org: str, state: str, earliest: date, latest: date) -> set[str]:
        """The statuses the state took up in the organisation within [earliest, latest]."""
        return {status for status, start, _, start_latest in self._periods.get((org, state), ())
                if start <= latest and earliest <= start_latest}


# An organisation's name used as an adjective of its members.
_ITS_STATES = re.compile(r"\s+(?:member\s+)?(?:States|states|countries|nations|Governments|governments)\b")
# A sentence that names no organisation may still be about one: the one its paragraph is about, or, with a strong word
# ("members", "joined", "observers"), the one the document last named.
_STRONG = re.compile(r"\b(?:members?|member\s+states|joined|admitted|observers?|partners?|allies|suspended|candidates?)\b", re.I)
_PARAGRAPH = re.compile(r"\n\s*\n")
# "the League", "the Community": an organisation named by its head noun, which must be the context's.
_HEAD_NOUNS = ("League|Community|Union|Forum|Movement|Group|Organi[sz]ation|Alliance|Association|Commission|Bank|Conference"
               "|Authority|Commonwealth")
_HEAD = re.compile(rf"\b[Tt]he\s+({_HEAD_NOUNS}|Fund|Council|Initiative|Partnership|Treaty)\b(?!\s+(?:of\b|[A-Z]))")
# "member of the Movement": a membership of the organisation a head noun names (the Council's are another matter).
_MEMBER_OF_HEAD = re.compile(rf"\bmembers?\s+of\s+the\s+({_HEAD_NOUNS})\b(?!\s+(?:of\b|[A-Z]))")
# Members of the Security Council, its committees, or members of something unnamed: not a membership of the organisation.
_OTHER_MEMBERS = re.compile(r"\b(?:Security\s+)?Council['’]s\s+(?:\w+\s+){0,2}members?\b|\b(?:Security\s+)?Council\s+members?\b"
                            r"|\bmembers?\s+of\s+the\s+(?:Security\s+)?(?:Council|Committee|Panel|Board|Bureau|Group\s+of\s+Experts)\b(?!\s+of\b)"
                            r"|\b(?:several|some|many|most|other|few)\s+members\b(?!\s+of\b)", re.I)


def _unless_organisations(m: re.Match, org_at: list[tuple[int, int]]) -> str:
    """The Council's members blanked out, unless an organisation's name says which of its members they are: "the four EU
    members of the Council", "the Council's members from the European Union"."""
    if any(m.start() - 2 <= b <= m.start() or m.end() <= a <= m.end() + 10 for a, b in org_at):
        return m.group(0)
    return " " * len(m.group(0))


def _dated(text: str, s: int, e: int, states: list[EntityMention], dates: list[DateMention], orgs: list[str],
           known: KnownMemberships, said: set[str], others: list[str] = ()) -> list[MembershipClaim]:
    """"Austria (16 April 1956), Cyprus (24 May 1961)" in a list about the Council of Europe: a state named with the day,
    month or year (a span of a year at most) on which the knowledge base says its status in the organisation began. The
    organisation is the sentence's, else its paragraph's or the document's; when that one began nothing then, `others`
    (the organisations the document named before, the most recent first) are tried in turn for a date of a year at most:
    a list of accession dates under a heading that an aside about another organisation interrupted. The status is the
    one the sentence's words name ("withdrew in 2012"), else the only one that began then."""
    out = []
    short = [d for d in dates if (d.value.latest - d.value.earliest).days <= 366]
    others = [o for o in others if o not in orgs]

    def began(org: str, st: EntityMention, d: DateMention) -> list[MembershipClaim]:
        statuses = known.began(org, st.id, d.value.earliest, d.value.latest)
        # the status the sentence's words name, else the one status that began then
        statuses = statuses & said if said else statuses if len(statuses) == 1 else set()
        return [MembershipClaim(org, st.id, status, d.value, st.start, st.end, (s, e)) for status in sorted(statuses)]

    for st in states:
        if _negated(text, st, s, e):
            continue
        for d in short:
            found = [c for org in orgs for c in began(org, st, d)]
            # the first of the others that began something then, when the sentence's own organisation began nothing
            for org in others if not found else ():
                found = began(org, st, d)
                if found:
                    break
            out.extend(found)
    return out


def _held(text: str, s: int, e: int, states: list[EntityMention], dates: list[DateMention], orgs: list[str],
          known: KnownMemberships, said: set[str], doc_date: date) -> list[MembershipClaim]:
    """The statuses the sentence's words name that the knowledge base holds for a named state in the organisation on the
    document's date, else on a date the sentence gives."""
    out = []
    days = [doc_date] + [d.value.latest for d in dates]
    for st in states:
        if _negated(text, st, s, e):
            continue
        for org in orgs:
            for day in days:
                held = known.statuses(org, st.id, day) & said
                for status in sorted(held):
                    out.append(MembershipClaim(org, st.id, status, FuzzyDate.day(day), st.start, st.end, (s, e),
                                               "document" if day == doc_date else "text"))
                if held:
                    break
    return out


def _overlaps_layout(starts: list[int], ends: list[int], s: int, e: int) -> bool:
    """Whether a layout line (table row, labelled item) starts inside [s, e) or holds s."""
    from bisect import bisect_left, bisect_right

    i = bisect_left(starts, s)
    if i < len(starts) and starts[i] < e:
        return True
    # a line starting before s that reaches it (lines do not nest, so the nearest one before is enough to check,
    # with the widest reach among them)
    j = bisect_right(starts, s) - 1
    return j >= 0 and max(ends[max(0, j - 8):j + 1]) > s


def confirmed_memberships(text: str, sentences: list[tuple[int, int]], entities: list[EntityMention],
                          dates: list[DateMention], doc_date: date, known: KnownMemberships,
                          org_names: dict[str, str] | None = None,
                          layout: list[tuple[int, int]] = ()) -> list[MembershipClaim]:
    """Claims for the (organisation, state, status) triples each sentence names (or its context names), uses a word
    of and the knowledge base confirms."""
    out = []
    ents = [m for m in entities if m.kind in ("state", "organisation")]
    org_names = org_names or {}
    ei = di = 0
    dates = sorted(dates, key=lambda d: d.start)
    spans = sorted(set(layout))
    lay_starts, lay_ends = [a for a, _ in spans], [b for _, b in spans]
    seen: list[str] = []  # the organisations the document named, the most recent last
    last_org, last_end, doc_org = None, 0, None  # the organisation the paragraph, and the document, last named
    for s, e in sentences:
        while ei < len(ents) and ents[ei].start < s:
            ei += 1
        ej = ei
        while ej < len(ents) and ents[ej].end <= e:
            ej += 1
        here = ents[ei:ej]
        named = [m.id for m in here if m.kind == "organisation"]
        states = [m for m in here if m.kind == "state"]
        org_at = [(m.start - s, m.end - s) for m in here if m.kind == "organisation"]
        sentence = _OTHER_MEMBERS.sub(lambda m: _unless_organisations(m, org_at), text[s:e])
        if named:
            # "a full member of the Movement, and welcomes the League of Arab States": membership of an organisation
            # the sentence names only by its head noun is not membership of those it names
            names = " ".join(org_names.get(o, "") for o in named).replace("organization", "organisation")
            sentence = _MEMBER_OF_HEAD.sub(lambda m: m.group(0) if m.group(1).lower().replace("organization", "organisation")
                                           in names else " " * len(m.group(0)), sentence)
        orgs = [org for org in dict.fromkeys(named) if org in known.organisations]
        dated_orgs = orgs
        if not named and states:
            in_paragraph = last_org if last_org and not _PARAGRAPH.search(text, last_end, s) else None
            context = in_paragraph or (doc_org if _STRONG.search(sentence) else None)
            heads = {h.lower().replace("organization", "organisation") for h in _HEAD.findall(sentence)}
            if context and all(h in org_names.get(context, "").replace("organization", "organisation") for h in heads):
                orgs = [context]
            if (in_paragraph or doc_org) and not heads:
                dated_orgs = [in_paragraph or doc_org]
        for org in named:
            if org in known.organisations:
                if org in seen:
                    seen.remove(org)
                seen.append(org)
        if named:
            last_org = doc_org = named[-1] if named[-1] in known.organisations else None
            last_end = e
        elif orgs:
            last_end = e
        if not (orgs or dated_orgs or seen) or not states:
            continue
        # a line the layout reader read (a table row, a labelled item) gets only what the knowledge base dates exactly
        on_layout = _overlaps_layout(lay_starts, lay_ends, s, e)
        while di < len(dates) and dates[di].start < s:
            di += 1
        dj = di
        while dj < len(dates) and dates[dj].start < e:
            dj += 1
        here_dates = dates[di:dj]
        said = {status for status, words in STATUS_WORDS.items() if words.search(sentence)}
        if any(m.kind == "organisation" and _ITS_STATES.match(text, m.end, e) for m in here):
            said.add("member")  # "the six GCC States", "ASEAN countries"
        found = _dated(text, s, e, states, here_dates, dated_orgs, known, said, [] if named else seen[::-1])
        if orgs and said and not on_layout:
            found += _held(text, s, e, states, here_dates, orgs, known, said, doc_date)
        out.extend(found)
    return out


def checked(claims: list[MembershipClaim], known: KnownMemberships,
            organisations: list[EntityMention]) -> tuple[list[MembershipClaim], list[MembershipClaim]]:
    """What the cue rules and the layout read, weighed against the knowledge base: (kept, doubtful).

    A claim the knowledge base contradicts (see `KnownMemberships.never`) most often took the wrong organisation from
    its context: "Montenegro became the 29th ally on 5 June 2017" after a paragraph on the EU. It is given the
    organisation the document named last before it that the knowledge base says fits ("NATO"); with none, it is
    doubtful: not reported by `extract`, and left to a person in the review queue by `ingest`."""
    kept, doubtful = [], []
    for m in claims:
        if not known.never(m.organisation, m.state, m.status):
            kept.append(m)
            continue
        other = next((o.id for o in reversed(organisations) if o.start < m.start and o.id != m.organisation
                      and known.fits(o.id, m.state, m.status, m.when)), None)
        if other is not None:
            kept.append(replace(m, organisation=other))
        elif known.covers(m.organisation, m.when):
            doubtful.append(m)
        else:
            kept.append(m)  # after the last change the knowledge base knows of: news it may lack
    return kept, doubtful
