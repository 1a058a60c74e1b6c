"""Memberships stated by a document's layout: tables and labelled lists.

Fact sheets, briefings and forecasts put memberships in tables whose header says what a column means ("State |
Suspended | Lifted", "Year | New members | Total", "Country | Applied | Candidate status") and in lists whose label
says it ("- Currently suspended: Burkina Faso, Guinea, Mali", or "It has since been enlarged seven times:" followed by
"- 1995: Austria, Finland and Sweden"). No sentence states those facts; the layout does. The organisation is the one
a header cell names ("In the Commonwealth since"), else the one the caption or the lines before the table name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from councilwatch.dates import FuzzyDate
from councilwatch.extract.dates import DateMention
from councilwatch.extract.gazetteer import EntityMention
from councilwatch.extract.results import MembershipClaim

# What a header cell or a list label says about the states of its column or item, first match wins.
_STATUS_WORDS = [
    ("participation_frozen", re.compile(r"\bfrozen\b|\bfreez", re.I)),
    ("suspended", re.compile(r"\bsuspen", re.I)),
    ("withdrawn", re.compile(r"\bwithdr[ae]w|\bleft\b|\bexit|\bexpelled\b|\bformer\s+members?\b", re.I)),
    ("accession_initiated", re.compile(r"\bappli(?:ed|cation|cants?)\b|\bcandidate|\baccession\s+(?:talks|negotiations)\b",
                                       re.I)),
    ("associate_member", re.compile(r"\bassociate\s+members?\b", re.I)),
    ("dialogue_partner", re.compile(r"\bdialogue\s+partners?\b", re.I)),
    ("observer", re.compile(r"\bobservers?\b", re.I)),
    ("partner", re.compile(r"\bpartners?\b", re.I)),
    ("member", re.compile(r"\bmembers?\b|\bmemberships?\b|\b(?:re)?join(?:s|ed|ing)?\b|\b(?:re)?admi(?:tted|ssion)\b"
                          r"|\baccession\b|\bacced(?:es?|ed)\b"
                          r"|\bfounders?\b|\bfounding\b|\bsince\b", re.I)),
]
# A header cell whose column holds the statuses themselves ("Status in La Francophonie").
_STATUS_COLUMN = re.compile(r"\bstatus\b", re.I)
_EMPTY_CELL = re.compile(r"^\s*(?:[-–—]+|n/?a|none|no|not\s+\w+|potential\s+candidate)?\s*$", re.I)
# "... enlarged seven times:", "New members since 2004:": a list intro whose items (dated) are states that joined.
_JOINING_INTRO = re.compile(r"\b(?:enlarg\w*|join\w*|accession\w*|admi(?:tted|ssion)|new\s+members|expan\w*|gr[oe]wn?)\b[^:]*:\s*$",
                            re.I)
# A bulleted item with a short label ("- Currently suspended: ...", "- 2004: ..."); numbered paragraphs are prose.
_ITEM = re.compile(r"^[ \t]*[-*•–][ \t]+(?P<label>(?:[^\s:]+[ \t]+){0,4}[^\s:]+):[ \t]*(?P<body>.+)$", re.M)
# A record's field line without a bullet: "Member States (5): Algeria, Libya, ...", "Former members: ..."; read only
# when its label names a status.
_FIELD = re.compile(r"^[ \t]*(?P<label>[A-Z][\w-]*(?:[ \t]+[\w-]+){0,3})(?:[ \t]*\(\d{1,3}\))?:[ \t]*(?P<body>.+)$", re.M)
# A header cell whose column lists the organisations each state belongs to.
_ORGANISATIONS_COLUMN = re.compile(r"^\s*(?:also\s+(?:in|a\s+member\s+of)|(?:other\s+)?memberships?|organi[sz]ations?|belongs\s+to"
                                   r"|member\s+of|blocs?|groupings?|RECs|(?:sub-?)?regional\s+(?:economic\s+)?(?:communities|organi[sz]ations"
                                   r"|bodies|blocs))(?:\s*\([^)]*\))?\s*$", re.I)
_DATE_COLUMN = re.compile(r"^\s*(?:since|year|date|from|joined|admitted)(?:\s*\(.*\))?\s*$", re.I)
_ROW_SEPARATOR = re.compile(r"^[\s|:+-]*$")


@dataclass
class _Context:
    text: str
    entities: list[EntityMention]
    dates: list[DateMention]
    known: object = None  # extract.confirmed.KnownMemberships
    table_lines: frozenset[int] = frozenset()  # where the lines of tables start: their cells are content, not a subject

    def best_org(self, default: str | None, pos: int, states: list[EntityMention]) -> str | None:
        """A table of states under "Members" in an article that named another organisation just before: of the
        organisations named before the table, the one the knowledge base holds most of the table's states in, when it
        holds more of them than in the organisation the lines before name."""
        if self.known is None or not states:
            return default
        ids = {s.id for s in states}

        def held(org: str | None) -> int:
            return sum(self.known.ever(org, s) for s in ids) if org else 0

        named = list(dict.fromkeys(e.id for e in reversed(self.entities) if e.kind == "organisation" and e.end <= pos))
        best = max(named, key=held, default=None)
        return best if best is not None and held(best) > held(default) else default

    def between(self, a: int, b: int, kind: str) -> list[EntityMention]:
        return [e for e in self.entities if a <= e.start and e.end <= b and e.kind == kind]

    def org_before(self, pos: int, lines: int = 4) -> str | None:
        """The organisation named last in the few lines before `pos` (a caption, a heading, an intro), else anywhere
        before it; organisations inside list items ("- Dialogue partners: ..., the European Union") are the list's
        content, not its subject."""
        end, seen = pos, 0
        while end > 0 and seen < lines:
            start = self.text.rfind("\n", 0, max(0, end - 1)) + 1
            line = self.text[start:end]
            if line.strip():
                seen += 1
                if not (_ITEM.match(line) or _is_field(line) or start in self.table_lines):
                    near = self.between(start, end, "organisation")
                    if near:
                        return near[-1].id
            end = start
        before = [e for e in self.entities if e.kind == "organisation" and e.end <= pos and not self._in_item(e.start)]
        return before[-1].id if before else None

    def _in_item(self, pos: int) -> bool:
        start = self.text.rfind("\n", 0, pos) + 1
        if start in self.table_lines:
            return True
        stop = self.text.find("\n", pos)
        line = self.text[start:stop if stop >= 0 else len(self.text)]
        return bool(_ITEM.match(line) or _is_field(line))

    def date_in(self, a: int, b: int) -> FuzzyDate | None:
        found = [d.value for d in self.dates if a <= d.start and d.end <= b]
        return found[0] if found else None


def _is_field(line: str) -> bool:
    f = _FIELD.match(line)
    return bool(f) and _status_of(f.group("label")) is not None


def layout_memberships(text: str, entities: list[EntityMention], dates: list[DateMention], doc_date,  # noqa: ANN001
                       memberless: frozenset[str] = frozenset(), known=None) -> list[MembershipClaim]:  # noqa: ANN001
    """`memberless`: organisations with no member states (UN offices), never the organisation of a table or list.
    `known` (extract.confirmed.KnownMemberships): the knowledge base's memberships, which choose a table's organisation
    among those the text named before it."""
    blocks = _table_blocks(text)
    ctx = _Context(text, [e for e in entities if not (e.kind == "organisation" and e.id in memberless)], dates, known,
                   frozenset(a for rows, _ in blocks for a, _ in rows))
    return _tables(ctx, doc_date, blocks) + _labelled_items(ctx, doc_date)


# --- tables ----------------------------------------------------------------------------------------------------------

def _table_blocks(text: str) -> list[tuple[list[tuple[int, int]], Callable[[int, int], list[tuple[int, int]]]]]:
    """Tables: (the (start, end) of each line, the function giving a line's cells). Runs of three or more consecutive
    lines holding a "|" (header and at least two rows), and plain-text tables whose columns a line of dashes under the
    header marks ("Member State   Joined" over "-------------  ------")."""
    blocks = []
    run, pos = [], 0
    lines = []
    for line in text.split("\n"):
        end = pos + len(line)
        lines.append((pos, end))
        if "|" in line:
            run.append((pos, end))
        else:
            if len(run) >= 3:
                blocks.append((run, partial(_cells, text)))
            run = []
        pos = end + 1
    if len(run) >= 3:
        blocks.append((run, partial(_cells, text)))
    for i, (a, b) in enumerate(lines):
        rule = _ALIGNED_RULE.match(text, a, b)
        if not rule or "|" in text[a:b] or i == 0 or not text[lines[i - 1][0]:lines[i - 1][1]].strip():
            continue
        starts = [m.start() for m in re.finditer(r"-+", text[a:b])]
        rows = [lines[i - 1]]
        for c, d in lines[i + 1:]:
            if not text[c:d].strip() or _ALIGNED_RULE.match(text, c, d):
                break
            rows.append((c, d))
        if len(rows) >= 3:
            blocks.append((rows, partial(_aligned_cells, text, starts)))
    return blocks


# A line of two or more runs of dashes under a plain-text table's header: where its columns start.
_ALIGNED_RULE = re.compile(r"[ \t]*-{3,}(?:[ \t]+-{3,})+[ \t]*$")


def _aligned_cells(text: str, starts: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each cell of a plain-text table line, cut where the dashes under the header start."""
    n = end - start
    bounds = []
    for i, a in enumerate(starts):
        b = starts[i + 1] if i + 1 < len(starts) else n
        bounds.append((start + min(a, n), start + min(b, n)))
    return bounds


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table line, leading and trailing pipes dropped."""
    line = text[start:end]
    bounds, cur = [], 0
    for i, ch in enumerate(line + "|"):
        if ch == "|":
            bounds.append((start + cur, start + i))
            cur = i + 1
    if line.lstrip().startswith("|"):
        bounds = bounds[1:]
    if line.rstrip().endswith("|"):
        bounds = bounds[:-1]
    return bounds


def _status_of(words: str) -> str | None:
    for status, rx in _STATUS_WORDS:
        if rx.search(words):
            return status
    return None


def _tables(ctx: _Context, doc_date, blocks) -> list[MembershipClaim]:  # noqa: ANN001
    out: list[MembershipClaim] = []
    for block, cells_of in blocks:
        rows = [r for r in block if not _ROW_SEPARATOR.match(ctx.text[r[0]:r[1]])]
        header, body = rows[0], rows[1:]
        head_cells = cells_of(*header)
        if ctx.between(header[0], header[1], "state") or len(head_cells) < 2:
            continue  # a header row names no states; a row of states is data, not a header
        table_org = ctx.org_before(block[0][0])
        table_org = ctx.best_org(table_org, block[0][0], [s for r in body for s in ctx.between(*cells_of(*r)[0], "state")])
        # A column named only by its organisation holds what the caption says ("Suspensions after coups"), else members.
        said = _status_of(_lines_before(ctx.text, block[0][0], 1))
        caption = said or "member"
        # "Partner | Since" under "Dialogue partners (year of full status)": a column of dates is the date of the status
        # the first column or the caption names.
        row_status = said or _status_of(ctx.text[head_cells[0][0]:head_cells[0][1]])
        columns = []  # (index, status or None for a column of statuses, organisation, named only by the organisation)
        # "Country | Status | Since": with a column of statuses, a column of dates only dates them
        has_status_column = any(_STATUS_COLUMN.search(ctx.text[a:b]) for a, b in head_cells)
        for i, (a, b) in enumerate(head_cells):
            words = ctx.text[a:b]
            # "RECs (excluding CEN-SAD)": an organisation the header leaves out does not name the column
            orgs = [o for o in ctx.between(a, b, "organisation") if not _LEFT_OUT.search(ctx.text, a, o.start)]
            # a header naming two organisations ("ECOWAS / SADC") leaves each cell to say which
            org = orgs[0].id if len(orgs) == 1 else None if orgs else table_org
            if _STATUS_COLUMN.search(words):
                columns.append((i, None, org, False))
            elif i > 0 and not orgs and _ORGANISATIONS_COLUMN.match(words):
                columns.append((i, "member", None, False))  # "Member | Also in": each cell names its organisations
            elif i > 0 and ((status := _status_of(words)) is not None or orgs):
                if status == "member" and _DATE_COLUMN.match(words) and not orgs:
                    if has_status_column:
                        continue
                    status = row_status or status
                columns.append((i, status or caption, org, status is None))
        if not columns:
            continue
        for r in body:
            cells = cells_of(*r)
            if len(cells) != len(head_cells):
                continue
            row_states = ctx.between(cells[0][0], cells[0][1], "state")
            for i, status, org, by_org in columns:
                a, b = cells[i]
                value = ctx.text[a:b]
                if by_org and (_NEGATION.search(value) or re.search(r"\bguest", value, re.I)):
                    continue  # "not a member", "guest only"
                named = ctx.between(a, b, "organisation")
                cell_org = named[0].id if named else org  # "SADC: March 2009 - January 2014"
                if cell_org is None or _EMPTY_CELL.match(value):
                    continue
                in_cell = ctx.between(a, b, "state")
                states = in_cell or row_states
                if len(named) > 1 or (named and (";" in value or not by_org and _status_of(value) not in (None, status))):
                    # "ASEAN (founding member); BRICS (since January 2025); OECD accession candidate": a list of
                    # organisations, each with its own status
                    out.extend(_organisation_list(ctx, a, b, states, status or "member", doc_date, r))
                    continue
                # a column named by its organisation: the cell's own words ("observer (2020)", "withdrew (2012)"), else
                # the caption's
                statuses = (_statuses_in(value) or [status]) if by_org else [status] if status else _statuses_in(value)
                when = ctx.date_in(a, b) or ctx.date_in(r[0], r[1]) or FuzzyDate.day(doc_date)
                for st in statuses:
                    for s in states:
                        out.append(MembershipClaim(cell_org, s.id, st, when, s.start, max(s.end, b), (r[0], r[1])))
    return out


_LEFT_OUT = re.compile(r"\b(?:excluding|except|other\s+than|without|besides|not)\b[^|]*$", re.I)
_NEGATION = re.compile(r"n['’]t\b|\b(?:not|never|no|none|invited|offered)\b", re.I)


def _organisation_list(ctx: _Context, a: int, b: int, states: list, default: str, doc_date, row) -> list[MembershipClaim]:  # noqa: ANN001
    out: list[MembershipClaim] = []
    pos = a
    for part in re.split(r"[;,](?![^()]*\))", ctx.text[a:b]):
        p0, p1 = pos, pos + len(part)
        pos = p1 + 1
        orgs = ctx.between(p0, p1, "organisation")
        if not orgs or _NEGATION.search(part):
            continue  # "invited to join BRICS, membership not confirmed"
        plain = re.sub(r"\bfounding\s+member\b|\bsince\b", "", part, flags=re.I)
        status = _status_of(plain) or default
        when = ctx.date_in(p0, p1) or FuzzyDate.day(doc_date)
        for o in orgs:
            out.extend(MembershipClaim(o.id, s.id, status, when, s.start, max(s.end, p1), (row[0], row[1])) for s in states)
    return out


def _lines_before(text: str, pos: int, n: int) -> str:
    """The last `n` non-blank lines before `pos` (a table's caption)."""
    lines = [line for line in text[max(0, pos - 600):pos].split("\n") if line.strip()]
    return " ".join(lines[-n:])


def _statuses_in(cell: str) -> list[str]:
    """"member (associate member 2006-2024)": every status a cell names, the main one first."""
    found = []
    for part in re.split(r"[()/;,]", cell):
        status = _status_of(part)
        if status and status not in found:
            found.append(status)
    return found


# --- labelled list items ---------------------------------------------------------------------------------------------

def _labelled_items(ctx: _Context, doc_date) -> list[MembershipClaim]:  # noqa: ANN001
    out: list[MembershipClaim] = []
    items = list(_ITEM.finditer(ctx.text))
    items += [f for f in _FIELD.finditer(ctx.text) if _status_of(f.group("label"))]
    out.extend(_headed_bullets(ctx, doc_date))
    for m in _ITEM.finditer(ctx.text):
        out.extend(_state_item(ctx, m, doc_date))
    for m in items:
        label, (b0, b1) = m.group("label"), m.span("body")
        status = _status_of(label)
        statuses = [status] if status else []
        named_org = None
        if _FORMER.search(label):
            statuses = ["member", "withdrawn"]  # "Former members: ...": they were members, and left
        states = []
        if status is None and ctx.date_in(m.start("label"), m.end("label")) is not None:
            # a chronology: "- 3 October 2013: The Gambia withdraws", "- 2012: Qatar is admitted as an associate member"
            states, statuses, named_org = _acting_states(ctx, b0, b1)
        states = states or _leading_states(ctx, b0, b1)
        if not states:
            continue
        if not statuses:
            # "- 1995: Austria, Finland and Sweden" under "It has since been enlarged seven times:"
            if ctx.date_in(m.start("label"), m.end("label")) is None or not _joining_list(ctx.text, m.start()):
                continue
            statuses = ["member"]
        named = ctx.between(m.start("label"), m.end("label"), "organisation")
        # "- 1981: Greece joins the European Communities": the organisation the item names, else its list's
        org = named[0].id if named else named_org or ctx.org_before(m.start(), lines=12)
        if org is None:
            continue
        when = ctx.date_in(m.start("label"), m.end("label")) or FuzzyDate.day(doc_date)
        out.extend(MembershipClaim(org, s.id, st, when, s.start, s.end, (m.start(), m.end())) for st in statuses for s in states)
    return out


_FORMER = re.compile(r"\bformer\s+members?\b", re.I)
# "Mexico (2014) and Ireland", "Denmark (including Greenland and the Faroe Islands), Finland", "Gabon*, Rwanda*"
_LIST_JOIN = re.compile(r"\*?(?:\s*\([^()]{1,60}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
# Between a listed state and a name inside the parenthesis after it: "Benin (then ", "Burkina Faso (formerly ".
_IN_ASIDE = re.compile(r"\*?\s*\([^()]{0,40}")


def _opening_states(ctx: _Context, a: int, b: int, skip_orgs: bool) -> tuple[list[EntityMention], int]:
    """The states a body opens with, as a list ("Bulgaria and Romania"), and where the list ends; with `skip_orgs`, an
    organisation listed among them ("Japan, the European Union") is passed over."""
    ents = [e for e in ctx.entities if a <= e.start and e.end <= b]
    if not ents or ents[0].kind != "state" or not re.fullmatch(r"\s*(?:the\s+)?", ctx.text[a:ents[0].start], re.I):
        return [], a
    out, last = [ents[0]], ents[0]
    listed = ("state", "organisation") if skip_orgs else ("state",)
    for e in ents[1:]:
        if _IN_ASIDE.fullmatch(ctx.text, last.end, e.start):
            continue  # "Benin (then Dahomey), Burkina Faso": a former name in the aside is the same state
        if e.kind not in listed or not _LIST_JOIN.fullmatch(ctx.text[last.end:e.start]):
            break
        last = e
        if e.kind == "state":
            out.append(e)
    return out, last.end


def _leading_states(ctx: _Context, a: int, b: int) -> list[EntityMention]:
    """The states an item's body opens with, when the body is the list and nothing more, or the list then an aside
    (", which became the 28th member state")."""
    out, end = _opening_states(ctx, a, b, skip_orgs=True)
    return out if out and re.match(r"\s*(?:$|[.;*]|,\s*(?:which|who)\b|\(|[-–—]\s)", ctx.text[end:b]) else []


# What a chronology item's states do, right after them: "withdraws", "is suspended", "becomes the 54th member".
_PREDICATE = re.compile(r"\s+(?:(?:is|are|was|were|has\s+been|have\s+been)\s+)?(?:formally\s+|again\s+|also\s+)?"
                        r"(?P<verb>withdr[ae]ws?|lea(?:ves|ve)|left|quits?|rejoins?|joins?|joined|accedes?|acceded|suspended"
                        r"|admitted|readmitted|becomes?|became)\b(?P<rest>[^;.]{0,60})", re.I)


# "Members (11):" or "Observer states (13):" alone on its line, the list in bullets below it.
_HEAD_FIELD = re.compile(r"^[ \t]*(?P<label>[A-Z][\w-]*(?:[ \t]+[\w-]+){0,3})(?:[ \t]*\(\d{1,3}\))?:[ \t]*$", re.M)
_BULLET = re.compile(r"[ \t]*[-*•–][ \t]+(?P<body>.+)")


def _headed_bullets(ctx: _Context, doc_date) -> list[MembershipClaim]:  # noqa: ANN001
    """"Members (11):" then "- Brunei Darussalam - 7 January 1984": each bullet's states have the heading's status."""
    out: list[MembershipClaim] = []
    for h in _HEAD_FIELD.finditer(ctx.text):
        status = _status_of(h.group("label"))
        if status is None:
            continue
        org = ctx.org_before(h.start(), lines=6)
        pos = h.end() + 1
        while org and pos < len(ctx.text):
            stop = ctx.text.find("\n", pos)
            stop = len(ctx.text) if stop < 0 else stop
            bullet = _BULLET.fullmatch(ctx.text, pos, stop)
            if bullet is None:
                break
            b0, b1 = bullet.span("body")
            when = ctx.date_in(b0, b1) or FuzzyDate.day(doc_date)
            statuses = ["member", "withdrawn"] if _FORMER.search(h.group("label")) else [status]
            for s in _leading_states(ctx, b0, b1):
                out.extend(MembershipClaim(org, s.id, st, when, s.start, s.end, (pos, stop)) for st in statuses)
            pos = stop + 1
    return out


def _state_item(ctx: _Context, m: re.Match, doc_date) -> list[MembershipClaim]:  # noqa: ANN001
    """"- Kenya: EAC, IGAD, COMESA", "- Ethiopia: IGAD and COMESA, but not the EAC": a state labelling the
    organisations it belongs to."""
    label = ctx.between(m.start("label"), m.end("label"), "state")
    if len(label) != 1 or ctx.between(m.start("label"), m.end("label"), "organisation"):
        return []
    b0, b1 = m.span("body")
    cut = _NEGATION.search(ctx.text, b0, b1)  # "but not the EAC", "nothing else"
    orgs = ctx.between(b0, cut.start() if cut else b1, "organisation")
    if not orgs or ctx.between(b0, b1, "state"):
        return []
    when = FuzzyDate.day(doc_date)
    s = label[0]
    return [MembershipClaim(o.id, s.id, "member", when, s.start, o.end, (m.start(), m.end()))
            for o in {o.id: o for o in orgs}.values()]


def _acting_states(ctx: _Context, a: int, b: int) -> tuple[list[EntityMention], list[str], str | None]:
    """The states a chronology item opens with, what they do, and the organisation the predicate names."""
    out, end = _opening_states(ctx, a, b, skip_orgs=False)
    if not out:
        return [], [], None
    end = ctx.text.find(")", end, b) + 1 if re.match(r"\s*\(", ctx.text[end:b]) else end  # "Mexico (2014) and ..."
    p = _PREDICATE.match(ctx.text, end, b)
    if p is None:
        return [], [], None
    statuses = [_predicate_status(p)]
    org = next((e.id for e in ctx.between(p.start(), p.end(), "organisation")), None)
    # "- 2013: The Gambia withdraws; it rejoins on 8 February 2018."
    more = re.match(r"\s*[;,]\s*(?:and\s+)?(?:it|they)", ctx.text[p.end():b])
    if more and (q := _PREDICATE.match(ctx.text, p.end() + more.end(), b)):
        statuses.append(_predicate_status(q))
    statuses = [st for st in statuses if st]
    return (out, statuses, org) if statuses else ([], [], None)


def _predicate_status(p: re.Match) -> str | None:
    verb, rest = p.group("verb").lower(), p.group("rest")
    if verb.startswith("becom") or verb == "became":
        return _status_of(rest)  # "becomes the 54th member", "become observers"
    status = _status_of(rest) if re.search(r"\bas\s+(?:an?\s+)?\w", rest) else None  # "is admitted directly as an associate member"
    return status or _status_of(verb) or ("withdrawn" if verb.startswith(("lea", "left", "quit")) else "member")


def _joining_list(text: str, item_start: int) -> bool:
    """The list the item belongs to is introduced by a line about joining ("... enlarged seven times:")."""
    pos = item_start
    while pos > 0:
        prev_start = text.rfind("\n", 0, pos - 1) + 1
        line = text[prev_start:pos - 1].strip()
        if not line:
            pos = prev_start
            continue
        if _ITEM.match(text, prev_start):
            pos = prev_start
            continue
        return bool(_JOINING_INTRO.search(line))
    return False
