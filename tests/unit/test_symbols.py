"""UN document symbols: grammar, normal spelling, links, errors, finding them in text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from councilwatch.symbols import BadSymbol, Symbol, _clean, _fast, _int_to_roman, _parse_general, find_symbols, \
    normalise, parse

# text, normal spelling, organ, kind, year, number, modifiers
EXAMPLES = [
    ("S/2022/606", "S/2022/606", "S", "document", 2022, 606, ()),
    ("S/PV.8967", "S/PV.8967", "S", "meeting_record", None, 8967, ()),
    ("S/PV.9678 (Resumption 1)", "S/PV.9678 (Resumption 1)", "S", "meeting_record", None, 9678, (("Resumption", 1),)),
    ("S/PV.9678(Resumption1)", "S/PV.9678 (Resumption 1)", "S", "meeting_record", None, 9678, (("Resumption", 1),)),
    ("S/RES/2719 (2023)", "S/RES/2719 (2023)", "S", "resolution", 2023, 2719, ()),
    ("S/RES/2719(2023)", "S/RES/2719 (2023)", "S", "resolution", 2023, 2719, ()),
    ("S/PRST/2024/1", "S/PRST/2024/1", "S", "presidential_statement", 2024, 1, ()),
    ("SC/15432", "SC/15432", "SC", "press_release", None, 15432, ()),
    ("A/RES/77/19", "A/RES/77/19", "A", "ga_resolution", None, 19, ()),
    ("A/77/L.15", "A/77/L.15", "A", "draft", None, 15, ()),
    ("A/ES-11/L.1", "A/ES-11/L.1", "A", "draft", None, 1, ()),
    ("A/RES/ES-11/1", "A/RES/ES-11/1", "A", "ga_resolution", None, 1, ()),
    ("S/2024/100/Add.1", "S/2024/100/Add.1", "S", "document", 2024, 100, (("Add", 1),)),
    ("S/2023/45/Rev.1", "S/2023/45/Rev.1", "S", "document", 2023, 45, (("Rev", 1),)),
    ("S/2023/45/Corr.1", "S/2023/45/Corr.1", "S", "document", 2023, 45, (("Corr", 1),)),
    ("S/Agenda/8967", "S/Agenda/8967", "S", "agenda", None, 8967, ()),
    ("S/INF/77", "S/INF/77", "S", "information", None, 77, ()),
    ("S/1234", "S/1234", "S", "document", None, 1234, ()),
    ("S/RES/82 (1950)", "S/RES/82 (1950)", "S", "resolution", 1950, 82, ()),
    ("S/PV.1", "S/PV.1", "S", "meeting_record", None, 1, ()),
    ("A/77/PV.5", "A/77/PV.5", "A", "meeting_record", None, 5, ()),
    ("A/C.1/77/L.5", "A/C.1/77/L.5", "A", "draft", None, 5, ()),
    ("E/2023/10", "E/2023/10", "E", "document", 2023, 10, ()),
    ("E/RES/2023/4", "E/RES/2023/4", "E", "ecosoc_resolution", 2023, 4, ()),
    ("SG/SM/12345", "SG/SM/12345", "SG", "press_release", None, 12345, ()),
    ("GA/12345", "GA/12345", "GA", "press_release", None, 12345, ()),
    ("A/RES/181(II)", "A/RES/181 (II)", "A", "ga_resolution", None, 181, ()),
    ("S/PV.4820(PARTII)", "S/PV.4820 (Part II)", "S", "meeting_record", None, 4820, (("Part", 2),)),
    ("S/PV.5629(ResumptionI)", "S/PV.5629 (Resumption 1)", "S", "meeting_record", None, 5629, (("Resumption", 1),)),
    ("S/PV.3745 (Resumption 1)/Corr.1", "S/PV.3745 (Resumption 1)/Corr.1", "S", "meeting_record", None, 3745,
     (("Resumption", 1), ("Corr", 1))),
    ("SC/6122/Rev.1", "SC/6122/Rev.1", "SC", "press_release", None, 6122, (("Rev", 1),)),
    ("S/AC.26/1991/1", "S/AC.26/1991/1", "S", "other", 1991, 1, ()),
]


@pytest.mark.parametrize("text,normal,organ,kind,year,number,modifiers", EXAMPLES)
def test_examples(text, normal, organ, kind, year, number, modifiers):
    sym = parse(text)
    assert (str(sym), sym.organ, sym.kind, sym.year, sym.number, sym.modifiers) == \
        (normal, organ, kind, year, number, modifiers)
    assert normalise(text) == normal
    assert parse(normal) == sym


@pytest.mark.parametrize("messy,clean", [
    ("s/res/2719(2023)", "S/RES/2719 (2023)"),
    ("S /2022/ 606", "S/2022/606"),
    (" S/2022/606 ", "S/2022/606"),
    ("S\u00a0/2022/606", "S/2022/606"),
    ("S/RES/2719\u00a0(2023)", "S/RES/2719 (2023)"),
    ("A/ES\u201311/L.1", "A/ES-11/L.1"),  # en dash
    ("a/es\u201411/l.1", "A/ES-11/L.1"),  # em dash, lower case
    ("s/pv.9678 ( resumption 1 )", "S/PV.9678 (Resumption 1)"),
    ("S/Pv.3842 (Resumption)", "S/PV.3842 (Resumption 1)"),  # the first resumption, unnumbered
    ("s/agenda/8967", "S/Agenda/8967"),
    ("s/2024/100/add.1", "S/2024/100/Add.1"),
    ("S/2024/100/Add1", "S/2024/100/Add.1"),
    ("\ufeffS/2022/606\u200b", "S/2022/606"),
])
def test_tolerant_input(messy, clean):
    assert normalise(messy) == clean
    assert parse(messy) == parse(clean)


@pytest.mark.parametrize("text,reason", [
    ("X/1", "unknown organ 'X'"),
    ("S/1899/5", "year 1899 out of range"),
    ("S/RES/2719 (1899)", "year 1899 out of range"),
    ("S/PRST/1899/1", "year 1899 out of range"),
    ("", "empty"),
    ("   ", "empty"),
    ("S", "at least an organ"),
    ("S//1", "empty component"),
    ("S/2022/606/", "empty component"),
    ("S/PV.1 (closed)", "unexpected (closed)"),
    ("S/RES/12/3", "a resolution is"),
    ("S/PRST/1", "a presidential statement is"),
    ("S/PV.12a", "unexpected characters"),
    ("S/2022/606 (2022)", "year in parentheses belongs only to a Security Council resolution"),
    ("S/2022/606 (Resumption 1)", "belong to meeting records"),
    ("A/RES/181", "needs its session"),
    ("S/RES/1 (1946", "parentheses"),
    ("SC/abc", "ends with its number"),
    ("S/abc", "no number"),
])
def test_bad_symbols_say_why(text, reason):
    with pytest.raises(BadSymbol) as err:
        parse(text)
    assert reason in str(err.value)
    assert isinstance(err.value, ValueError)


def test_not_text():
    with pytest.raises(BadSymbol):
        parse(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("text,url", [
    ("S/2022/606", "https://undocs.org/en/S/2022/606"),
    ("S/RES/2719 (2023)", "https://undocs.org/en/S/RES/2719(2023)"),
    ("S/PV.9678 (Resumption 1)", "https://undocs.org/en/S/PV.9678(Resumption1)"),
    ("A/RES/ES-11/1", "https://undocs.org/en/A/RES/ES-11/1"),
    ("SC/15432", None),  # press releases are not served by undocs.org
])
def test_url(text, url):
    assert parse(text).url == url


def test_base_drops_modifiers():
    assert str(parse("S/PV.9678 (Resumption 2)").base) == "S/PV.9678"
    assert str(parse("S/2023/45/Rev.1/Add.2").base) == "S/2023/45"


def test_symbols_are_hashable_values():
    assert len({parse("S/RES/2719(2023)"), parse("s/res/2719 (2023)"), parse("S/RES/2719 (2023)")}) == 1


def test_find_symbols_in_running_text():
    text = ("Recalling S/RES/2719 (2023) and S/PRST/2024/1, see S/2022/606. The meeting S/PV.9678 (Resumption 1) "
            "issued SC/15432 / A/77/L.15; SG/2030-SC/6292; record S/PV.11closed; resolution 1325 (2000).")
    found = [(text[a:b], str(s)) for a, b, s in find_symbols(text)]
    assert found == [
        ("S/RES/2719 (2023)", "S/RES/2719 (2023)"),
        ("S/PRST/2024/1", "S/PRST/2024/1"),
        ("S/2022/606", "S/2022/606"),
        ("S/PV.9678 (Resumption 1)", "S/PV.9678 (Resumption 1)"),
        ("SC/15432", "SC/15432"),
        ("A/77/L.15", "A/77/L.15"),
        ("SG/2030", "SG/2030"),
        ("SC/6292", "SC/6292"),
        ("S/PV.11", "S/PV.11"),
    ]


def test_find_symbols_skips_non_symbols():
    assert list(find_symbols("and/or, A/B testing, 24/7, S/closed, http://x/S/1")) == []


# --- property-based round trips ---------------------------------------------------------------

_year = st.integers(1946, 2025)
_num = st.integers(1, 99999)
_small = st.integers(1, 12)
_session = st.integers(31, 80).map(str) | st.integers(1, 11).map(lambda n: f"ES-{n}")
_slash_mods = st.lists(st.tuples(st.sampled_from(["Add", "Rev", "Corr"]), _small), max_size=2).map(
    lambda ms: "".join(f"/{m}.{n}" for m, n in ms))


def _pv(n, extra, corr):
    kind, k = extra
    tail = {"none": "", "res": f" (Resumption {k})", "part": f" (Part {_int_to_roman(k)})"}[kind]
    return f"S/PV.{n}{tail}{corr}"


canonical_symbols = st.one_of(
    st.builds(lambda y, n, m: f"S/{y}/{n}{m}", st.integers(1994, 2025), _num, _slash_mods),
    st.builds(lambda n, m: f"S/{n}{m}", st.integers(1, 26999), _slash_mods),
    st.builds(lambda n, y: f"S/RES/{n} ({y})", st.integers(1, 2800), _year),
    st.builds(_pv, st.integers(1, 9999), st.tuples(st.sampled_from(["none", "res", "part"]), _small),
              st.sampled_from(["", "/Corr.1"])),
    st.builds(lambda y, n: f"S/PRST/{y}/{n}", st.integers(1994, 2025), st.integers(1, 99)),
    st.builds(lambda n: f"S/Agenda/{n}", st.integers(1, 9999)),
    st.builds(lambda p, n, m: f"{p}/{n}{m}", st.sampled_from(["SC", "GA", "SG/SM", "SG/A"]), _num,
              st.sampled_from(["", "/Rev.1", "/Corr.2"])),
    st.builds(lambda s, n: f"A/RES/{s}/{n}", _session, st.integers(1, 400)),
    st.builds(lambda n, s: f"A/RES/{n} ({_int_to_roman(s)})", st.integers(1, 3400), st.integers(1, 30)),
    st.builds(lambda c, s, n: f"A/{c}{s}/L.{n}", st.sampled_from(["", "C.1/", "C.3/"]), _session, st.integers(1, 99)),
    st.builds(lambda s, n: f"A/{s}/PV.{n}", _session, st.integers(1, 120)),
    st.builds(lambda s, n: f"A/{s}/{n}", _session, st.integers(1, 999)),
    st.builds(lambda y, n: f"E/{y}/{n}", st.integers(1978, 2025), st.integers(1, 99)),
    st.builds(lambda y, n: f"E/RES/{y}/{n}", st.integers(1978, 2025), st.integers(1, 60)),
)


@settings(max_examples=400)
@given(canonical_symbols)
def test_round_trip(text):
    sym = parse(text)
    assert str(sym) == text
    assert parse(str(sym)) == sym
    assert parse(sym.compact) == sym


@settings(max_examples=400)
@given(canonical_symbols)
def test_fast_path_agrees_with_grammar(text):
    compact = _clean(text)
    fast = _fast(compact)
    if fast is not None:
        assert fast == _parse_general(text, compact)


@st.composite
def messy(draw, text: str) -> str:
    """Spellings people and web pages produce for the same symbol."""
    out = text
    if draw(st.booleans()):
        out = out.lower()
    if draw(st.booleans()):
        out = out.replace(" (", "(")
    if draw(st.booleans()):
        out = out.replace("/", draw(st.sampled_from([" /", "/ ", " / ", "\u00a0/"])), 1)
    if draw(st.booleans()):
        out = out.replace(" ", "\u00a0")
    if draw(st.booleans()):
        out = out.replace("-", "\u2013")
    if draw(st.booleans()):
        out = " " + out + "\t"
    return out


@settings(max_examples=400)
@given(st.data())
def test_messy_spellings_parse_to_the_clean_symbol(data):
    clean = data.draw(canonical_symbols)
    variant = data.draw(messy(clean))
    assert parse(variant) == parse(clean)


@settings(max_examples=200)
@given(canonical_symbols, st.sampled_from(["See ", "(", "under "]), st.sampled_from([".", ", and", ")", ""]))
def test_find_symbols_finds_each_symbol(text, before, after):
    found = list(find_symbols(before + text + after))
    assert [str(s) for _, _, s in found] == [text]
    a, b, _ = found[0]
    assert (a, b) == (len(before), len(before) + len(text))


def test_symbol_is_frozen():
    sym = parse("S/2022/606")
    with pytest.raises(AttributeError):
        sym.number = 1  # type: ignore[misc]
    assert isinstance(sym, Symbol)
