"""The extraction pipeline: symbols, dates and entities over the whole text, then facts per sentence.

Symbols (councilwatch.symbols), dates (extract.dates) and entities (the
Aho-Corasick gazetteer) are found with compiled automata over the raw text,
which is what makes 100,000+ words a second possible. Only sentences that hold
an entity and a cue word go through the spaCy blank English pipeline, whose
components (memberships, events, stances) match their JSONL patterns.

    >>> ex = Extractor.from_store(store)
    >>> result = ex.extract_text("On 22 February, Armenia froze its participation in the CSTO.", doc_date=date(2024, 7, 1))
    >>> result.memberships[0].status
    'participation_frozen'
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from councilwatch.extract.components import PATTERNS, PHRASE_WORDS, SentenceContext, set_entities
from councilwatch.extract.confirmed import KnownMemberships, checked, confirmed_memberships
from councilwatch.extract.dates import document_date, find_dates
from councilwatch.extract.gazetteer import Gazetteer
from councilwatch.extract.reading import TextDocument, read_document
from councilwatch.extract.results import Extraction, SymbolMention
from councilwatch.extract.sentences import sentence_spans
from councilwatch.extract.tables import layout_memberships

COMPONENTS = ("councilwatch_memberships", "councilwatch_events", "councilwatch_stances")


def _cue_words() -> re.Pattern:
    """Every word a pattern file names: a sentence without one of them cannot hold a fact."""
    import json

    words: set[str] = set()
    for name in ("memberships.jsonl", "events.jsonl", "stances.jsonl"):
        for line in (PATTERNS / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            for tok in json.loads(line)["pattern"]:
                low = tok.get("LOWER")
                if isinstance(low, str):
                    words.add(low)
                elif isinstance(low, dict):
                    words.update(low.get("IN", []))
    words = {w for w in words if w.isalpha() and len(w) > 2 and w not in {"the", "its", "and", "for", "has", "have"}}
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b|:|" + PHRASE_WORDS,
                      re.I)


def build_nlp():
    """A blank English spaCy pipeline with one component per kind of fact (no downloaded model)."""
    import spacy

    from councilwatch.extract import events, memberships, stances  # noqa: F401 - register the factories

    nlp = spacy.blank("en")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


_SET_APART = re.compile(r"\b(?:confused|confounded)\s+with\b[^.;:!?]*$|\b(?:distinct|distinguished)\s+from\b[^.;:!?]*$", re.I)


class Extractor:
    """Extract symbols, dates, entities, memberships, events and stances from texts."""

    def __init__(self, gazetteer: Gazetteer, nlp=None, known: KnownMemberships | None = None):  # noqa: ANN001 - spacy Language
        self.gazetteer = gazetteer
        self._nlp = nlp
        self._cues = _cue_words()
        self.known = known  # the knowledge base's memberships, which confirm what a sentence only implies

    @classmethod
    def from_store(cls, store) -> Extractor:  # noqa: ANN001 - councilwatch.store.Store
        return cls(Gazetteer.from_store(store), known=KnownMemberships.from_store(store))

    @property
    def nlp(self):  # noqa: ANN201
        if self._nlp is None:
            self._nlp = build_nlp()
        return self._nlp

    # -- the whole document ---------------------------------------------------
    def extract_file(self, path: str | Path, doc_date: date | None = None) -> Extraction:
        return self.extract_document(read_document(path), doc_date)

    def extract_document(self, doc: TextDocument, doc_date: date | None = None) -> Extraction:
        return self.extract_text(doc.text, doc_date=doc_date, source=doc.source, file_date=doc.modified)

    def extract_text(self, text: str, doc_date: date | None = None, source: str = "<text>",
                     file_date: date | None = None, facts: bool = True) -> Extraction:
        """Everything found in `text`; `facts=False` stops after symbols, dates and entities."""
        ref, basis = self._doc_date(text, doc_date, file_date)
        result = Extraction(source, text, ref, basis)
        result.symbols = find_symbol_mentions(text)
        skip = [(s.start, s.end) for s in result.symbols]
        result.dates = find_dates(text, ref, skip)
        result.entities = short_forms(text, self.gazetteer.find(text, ref.year, skip))
        if facts:
            self._facts(result)
        return result

    @staticmethod
    def _doc_date(text: str, option: date | None, file_date: date | None) -> tuple[date, str]:
        if option is not None:
            return option, "option"
        found = document_date(text)
        if found is not None:
            return found[0], "text"
        return (file_date or date.today()), "file"

    # -- facts, sentence by sentence ---------------------------------------------
    def _facts(self, result: Extraction) -> None:
        text = result.text
        result.sentences = sentence_spans(text)
        # "not to be confused with the European Council or the Council of the European Union": organisations named
        # only to be set apart are no context for what follows
        ents = [m for m in result.entities if not (m.kind == "organisation" and _SET_APART.search(text, max(0, m.start - 80), m.start))]
        dates = result.dates
        ei = di = 0
        recent: list[str] = []
        group: list[str] = []
        # Organisation id -> the names it goes by (the knowledge base's, and those the text defines, "(NDB)"):
        # replaced, not changed, when it grows, so each sentence keeps what was known when it was read.
        names = self.gazetteer.org_names
        memberless = frozenset(getattr(self.gazetteer, "memberless", ()))
        first_org = next((m.id for m in ents if m.kind == "organisation" and m.id not in memberless), None)
        docs = []
        for s, e in result.sentences:
            while ei < len(ents) and ents[ei].start < s:
                ei += 1
            while di < len(dates) and dates[di].start < s:
                di += 1
            ej, dj = ei, di
            while ej < len(ents) and ents[ej].end <= e:
                ej += 1
            while dj < len(dates) and dates[dj].end <= e:
                dj += 1
            sent_ents, sent_dates = ents[ei:ej], dates[di:dj]
            if sent_ents and self._cues.search(text, s, e):
                ctx = SentenceContext(text, s, e, _with_country_references(text, s, e, sent_ents), sent_dates, result.doc_date,
                                      list(recent), list(group), names, first_org, memberless)
                docs.append(self._make_doc(ctx))
            orgs = [m.id for m in sent_ents if m.kind == "organisation"]
            fresh = [(m.id, text[m.start:m.end].lower()) for m in sent_ents
                     if m.kind == "organisation" and text[m.start:m.end].lower() not in names.get(m.id, "")]
            if fresh:
                names = dict(names)
                for org, name in fresh:
                    names[org] = f"{names.get(org, '')} {name}".strip()
            if orgs:
                recent = (recent + orgs)[-8:]
            if len(set(orgs)) >= 2:
                group = list(dict.fromkeys(orgs))
        for doc in self.nlp.pipe(docs, batch_size=64):
            found = doc.user_data["found"]
            result.memberships.extend(found["memberships"])
            result.events.extend(found["events"])
            result.stances.extend(found["stances"])
        # A line the layout reads (a table row, a labelled list) is the layout's: a sentence-level claim there about
        # the same state but another organisation came from context the line does not share.
        layout = layout_memberships(text, ents, dates, result.doc_date, memberless, self.known)
        by_line = {(m.sentence, m.state): m.organisation for m in layout}
        result.memberships = [m for m in result.memberships
                              if not any(a <= m.start < b and state == m.state and org != m.organisation
                                         for ((a, b), state), org in by_line.items())]
        result.memberships.extend(layout)
        if self.known is not None:
            # what a cue read, weighed against the knowledge base: another organisation the document named where the
            # one taken from context is contradicted, or left for review
            known_orgs = [m for m in ents if m.kind == "organisation" and m.id in self.known.organisations]
            result.memberships, result.doubtful = checked(result.memberships, self.known, known_orgs)
            # What a sentence only implies, where the knowledge base confirms it (extract/confirmed.py). "Kenyan
            # troops" names Kenya but says nothing of its memberships.
            said = {(m.organisation, m.state, m.status) for m in result.memberships}
            named = [m for m in ents if not (m.kind == "state" and m.text.lower() in self.gazetteer.adjectives)]
            implied = confirmed_memberships(text, result.sentences, named, dates, result.doc_date, self.known,
                                            self.gazetteer.org_names, [m.sentence for m in layout])
            # on a line the layout read, a state it read is its alone
            read: dict[str, list[tuple[int, int]]] = {}
            for line, state in by_line:
                read.setdefault(state, []).append(line)
            result.memberships.extend(m for m in implied if (m.organisation, m.state, m.status) not in said
                                      and not any(a <= m.start < b for a, b in read.get(m.state, ())))
        # UN offices, missions and forces have no member states, whatever a cue took them for
        result.memberships = [m for m in result.memberships if m.organisation not in memberless]
        result.memberships = _dedupe(result.memberships, lambda m: (m.organisation, m.state, m.status, m.when))
        result.stances = _dedupe(result.stances, lambda s: (s.actors, s.target, s.polarity, s.sentence))

    def _make_doc(self, ctx: SentenceContext):  # noqa: ANN202 - spacy Doc
        doc = self.nlp.make_doc(ctx.sentence)
        set_entities(doc, ctx)
        doc.user_data["cw"] = ctx
        doc.user_data["found"] = {"memberships": [], "events": [], "stances": []}
        return doc


_COUNTRY_REF = re.compile(r"\b(?:his|her|its|their|our|whose)\s+(?:own\s+)?country\b", re.I)
# The state a speaker stands for: "Somalia's delegate", "the representative of Algeria".
_SPEAKER_AFTER = re.compile(r"['’]s\s+(?:\w+\s+)?(?:delegate|representative|minister|president|ambassador|envoy|speaker|government)\b",
                            re.I)


def _with_country_references(text: str, s: int, e: int, ents: list) -> list:
    """"Somalia's delegate added that his country was a member of the African Union": "his country" is read as the
    state the speaker stands for (or the last state named before it in the sentence), for the fact components only."""
    refs = list(_COUNTRY_REF.finditer(text, s, e))
    if not refs:
        return ents
    from councilwatch.extract.gazetteer import EntityMention

    out = list(ents)
    for ref in refs:
        before = [m for m in ents if m.kind == "state" and m.end <= ref.start()]
        if not before:
            continue
        speakers = [m for m in before if _SPEAKER_AFTER.match(text, m.end)
                    or re.search(r"(?:representative|delegate|delegation|ambassador)\s+of\s+(?:the\s+)?$", text[max(s, m.start - 30):m.start], re.I)]
        state = (speakers or before)[-1]
        out.append(EntityMention(text[ref.start():ref.end()], state.entry, ref.start(), ref.end()))
    return sorted(out, key=lambda m: m.start)


def short_forms(text: str, entities: list) -> list:
    """A one-word name read as an organisation of its own ("the Commonwealth") names the organisation the text has
    already called by a longer name beginning with that word ("the Commonwealth of Independent States")."""
    from dataclasses import replace

    full: dict[str, object] = {}  # first word -> entry of an organisation named in full
    out = []
    for m in entities:
        name = text[m.start:m.end]
        if m.kind == "organisation":
            word = name.split()[0].lower()
            if " " in name and word not in ("the", "organisation", "organization", "united"):
                full.setdefault(word, m.entry)
            elif " " not in name and name.lower() in full and full[name.lower()].id != m.id and name != m.id:
                # ("ECOWAS" after "ECOWAS Stabilisation Support Mission" is still ECOWAS: an acronym is its own name)
                m = replace(m, entry=full[name.lower()])
        out.append(m)
    return out


def _dedupe(items: list, key) -> list:  # noqa: ANN001
    seen, out = set(), []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def find_symbol_mentions(text: str) -> list[SymbolMention]:
    """UN document symbols in the text, normalised by councilwatch.symbols."""
    from councilwatch.symbols import find_symbols

    # Tables run a date into a symbol ("8 August 2022S/2022/606"): blank the digit before an organ's
    # slash in a copy, so the symbol finder sees a word boundary and offsets stay the same.
    scan = _RUN_IN.sub(lambda m: " " * len(m.group(0)), text)
    found = [SymbolMention(text[a:b], str(sym), sym.kind, a, b) for a, b, sym in find_symbols(scan)]
    found.extend(_resolutions_in_prose(text, found))
    return sorted(_with_years(text, found), key=lambda s: s.start)


# "resolution 2719 (2023)", "resolutions 2701 (2023) and 2702 (2023)": Council resolutions as prose cites them;
# "General Assembly resolution 77/19": an Assembly resolution.
_SC_RES_LIST = re.compile(r"\bresolutions?\s+\d{1,4}\s*\((?:19|20)\d\d\)(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)\d{1,4}\s*\((?:19|20)\d\d\))*", re.I)
_SC_RES_ONE = re.compile(r"(?:resolutions?\s+)?(\d{1,4})\s*\(((?:19|20)\d\d)\)", re.I)
_GA_RES = re.compile(r"\bresolutions?\s+((?:[1-9]\d|ES-\d{1,2})/\d{1,3})\b(?![/\d])", re.I)
# Other bodies whose resolutions are numbered session/number too ("Human Rights Council resolution 55/2").
_OTHER_BODY = re.compile(r"Human\s+Rights\s+Council|\bHRC\b|Economic\s+and\s+Social\s+Council|ECOSOC|General\s+Conference"
                         r"|Board\s+of\s+Governors|Executive\s+Board|World\s+Health\s+Assembly|Conference\s+of\s+the\s+Parties"
                         r"|Commission\s+on", re.I)
_GA_MORE = re.compile(r"(?:\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|\s*\((?:19|20)\d\d\))?(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)"
                      r"((?:[1-9]\d|ES-\d{1,2})/\d{1,3})\b(?![/\d])")
_GA_NAME = re.compile(r"General\s+Assembly|\bAssembly\b")
_UNSCR = re.compile(r"\bUNSCRs?\s+(\d{1,4})(?:\s*/\s*((?:19|20)\d\d)\b|\s*\(((?:19|20)\d\d)\))?")
_SC_RES_BARE = re.compile(r"\bresolutions?\s+(\d{3,4})\b(?!\s*\(|/|\d)", re.I)


def _resolutions_in_prose(text: str, symbols: list[SymbolMention]) -> list[SymbolMention]:
    from bisect import bisect_left

    from councilwatch.symbols import BadSymbol, parse

    # Symbol spans do not overlap each other, so sorted by start their ends are sorted too
    # and one bisection finds the only span that could overlap a candidate.
    taken = sorted((s.start, s.end) for s in symbols)
    ends = [y for _, y in taken]
    nested = ends != sorted(ends)
    out = []

    def add(a: int, b: int, raw: str) -> None:
        if nested:
            if any(x < b and a < y for x, y in taken):
                return
        else:
            i = bisect_left(ends, a + 1)  # the first span ending after a
            if i < len(taken) and taken[i][0] < b:
                return
        try:
            sym = parse(raw)
        except BadSymbol:
            return
        out.append(SymbolMention(text[a:b], str(sym), sym.kind, a, b))

    for m in _SC_RES_LIST.finditer(text):
        for one in _SC_RES_ONE.finditer(text, m.start(), m.end()):
            add(one.start(), one.end(), f"S/RES/{one.group(1)} ({one.group(2)})")
    for m in _UNSCR.finditer(text):
        # "UNSCR 1244/1999", "UNSCR 2231 (2015)": the abbreviation names a Council resolution
        year = m.group(2) or m.group(3)
        add(m.start(), m.end(), f"S/RES/{m.group(1)} ({year})" if year else f"S/RES/{m.group(1)}")
    for m in _SC_RES_BARE.finditer(text):
        # "resolution 2292 of 14 June 2016": a Council resolution whose date is written after it.
        after = _DATE_AFTER.match(text, m.end())
        if after and not re.search(r"General\s+Assembly\s*$", text[max(0, m.start() - 25):m.start()]):
            add(m.start(), m.end(), f"S/RES/{m.group(1)} ({after.group(1)})")
    for m in _GA_RES.finditer(text):
        # Session/number is the Assembly's numbering ("resolution 76/262", "resolution ES-11/1"), unless the
        # sentence names another body that numbers its resolutions the same way, nearer than the Assembly.
        head = text[max(0, m.start() - 200):m.start()]
        head = head[max(head.rfind(". "), head.rfind("\n")) + 1:]
        other = [o.end() for o in _OTHER_BODY.finditer(head)]
        ga = [g.end() for g in _GA_NAME.finditer(head)]
        if other and (not ga or other[-1] > ga[-1]):
            continue
        add(m.start(), m.end(), f"A/RES/{m.group(1)}")
        end = m.end()
        while more := _GA_MORE.match(text, end):  # "resolutions ES-10/21 of 27 October 2023 and ES-10/22"
            add(more.start(1), more.end(1), f"A/RES/{more.group(1)}")
            end = more.end()
    return out


def _with_years(text: str, found: list[SymbolMention]) -> list[SymbolMention]:
    """A Council resolution cited without its year ("S/RES/2699" in a table, "resolution 2699 in October 2023")
    takes the year the document gives the same number elsewhere; without one it stays as written."""
    # "S/RES/2722 (10 January 2024)", "resolution 2292 of 14 June 2016": a date written right after gives the year.
    dated = []
    for s in found:
        m = re.fullmatch(r"S/RES/(\d+)", s.symbol)
        after = _DATE_AFTER.match(text, s.end) if m else None
        if after:
            s = SymbolMention(s.text, f"S/RES/{m.group(1)} ({after.group(1)})", s.kind, s.start, s.end)
        dated.append(s)
    found = dated
    years: dict[str, str] = {}
    for s in found:
        m = re.fullmatch(r"S/RES/(\d+) \((\d{4})\)", s.symbol)
        if m:
            years.setdefault(m.group(1), m.group(2))
    out = []
    for s in found:
        m = re.fullmatch(r"S/RES/(\d+)", s.symbol)
        if m and m.group(1) in years:
            s = SymbolMention(s.text, f"S/RES/{m.group(1)} ({years[m.group(1)]})", s.kind, s.start, s.end)
        elif m and (row := _ROW_DATE.search(_line(text, s.start))):
            # A table row "18 November 2016 | S/RES/2320 | ...": the resolution is the row's, adopted that year.
            s = SymbolMention(s.text, f"S/RES/{m.group(1)} ({row.group(1)})", s.kind, s.start, s.end)
        out.append(s)
    if not years:
        return out
    taken = [(s.start, s.end) for s in out]
    for m in _SC_RES_BARE.finditer(text):
        number = m.group(1)
        if number in years and not any(a < m.end() and m.start() < b for a, b in taken) \
                and not re.search(r"General\s+Assembly\s*$", text[max(0, m.start() - 25):m.start()]):
            out.append(SymbolMention(text[m.start():m.end()], f"S/RES/{number} ({years[number]})", "resolution",
                                         m.start(), m.end()))
    return out


_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE_AFTER = re.compile(rf"\s*(?:\(|,?\s+adopted\s+(?:on\s+|in\s+)?|\s+of\s+)(?:\d{{1,2}}\s+{_MONTHS}\s+|{_MONTHS}\s+"
                         rf"(?:\d{{1,2}},?\s+)?)((?:19|20)\d\d)\b")
_ROW_DATE = re.compile(r"^\s*\|?\s*\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November"
                       r"|December)\s+((?:19|20)\d\d)\b")


def _line(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


_RUN_IN = re.compile(r"(?<=\d\d\d)\d(?=(?:S|A|E|SC|GA|SG|ST)/[A-Z0-9])")
