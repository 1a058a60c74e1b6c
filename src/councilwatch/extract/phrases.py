"""Membership statements read by their shape on the masked sentence (extract/masked.py: entities as STATE / ORG,
dates as DATE).

One regex per shape covers every name: appositions ("Finland and Sweden, both CBSS members"), copulas ("remains an
active member of the OAS"), possessives ("the OIC's observers include ..."), counted members ("two of its members, A
and B"), suspensions in force ("lifted the suspension it imposed on Gabon") and the like. They are built from shared
pieces (a list of states, a status noun, a reference to an organisation) rather than listed one by one. The
memberships component (extract/memberships.py) mixes these methods in and runs them after its Matcher cues.
"""

from __future__ import annotations

import re

from councilwatch.extract.components import NUMBER, PHRASE_WORDS, SentenceContext, hedged
from councilwatch.extract.masked import Masked, mask
from councilwatch.extract.results import MembershipClaim

_HEADS = r"(?:organi[sz]ation|bloc|alliance|union|community|league|grouping|forum|association|commonwealth|bank|council|movement|conference|commission|authority)"
_POSS = rf"(?:(?-i:ORG)|(?:the|this|that)\s+{_HEADS})['’]s|its|their|whose"
_ADJS = (r"(?:(?:founding|full|original|fellow|current|permanent|new|newest|latest|longtime|long-standing|other|remaining"
         r"|only|smallest|largest|youngest|oldest|last|\w+(?:th|st|nd|rd)|\w+-speaking|\w+est|most\s+\w+)\s+)*")
_STATUS_NOUN = (r"(?P<noun>associate\s+members?|dialogue\s+partners?|observers?(?:\s+(?:states|countries))?"
                r"|partners?(?:\s+(?:states|countries))?|members?(?:[\s-]+(?:states?|countries|nations))?|founders?"
                r"|(?<=ORG )all(?:y|ies)|candidates?(?:\s+(?:countries|states))?)")
# A list of states, each possibly followed by its own aside (", which has held that status since 2005,").
_ASIDE = r"(?:\s*\((?:[^()]{1,40})\))?(?:\s*,\s*(?:which|who)\s[^,;]{1,80},)?"
_STATE_LIST = (rf"(?P<list>(?-i:STATE){_ASIDE}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*,?\s*as\s+well\s+as\s+)(?:the\s+)?"
               rf"(?-i:STATE){_ASIDE})*)")
# "of ASEAN", "of the bloc", "of the Eurasian union"
_STATUS_OF = (rf"(?:\s+(?:of|in|to|at|within)\s+(?:the\s+)?(?P<org>(?-i:ORG)|(?:(?-i:[A-Z])[\w-]+\s+)?{_HEADS}\b)"
              rf"(?:\s*\((?-i:ORG)\))?)?")
# "Finland and Sweden, both CBSS members", "Papua New Guinea, an observer of ASEAN since 1976", "Norway, one of the
# Council's founding members", "Iceland, which has been a member since 1995": a status in apposition to states.
_APPOSITIVE = re.compile(
    rf"{_STATE_LIST}\s*,\s*(?:as\s+|(?:which|who)\s+(?:(?:has|have|had)\s+been|is|are|was|were|remains?|remained|became)\s+)?"
    rf"(?:(?:both|all|each|also|(?:one|{NUMBER})\s+of(?:\s+(?:the|its|their))?(?:\s+{NUMBER})?)\s+)?(?:(?:a|an|the)\s+)?"
    rf"(?:{NUMBER}\s+)?(?:(?P<poss>{_POSS})\s+)?(?:{_ADJS}[\w-]+\s+and\s+)?(?P<former>former\s+)?{_ADJS}(?:(?P<pre>(?-i:ORG))\s+)?"
    rf"{_ADJS}{_STATUS_NOUN}"
    rf"{_STATUS_OF}"
    # an organisation named in the phrase ends it; else what follows must end it
    r"(?(pre)|(?:(?<=ORG)|(?=\s*(?:[,;.)]|$|(?:since|from|until|in|on|at|for|with|that|which|who|whose)\s|and\s))))", re.I)
# "As a member of the European Union, Cyprus ...": the status first, its holders after the comma.
_FRONTED = re.compile(rf"(?:^|[;:]\s*)(?:as|being)\s+(?:a|an)?\s*{_ADJS}{_STATUS_NOUN}{_STATUS_OF}\s*,\s*(?:the\s+)?{_STATE_LIST}",
                      re.I)
# "Timor-Leste's experience as a member of the CPLP", "Malta's representative, speaking as a member State of the EU".
_POSSESSIVE_AS = re.compile(rf"(?P<list>(?-i:STATE))['’]s\s+(?:[\w-]+[\s,]+){{1,3}}(?:speaking\s+)?as\s+(?:a|an)\s+{_ADJS}"
                            rf"{_STATUS_NOUN}{_STATUS_OF}", re.I)
# "Like Rwanda, Gabon and Togo are also members of the OIF", "Suriname, like Guyana a CARICOM member, ...".
_LIKE = re.compile(rf"(?:^|,\s*)like\s+(?:the\s+)?(?P<like>(?-i:STATE)(?:\s+and\s+(?:the\s+)?(?-i:STATE))?)\s*,?\s*(?:both\s+)?"
                   rf"(?:(?:the\s+)?{_STATE_LIST}\s+(?:are|is|were|was|remain|remains)\s+(?:also\s+)?)?(?:a|an)?\s*"
                   rf"(?:(?P<pre>(?-i:ORG))\s+)?{_ADJS}{_STATUS_NOUN}{_STATUS_OF}", re.I)
# "The OIC's observers include the Russian Federation, ..., as well as Bosnia and Herzegovina and Thailand."
# "speaking on behalf of the organization's member States - Azerbaijan, Kazakhstan, ...".
_STATUS_INCLUDE = re.compile(rf"(?P<poss>{_POSS})\s+(?:{NUMBER}\s+)?{_ADJS}{_STATUS_NOUN}(?:\s+(?:include|includes|included|are|were|comprise"
                             rf"|comprises)\s*:?|\s*[:(—–]|\s-)\s*(?:the\s+)?{_STATE_LIST}", re.I)
# "Trinidad and Tobago remains an active member of the OAS", "Malaysia and Thailand are also long-standing members of
# ASEAN", "Bolivia and Guyana stayed in Unasur": a status said of its subject, with its organisation.
_COPULA = re.compile(rf"{_STATE_LIST}\s+(?:(?:also|still|now|both|all|each|long|already)\s+)*(?:(?:is|are|was|were|remains?|remained"
                     rf"|has\s+been|have\s+been|had\s+been|became|becomes?)\s+(?:(?:also|still|now|both|all|long)\s+)*"
                     rf"(?:(?:one|{NUMBER})\s+of\s+)?(?:(?:a|an|the)\s+)?(?:(?P<poss>{_POSS})\s+)?(?:{NUMBER}\s+)?"
                     # free words before the noun, but not a status's own ("an associate member")
                     rf"(?:(?!(?:associate|dialogue|former|observer)\b)(?:[a-z]+(?:-[a-z]+)?\s+|(?-i:[A-Z])[a-z]+\s+)){{0,2}}"
                     rf"(?:(?P<pre>(?-i:ORG))\s+)?{_STATUS_NOUN}(?:\s+for\s+membership)?"
                     # "one of the OSCE's six Mediterranean Partners", "a candidate for membership of the European Union"
                     rf"(?(poss)|\s+(?:of|in|to|at|within)\s+(?:the\s+)?(?P<org>(?-i:ORG)))"
                     rf"|(?P<noun2>stay(?:ed|s)?|remain(?:ed|s)?)\s+in\s+(?:the\s+)?(?P<org2>(?-i:ORG)))", re.I)
# "Kenya and Uganda are in the Commonwealth;" (but not "Kenya is in the ECOWAS region").
_IS_IN = re.compile(rf"{_STATE_LIST}\s+(?P<noun>(?:is|are|was|were))(?:\s+(?:also|still|now|both|all))?\s+in\s+(?:the\s+)?"
                    rf"(?P<org>(?-i:ORG))(?=\s*(?:[,;.)]|$|and\s|but\s|since\s|too\b))", re.I)
# "Members of the SCO now include two nuclear-armed rivals, India and Pakistan".
_MEMBERS_INCLUDE = re.compile(rf"{_STATUS_NOUN}\s+of\s+(?:the\s+)?(?P<org>(?-i:ORG))\s+(?:now\s+|also\s+)?(?:include|includes"
                              rf"|included)\s+(?:[\w-]+[\s,]+){{0,4}}?(?:the\s+)?{_STATE_LIST}", re.I)
# "Six of them - Cameroon, ..., Gabon - also form the CEMAC".
_FORM = re.compile(rf"{_STATE_LIST}\s*(?:[-—–,]\s*)?(?:(?:also|together|jointly)\s+)?(?P<noun>form|formed|constitute|constituted"
                   rf"|make\s+up|made\s+up)\s+(?:the\s+)?(?P<org>(?-i:ORG))", re.I)
# "rivalry between two of its members, the DRC and Rwanda".
_SOME_OF = re.compile(rf"(?:{NUMBER}|several|some|many|most|both|all)\s+of\s+(?:the\s+)?(?P<poss>{_POSS})\s+{_ADJS}{_STATUS_NOUN}"
                      rf"\s*(?:[,:(—–]|\s-)\s*(?:namely\s+)?(?:the\s+)?{_STATE_LIST}", re.I)
# "lifted the suspension it imposed on Gabon", "Gabon's suspension from the African Union", "Mali, whose participation
# in the OIF had been suspended": a suspension that was in force.
_SUSPENSION_LIFTED = re.compile(rf"(?:lift(?:ed|s|ing)?|end(?:ed|s)?)\s+(?:the\s+)?(?P<noun>suspension)(?:\s+(?:that\s+)?(?:it|they)"
                                rf"\s+(?:had\s+)?imposed)?\s+(?:on|of)\s+(?:the\s+)?{_STATE_LIST}", re.I)
_SUSPENSION_OF = re.compile(rf"{_STATE_LIST}['’]s\s+(?P<noun>suspension)(?:\s+from\s+(?:the\s+)?(?P<org>(?-i:ORG)))?", re.I)
_PARTICIPATION_SUSPENDED = re.compile(rf"{_STATE_LIST}\s*,\s*whose\s+participation\s+in\s+(?:the\s+)?(?P<org>(?-i:ORG))"
                                      rf"(?:\s*\((?-i:ORG)\))?\s+(?:has|had)\s+been\s+(?P<noun>suspended)", re.I)
# "welcomed Timor-Leste as its eleventh member", "welcomed Laos as the newest partner".
_WELCOMED_AS = re.compile(rf"(?:welcom(?:ed|es|ing)|admit(?:ted|s)|accept(?:ed|s))\s+(?:the\s+)?{_STATE_LIST}\s+as\s+(?:(?P<poss>{_POSS})"
                          rf"\s+|the\s+|an?\s+)?(?:{NUMBER}\s+)?{_ADJS}{_STATUS_NOUN}{_STATUS_OF}", re.I)
# "Armenia's membership of the CSTO", "Afghanistan's observer seat".
_POSSESSED_STATUS = re.compile(rf"{_STATE_LIST}['’]s\s+(?:(?:full|current|continued|long-standing)\s+)?(?:(?P<noun>membership)"
                               rf"\s+(?:of|in)\s+(?:the\s+)?(?P<org>(?-i:ORG))|(?P<noun2>observer)\s+(?:seat|status))", re.I)
# "the UK's NATO allies Albania, Montenegro and North Macedonia": the possessor and the list.
_POSSESSOR_ALLIES = re.compile(rf"(?P<like>(?-i:STATE))['’]s\s+(?:fellow\s+)?(?P<pre>(?-i:ORG))\s+(?P<noun>allies|members)\s+(?:the\s+)?"
                               rf"{_STATE_LIST}", re.I)
# "Nicaragua's withdrawal took effect on 19 November 2023".
_WITHDRAWAL_EFFECTIVE = re.compile(rf"{_STATE_LIST}['’]s\s+(?P<noun>withdrawal|exit|departure)(?:\s+from\s+(?:the\s+)?(?P<org>(?-i:ORG)))?"
                                   r"\s+(?:took|has\s+taken|had\s+taken)\s+effect", re.I)
# "the Organisation counts Guyana and Suriname among its members".
_COUNTS_AMONG = re.compile(rf"(?:counts?|counted|numbers?|numbered)\s+(?:the\s+)?{_STATE_LIST}\s+among\s+(?P<poss>{_POSS})\s+{_ADJS}"
                           rf"{_STATUS_NOUN}", re.I)
# "Burundi and Rwanda (COMESA, EAC, ECCAS)": states with the organisations they belong to in brackets (two or more).
_ORGS_IN_BRACKETS = re.compile(r"(?P<list>(?-i:STATE)(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?-i:STATE))*)\s*\("
                               r"(?P<orgs>(?-i:ORG)(?:\s*(?:,|and|,\s*and)\s*(?-i:ORG))+)\)")
# "Somalia, Sudan, Djibouti and Uganda all belong": the organisation is the paragraph's.
_BELONG = re.compile(rf"{_STATE_LIST}\s+(?:(?:all|both|also|still)\s+)?(?P<noun>belong(?:s|ed)?)(?=\s*(?:[,;.)—–]|\s-|$))", re.I)
# "ASEAN maintains formal dialogue relations with Australia, ...", "ASEAN, which has its own dialogue partnerships with
# China, India and Russia".
_DIALOGUE_WITH = re.compile(rf"(?P<pre>(?-i:ORG))(?:\s*,\s*which)?\s+(?:maintains|has|holds|keeps|established)\s+(?:its\s+own\s+|formal\s+)?"
                            rf"(?P<noun>dialogue)\s+(?:relations|partnerships?)\s+with\s+(?:the\s+)?{_STATE_LIST}", re.I)
# "The Council of Europe ... expelled Russia in March 2022".
_EXPELLED = re.compile(rf"(?P<verb>expelled)\s+(?:the\s+)?{_STATE_LIST}(?P<noun>)", re.I)
# "CENTO collapsed in 1979 when Iran, Pakistan and Turkey withdrew.": a bare exit at a clause's end.
_WITHDREW_BARE = re.compile(rf"{_STATE_LIST}\s+(?:(?:all|also|both|then|later|eventually)\s+)?(?P<verb>withdrew|left|quit|pulled\s+out)"
                            r"(?=\s*(?:[.;]|$))(?P<noun>)", re.I)
# "In June 1992 Turkey and ten other states founded the Organization of the Black Sea Economic Cooperation".
_FOUNDED_ORG = re.compile(rf"{_STATE_LIST}(?:\s+and\s+(?:{NUMBER}|several|other)\s+(?:other\s+)?(?:states|countries|governments))?"
                          rf"\s+(?:(?:jointly|together)\s+)?(?P<noun>founded|co-founded|established|created|set\s+up)\s+(?:the\s+)?"
                          rf"(?P<org>(?-i:ORG))", re.I)
# "The OIC, which Afghanistan helped found in 1969".
_HELPED_FOUND = re.compile(r"(?P<org>(?-i:ORG))(?:\s*\((?-i:ORG)\))?\s*,\s*which\s+(?P<list>(?-i:STATE)(?:(?:\s*,\s*|\s+and\s+)(?-i:STATE))*)"
                           r"\s+(?:had\s+)?(?:helped\s+(?:to\s+)?)?(?P<noun>found(?:ed)?|create[d]?|establish(?:ed)?|set\s+up)\b", re.I)
# "fellow European Union member States Denmark, France and Greece".
_FELLOW = re.compile(rf"fellow\s+(?P<pre>(?-i:ORG))\s+{_STATUS_NOUN}\s+(?:the\s+)?{_STATE_LIST}", re.I)
# "Iceland applied in 2009": an application whose organisation the paragraph names.
_APPLIED = re.compile(rf"{_STATE_LIST}\s*(?:,\s*(?:which|who)\s+)?(?:(?:formally|first|also|then|later)\s+)?(?P<verb>applied)(?=\s+(?:in|on)\s+(?-i:DATE)"
                      r"|\s+(?:and|but)\s|\s*[,.;])(?P<noun>)", re.I)
# "Among the Council's three EU members, France, Malta and Slovenia": members named after their organisation and status.
_ORG_STATUS_LIST = re.compile(rf"(?P<pre>(?-i:ORG))\s+{_STATUS_NOUN}(?:\s+(?:on|in|at)\s+the\s+\w+)?\s*(?:[:(—–]|,(?=\s*(?:the\s+)?(?-i:STATE)\s*(?:,|and\s)))"
                              rf"\s*(?:namely\s+)?(?:the\s+)?{_STATE_LIST}", re.I)
# "the Member States of the Arab Maghreb Union (AMU), namely Algeria, ...", "the six member states of the GCC - Bahrain, ...".
_MEMBERS_OF_LIST = re.compile(rf"(?P<noun>members?(?:\s+(?:states|countries))?)\s+of\s+(?:the\s+)?(?P<org>(?-i:ORG))"
                              rf"(?:\s*\((?-i:ORG)\))?\s*(?:,?\s*namely\s*:?|:|\s[-—–]|\()\s*(?:the\s+)?{_STATE_LIST}", re.I)
# "Iceland, which joined the Council in 1995", "Ukraine, one of the three states that created the CIS", "India and
# Pakistan admitted in June 2017", "with Saudi Arabia among its founding members".
_JOINED_HEAD = re.compile(rf"{_STATE_LIST}\s*,?\s*(?:(?:which|who)\s+)?(?:(?:later|also|first|then|eventually)\s+)?"
                          rf"(?P<verb>joined|rejoined|left|quit|withdrew\s+from)\s+(?:the\s+)?(?P<org>{_HEADS})\b(?P<noun>)", re.I)
# "Accession negotiations with Ukraine and the Republic of Moldova were opened".
_NEGOTIATIONS_WITH = re.compile(rf"accession\s+(?P<verb>negotiations|talks)\s+with\s+(?:the\s+)?{_STATE_LIST}(?P<noun>)", re.I)
_FOUNDER_OF = re.compile(rf"{_STATE_LIST}\s*,\s*(?:one|{NUMBER})\s+of\s+the\s+(?:{NUMBER}\s+)?(?:states|countries|republics"
                         rf"|governments|nations)\s+(?:that|which|who)\s+(?:had\s+)?(?:founded|created|established|set\s+up)"
                         rf"\s+(?:the\s+)?(?P<org>(?-i:ORG)|{_HEADS}\b)(?P<noun>)", re.I)
_LIST_ADMITTED = re.compile(rf"{_STATE_LIST}\s+(?:being\s+|were\s+|was\s+)?(?P<noun>admitted|readmitted)(?:\s+\w+ly)?"
                            rf"(?=\s+(?:in|on|at)\s+(?-i:DATE)|\s+as\s+(?:a|an|the)?\s*(?:full\s+)?members?\b(?!\s+(?:of|in|to)\b)|\s*[,.;]|$)", re.I)
_AMONG = re.compile(rf"{_STATE_LIST}\s+(?:was\s+|were\s+)?among\s+(?:the\s+)?(?P<poss>{_POSS})?\s*{_ADJS}{_STATUS_NOUN}{_STATUS_OF}",
                    re.I)
# "the African Union had suspended six of its members — Burkina Faso, Gabon, ...".
_VERB_MEMBERS = re.compile(rf"(?P<verb>suspended|admitted|expelled)\s+(?:{NUMBER}\s+of\s+)?(?P<poss>its|their)\s+"
                           rf"(?P<noun>members?(?:\s+(?:states|countries))?)\s*[:(—–,]\s*(?:namely\s+)?(?:the\s+)?{_STATE_LIST}", re.I)
_THEN_ORG = re.compile(r"\s*,?\s*(?:that|which|who)\s+(?:\w+\s+){1,2}(?:from|of|to|in)\s+(?:the\s+)?(?P<org>(?-i:ORG))")
_NOT_ORG_AFTER = re.compile(rf"\s+(?:of|with|to)\s+(?:the\s+)?(?!(?-i:ORG)|{_HEADS}\b)", re.I)
# A word every masked phrase has: a sentence without one is not read again.
_PHRASE_WORD = re.compile(PHRASE_WORDS, re.I)
_NEGATED = re.compile(r"n['’]t\b|\b(?:not|never|neither|nor|no\s+longer|non)\b", re.I)


class MaskedPhrases:
    """Methods of the memberships component; `_context_org` and `_claims` are the component's."""

    def _phrases(self, ctx: SentenceContext) -> list[MembershipClaim]:
        if not any(e.kind == "state" for e in ctx.entities):
            return []
        worded = bool(_PHRASE_WORD.search(ctx.text, ctx.start, ctx.end))
        if not worded and "(" not in ctx.sentence:
            return []
        m_text = mask(ctx, ctx.start, ctx.end)
        out: list[MembershipClaim] = []
        for rx in () if not worded else (_APPOSITIVE, _FRONTED, _STATUS_INCLUDE, _ORG_STATUS_LIST, _VERB_MEMBERS, _MEMBERS_OF_LIST, _JOINED_HEAD,
                   _FOUNDER_OF, _LIST_ADMITTED, _AMONG, _POSSESSIVE_AS, _LIKE, _APPLIED, _COPULA, _MEMBERS_INCLUDE, _FORM,
                   _SOME_OF, _SUSPENSION_LIFTED, _SUSPENSION_OF, _PARTICIPATION_SUSPENDED, _WELCOMED_AS, _POSSESSED_STATUS,
                   _POSSESSOR_ALLIES, _NEGOTIATIONS_WITH, _WITHDRAWAL_EFFECTIVE, _COUNTS_AMONG, _BELONG, _DIALOGUE_WITH, _IS_IN, _EXPELLED, _WITHDREW_BARE,
                   _FOUNDED_ORG, _HELPED_FOUND, _FELLOW):
            for m in rx.finditer(m_text.text):
                out.extend(self._phrase(ctx, m_text, m))
        for m in _ORGS_IN_BRACKETS.finditer(m_text.text):
            states = [x for x in m_text.at(*m.span("list")) if getattr(x, "kind", None) == "state"]
            orgs = [x.id for x in m_text.at(*m.span("orgs")) if getattr(x, "kind", None) == "organisation"
                    and x.id not in ctx.memberless]
            a, b = m_text.doc_pos(m.start("orgs")), m_text.doc_pos(m.end("orgs"))
            out.extend(self._claims(ctx, list(dict.fromkeys(orgs)), states, "member", a, b))
        return out

    def _phrase(self, ctx: SentenceContext, m_text: Masked, m: re.Match) -> list[MembershipClaim]:
        groups = m.groupdict()
        key = "noun" if groups.get("noun") is not None else "noun2"  # "stayed in the bloc" has a verb for a noun
        noun = m.group(key).lower()
        verb = (groups.get("verb") or ("suspended" if noun.startswith("suspen") else "left" if noun in ("withdrawal", "exit", "departure")
                                       else "")).lower()
        status = ("suspended" if verb == "suspended" else "withdrawn" if verb == "expelled"
                  else "accession_initiated" if verb in ("applied", "negotiations", "talks") or noun.startswith("candidate")
                  else "withdrawn" if verb.split(" ")[0] in ("left", "quit", "withdrew")
                  else "associate_member" if noun.startswith("associate") else "dialogue_partner" if noun.startswith("dialogue")
                  else "observer" if noun.startswith("observer")
                  # the EAC's "Partner States" are its members; BRICS's "partner countries" are partners
                  else "partner" if noun.startswith("partner") and not re.search(r"\bstates?$", noun, re.I) else "member")
        a, b = m_text.doc_pos(m.start(key)), m_text.doc_pos(m.end(key))
        if _NEGATED.search(m.group(0)) or hedged(ctx, a):
            return []
        if status == "partner" and not any(groups.get(g) and "ORG" in groups[g] for g in ("org", "pre", "poss")):
            return []  # "Russia is still its main trading partner": partners only of a named organisation
        orgs = self._referred(ctx, m_text, m, a)
        if orgs is None and (then := _THEN_ORG.match(m_text.text, m.end())):
            # "former Member States that withdrew from the Common Market ...": the clause right after names it
            orgs = [x.id for x in m_text.at(*then.span("org")) if getattr(x, "kind", None) == "organisation"] or None
        if orgs is None:
            if status == "partner" or _NOT_ORG_AFTER.match(m_text.text, m.end(key)):
                return []  # "Russia, a partner of China": a relation between states, not a status
            orgs = self._context_org(ctx, a, b)
        lists = [m.span(g) for g in ("list", "like") if m.re.groupindex.get(g) and m.group(g)]
        if m.re is _APPOSITIVE and (tail := list(re.finditer(r"as\s+well\s+as\s", m.group("list")))):
            # "The candidates A and B, as well as Iceland and Norway, members of EFTA": the apposition is the last group's
            lists[0] = (m.start("list") + tail[-1].end(), m.end("list"))
        states = [x for span in lists for x in m_text.at(*span) if getattr(x, "kind", None) == "state"]
        if "like" in m.re.groupindex and m.group("like") and m.group(0).startswith(","):
            # "Suriname, like Guyana a CARICOM member": the state before the comma too
            before = [x for x in m_text.at(0, m.start() + 1) if getattr(x, "kind", None) == "state"]
            states = before[-1:] + states
        if groups.get("former"):  # "former Member States": members once, and withdrawn
            return self._claims(ctx, orgs, states, "member", a, b) + self._claims(ctx, orgs, states, "withdrawn", a, b)
        return self._claims(ctx, orgs, states, status, a, b)

    def _referred(self, ctx: SentenceContext, m_text: Masked, m: re.Match, a: int) -> list[str] | None:
        """The organisation a status phrase names: "of ASEAN", "both CBSS members", "the Council's", "its"; None when
        it names none."""
        for group in ("org", "org2", "pre", "poss"):
            if group not in m.re.groupindex or m.group(group) is None:
                continue
            named = [x for x in m_text.at(*m.span(group)) if getattr(x, "kind", None) == "organisation"]
            if named:
                return [named[0].id]
            word = m.group(group).lower()
            head = re.search(_HEADS, word)
            return self._head_org(ctx, head.group(0) if head else None, a)
        return None

    @staticmethod
    def _head_org(ctx: SentenceContext, head: str | None, a: int) -> list[str]:
        """"the organisation" / "its": the last organisation named; "the Council", "the Community": the last one whose
        name has that word (never the Security Council of a text about it)."""
        before = [e for e in ctx.entities if e.kind == "organisation" and e.end <= a and e.id not in ctx.memberless]
        if head is None or head in ("organisation", "organization", "bloc", "alliance", "grouping", "association"):
            return [before[-1].id] if before else ctx.recent_org(None)
        if head == "council" and "Security Council" in ctx.text:
            return []
        for e in reversed(before):
            if head in ctx.text[e.start:e.end].lower():
                return [e.id]
        found = ctx.recent_org(head)
        if found and head in ctx.org_names.get(found[0], ""):
            return found
        # "all founding members of the Community, left ECOWAS": named later in the sentence
        later = [e.id for e in ctx.entities if e.kind == "organisation" and e.start >= a and e.id not in ctx.memberless
                 and head in ctx.org_names.get(e.id, "")]
        return later[:1]
