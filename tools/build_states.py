#!/usr/bin/env python3
"""Build ``src/councilwatch/data/states.csv`` from typed facts.

The facts below (UN name, everyday short name, aliases, dates of UN
membership, predecessor/successor) are curated by hand; ISO 3166-1 alpha-3
codes are checked against ``pycountry`` (current countries, and historic
countries for former UN members) and the M49 / ISO numeric codes are taken
from ``pycountry``.

Sources:
- members: https://www.un.org/en/about-us/member-states (names as the UN
  writes them today; dates of admission as the UN lists them, i.e. a
  continuing state carries its predecessor's date, e.g. Russian Federation
  1945-10-24, Germany 1973-09-18, Yemen 1947-09-30, Serbia 2000-11-01).
- former members: https://www.un.org/en/about-us/growth-in-un-membership
- non-member observer States: https://www.un.org/en/about-us/non-member-states

Run:  python tools/build_states.py   (writes the CSV; prints a summary)
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "councilwatch" / "data" / "states.csv"

SRC_MEMBERS = "https://www.un.org/en/about-us/member-states"
SRC_GROWTH = "https://www.un.org/en/about-us/growth-in-un-membership"
SRC_NONMEMBER = "https://www.un.org/en/about-us/non-member-states"

# Numeric codes where pycountry's value is not the M49 code of the entity we
# mean.  pycountry gives 891 for both YUG and SCG; 891 is the code of the
# Federal Republic of Yugoslavia / Serbia and Montenegro, while the Socialist
# Federal Republic of Yugoslavia (the original UN member) had 890 (pycountry's
# own comment on YUG says so).
M49_OVERRIDE = {"YUG": "890"}

# iso3: (UN name, short name, aliases, admitted)
# Current members.  Aliases: other names an analyst would write, including
# names under which the state was formerly listed at the UN.
MEMBERS: dict[str, tuple[str, str, list[str], str]] = {
    "AFG": ("Afghanistan", "Afghanistan", [], "1946-11-19"),
    "ALB": ("Albania", "Albania", [], "1955-12-14"),
    "DZA": ("Algeria", "Algeria", [], "1962-10-08"),
    "AND": ("Andorra", "Andorra", [], "1993-07-28"),
    "AGO": ("Angola", "Angola", [], "1976-12-01"),
    "ATG": ("Antigua and Barbuda", "Antigua and Barbuda", [], "1981-11-11"),
    "ARG": ("Argentina", "Argentina", [], "1945-10-24"),
    "ARM": ("Armenia", "Armenia", [], "1992-03-02"),
    "AUS": ("Australia", "Australia", [], "1945-11-01"),
    "AUT": ("Austria", "Austria", [], "1955-12-14"),
    "AZE": ("Azerbaijan", "Azerbaijan", [], "1992-03-02"),
    "BHS": ("Bahamas", "Bahamas", ["The Bahamas", "the Bahamas"], "1973-09-18"),
    "BHR": ("Bahrain", "Bahrain", [], "1971-09-21"),
    "BGD": ("Bangladesh", "Bangladesh", [], "1974-09-17"),
    "BRB": ("Barbados", "Barbados", [], "1966-12-09"),
    "BLR": ("Belarus", "Belarus", ["Byelorussian Soviet Socialist Republic", "Byelorussian SSR",
                                   "Byelorussia", "Belorussia"], "1945-10-24"),
    "BEL": ("Belgium", "Belgium", [], "1945-12-27"),
    "BLZ": ("Belize", "Belize", [], "1981-09-25"),
    "BEN": ("Benin", "Benin", ["Dahomey"], "1960-09-20"),
    "BTN": ("Bhutan", "Bhutan", [], "1971-09-21"),
    "BOL": ("Bolivia (Plurinational State of)", "Bolivia", ["Plurinational State of Bolivia"], "1945-11-14"),
    "BIH": ("Bosnia and Herzegovina", "Bosnia and Herzegovina", ["Bosnia"], "1992-05-22"),
    "BWA": ("Botswana", "Botswana", [], "1966-10-17"),
    "BRA": ("Brazil", "Brazil", [], "1945-10-24"),
    "BRN": ("Brunei Darussalam", "Brunei", [], "1984-09-21"),
    "BGR": ("Bulgaria", "Bulgaria", [], "1955-12-14"),
    "BFA": ("Burkina Faso", "Burkina Faso", ["Upper Volta"], "1960-09-20"),
    "BDI": ("Burundi", "Burundi", [], "1962-09-18"),
    "CPV": ("Cabo Verde", "Cape Verde", [], "1975-09-16"),
    "KHM": ("Cambodia", "Cambodia", ["Democratic Kampuchea", "Kampuchea", "Khmer Republic"], "1955-12-14"),
    "CMR": ("Cameroon", "Cameroon", [], "1960-09-20"),
    "CAN": ("Canada", "Canada", [], "1945-11-09"),
    "CAF": ("Central African Republic", "Central African Republic", ["CAR"], "1960-09-20"),
    "TCD": ("Chad", "Chad", [], "1960-09-20"),
    "CHL": ("Chile", "Chile", [], "1945-10-24"),
    "CHN": ("China", "China", ["People's Republic of China", "PRC"], "1945-10-24"),
    "COL": ("Colombia", "Colombia", [], "1945-11-05"),
    "COM": ("Comoros", "Comoros", ["the Comoros"], "1975-11-12"),
    "COG": ("Congo", "Republic of the Congo", ["Congo-Brazzaville", "Congo (Brazzaville)"], "1960-09-20"),
    "CRI": ("Costa Rica", "Costa Rica", [], "1945-11-02"),
    "CIV": ("Côte d'Ivoire", "Côte d'Ivoire", ["Ivory Coast", "Cote d'Ivoire"], "1960-09-20"),
    "HRV": ("Croatia", "Croatia", [], "1992-05-22"),
    "CUB": ("Cuba", "Cuba", [], "1945-10-24"),
    "CYP": ("Cyprus", "Cyprus", [], "1960-09-20"),
    "CZE": ("Czechia", "Czechia", ["Czech Republic"], "1993-01-19"),
    "PRK": ("Democratic People's Republic of Korea", "North Korea", ["DPRK"], "1991-09-17"),
    "COD": ("Democratic Republic of the Congo", "DR Congo", ["DRC", "Democratic Republic of Congo",
                                                             "Congo-Kinshasa", "Zaire"], "1960-09-20"),
    "DNK": ("Denmark", "Denmark", [], "1945-10-24"),
    "DJI": ("Djibouti", "Djibouti", [], "1977-09-20"),
    "DMA": ("Dominica", "Dominica", [], "1978-12-18"),
    "DOM": ("Dominican Republic", "Dominican Republic", [], "1945-10-24"),
    "ECU": ("Ecuador", "Ecuador", [], "1945-12-21"),
    "EGY": ("Egypt", "Egypt", ["United Arab Republic"], "1945-10-24"),
    "SLV": ("El Salvador", "El Salvador", [], "1945-10-24"),
    "GNQ": ("Equatorial Guinea", "Equatorial Guinea", [], "1968-11-12"),
    "ERI": ("Eritrea", "Eritrea", [], "1993-05-28"),
    "EST": ("Estonia", "Estonia", [], "1991-09-17"),
    "SWZ": ("Eswatini", "Eswatini", ["Swaziland"], "1968-09-24"),
    "ETH": ("Ethiopia", "Ethiopia", [], "1945-11-13"),
    "FJI": ("Fiji", "Fiji", [], "1970-10-13"),
    "FIN": ("Finland", "Finland", [], "1955-12-14"),
    "FRA": ("France", "France", [], "1945-10-24"),
    "GAB": ("Gabon", "Gabon", [], "1960-09-20"),
    "GMB": ("Gambia (Republic of The)", "Gambia", ["The Gambia", "the Gambia"], "1965-09-21"),
    "GEO": ("Georgia", "Georgia", [], "1992-07-31"),
    "DEU": ("Germany", "Germany", ["Federal Republic of Germany", "West Germany", "FRG"], "1973-09-18"),
    "GHA": ("Ghana", "Ghana", [], "1957-03-08"),
    "GRC": ("Greece", "Greece", [], "1945-10-25"),
    "GRD": ("Grenada", "Grenada", [], "1974-09-17"),
    "GTM": ("Guatemala", "Guatemala", [], "1945-11-21"),
    "GIN": ("Guinea", "Guinea", [], "1958-12-12"),
    "GNB": ("Guinea Bissau", "Guinea-Bissau", ["Guinea-Bissau"], "1974-09-17"),
    "GUY": ("Guyana", "Guyana", [], "1966-09-20"),
    "HTI": ("Haiti", "Haiti", [], "1945-10-24"),
    "HND": ("Honduras", "Honduras", [], "1945-12-17"),
    "HUN": ("Hungary", "Hungary", [], "1955-12-14"),
    "ISL": ("Iceland", "Iceland", [], "1946-11-19"),
    "IND": ("India", "India", [], "1945-10-30"),
    "IDN": ("Indonesia", "Indonesia", [], "1950-09-28"),
    "IRN": ("Iran (Islamic Republic of)", "Iran", ["Islamic Republic of Iran"], "1945-10-24"),
    "IRQ": ("Iraq", "Iraq", [], "1945-12-21"),
    "IRL": ("Ireland", "Ireland", [], "1955-12-14"),
    "ISR": ("Israel", "Israel", [], "1949-05-11"),
    "ITA": ("Italy", "Italy", [], "1955-12-14"),
    "JAM": ("Jamaica", "Jamaica", [], "1962-09-18"),
    "JPN": ("Japan", "Japan", [], "1956-12-18"),
    "JOR": ("Jordan", "Jordan", [], "1955-12-14"),
    "KAZ": ("Kazakhstan", "Kazakhstan", [], "1992-03-02"),
    "KEN": ("Kenya", "Kenya", [], "1963-12-16"),
    "KIR": ("Kiribati", "Kiribati", [], "1999-09-14"),
    "KWT": ("Kuwait", "Kuwait", [], "1963-05-14"),
    "KGZ": ("Kyrgyzstan", "Kyrgyzstan", ["Kyrgyz Republic"], "1992-03-02"),
    "LAO": ("Lao People's Democratic Republic", "Laos", ["Lao PDR"], "1955-12-14"),
    "LVA": ("Latvia", "Latvia", [], "1991-09-17"),
    "LBN": ("Lebanon", "Lebanon", [], "1945-10-24"),
    "LSO": ("Lesotho", "Lesotho", [], "1966-10-17"),
    "LBR": ("Liberia", "Liberia", [], "1945-11-02"),
    "LBY": ("Libya", "Libya", ["Libyan Arab Jamahiriya"], "1955-12-14"),
    "LIE": ("Liechtenstein", "Liechtenstein", [], "1990-09-18"),
    "LTU": ("Lithuania", "Lithuania", [], "1991-09-17"),
    "LUX": ("Luxembourg", "Luxembourg", [], "1945-10-24"),
    "MDG": ("Madagascar", "Madagascar", [], "1960-09-20"),
    "MWI": ("Malawi", "Malawi", [], "1964-12-01"),
    "MYS": ("Malaysia", "Malaysia", ["Federation of Malaya"], "1957-09-17"),
    "MDV": ("Maldives", "Maldives", ["the Maldives"], "1965-09-21"),
    "MLI": ("Mali", "Mali", [], "1960-09-28"),
    "MLT": ("Malta", "Malta", [], "1964-12-01"),
    "MHL": ("Marshall Islands", "Marshall Islands", [], "1991-09-17"),
    "MRT": ("Mauritania", "Mauritania", [], "1961-10-27"),
    "MUS": ("Mauritius", "Mauritius", [], "1968-04-24"),
    "MEX": ("Mexico", "Mexico", [], "1945-11-07"),
    "FSM": ("Micronesia (Federated States of)", "Micronesia", ["Federated States of Micronesia"], "1991-09-17"),
    "MCO": ("Monaco", "Monaco", [], "1993-05-28"),
    "MNG": ("Mongolia", "Mongolia", [], "1961-10-27"),
    "MNE": ("Montenegro", "Montenegro", [], "2006-06-28"),
    "MAR": ("Morocco", "Morocco", [], "1956-11-12"),
    "MOZ": ("Mozambique", "Mozambique", [], "1975-09-16"),
    "MMR": ("Myanmar", "Myanmar", ["Burma"], "1948-04-19"),
    "NAM": ("Namibia", "Namibia", [], "1990-04-23"),
    "NRU": ("Nauru", "Nauru", [], "1999-09-14"),
    "NPL": ("Nepal", "Nepal", [], "1955-12-14"),
    "NLD": ("Netherlands (Kingdom of the)", "Netherlands", ["the Netherlands", "Kingdom of the Netherlands",
                                                         "Holland"], "1945-12-10"),
    "NZL": ("New Zealand", "New Zealand", [], "1945-10-24"),
    "NIC": ("Nicaragua", "Nicaragua", [], "1945-10-24"),
    "NER": ("Niger", "Niger", [], "1960-09-20"),
    "NGA": ("Nigeria", "Nigeria", [], "1960-10-07"),
    "MKD": ("North Macedonia", "North Macedonia", ["The former Yugoslav Republic of Macedonia",
                                                   "former Yugoslav Republic of Macedonia", "FYROM",
                                                   "Macedonia"], "1993-04-08"),
    "NOR": ("Norway", "Norway", [], "1945-11-27"),
    "OMN": ("Oman", "Oman", [], "1971-10-07"),
    "PAK": ("Pakistan", "Pakistan", [], "1947-09-30"),
    "PLW": ("Palau", "Palau", [], "1994-12-15"),
    "PAN": ("Panama", "Panama", [], "1945-11-13"),
    "PNG": ("Papua New Guinea", "Papua New Guinea", [], "1975-10-10"),
    "PRY": ("Paraguay", "Paraguay", [], "1945-10-24"),
    "PER": ("Peru", "Peru", [], "1945-10-31"),
    "PHL": ("Philippines", "Philippines", ["the Philippines"], "1945-10-24"),
    "POL": ("Poland", "Poland", [], "1945-10-24"),
    "PRT": ("Portugal", "Portugal", [], "1955-12-14"),
    "QAT": ("Qatar", "Qatar", [], "1971-09-21"),
    "KOR": ("Republic of Korea", "South Korea", ["ROK"], "1991-09-17"),
    "MDA": ("Republic of Moldova", "Moldova", [], "1992-03-02"),
    "ROU": ("Romania", "Romania", ["Rumania"], "1955-12-14"),
    "RUS": ("Russian Federation", "Russia", ["the Russian Federation"], "1945-10-24"),
    "RWA": ("Rwanda", "Rwanda", [], "1962-09-18"),
    "KNA": ("Saint Kitts and Nevis", "Saint Kitts and Nevis", ["St Kitts and Nevis"], "1983-09-23"),
    "LCA": ("Saint Lucia", "Saint Lucia", ["St Lucia"], "1979-09-18"),
    "VCT": ("Saint Vincent and the Grenadines", "Saint Vincent and the Grenadines",
            ["St Vincent and the Grenadines"], "1980-09-16"),
    "WSM": ("Samoa", "Samoa", ["Western Samoa"], "1976-12-15"),
    "SMR": ("San Marino", "San Marino", [], "1992-03-02"),
    "STP": ("Sao Tome and Principe", "São Tomé and Príncipe", ["São Tomé and Príncipe"], "1975-09-16"),
    "SAU": ("Saudi Arabia", "Saudi Arabia", [], "1945-10-24"),
    "SEN": ("Senegal", "Senegal", [], "1960-09-28"),
    "SRB": ("Serbia", "Serbia", ["Republic of Serbia"], "2000-11-01"),
    "SYC": ("Seychelles", "Seychelles", [], "1976-09-21"),
    "SLE": ("Sierra Leone", "Sierra Leone", [], "1961-09-27"),
    "SGP": ("Singapore", "Singapore", [], "1965-09-21"),
    "SVK": ("Slovakia", "Slovakia", ["Slovak Republic"], "1993-01-19"),
    "SVN": ("Slovenia", "Slovenia", [], "1992-05-22"),
    "SLB": ("Solomon Islands", "Solomon Islands", [], "1978-09-19"),
    "SOM": ("Somalia", "Somalia", [], "1960-09-20"),
    "ZAF": ("South Africa", "South Africa", [], "1945-11-07"),
    "SSD": ("South Sudan", "South Sudan", [], "2011-07-14"),
    "ESP": ("Spain", "Spain", [], "1955-12-14"),
    "LKA": ("Sri Lanka", "Sri Lanka", ["Ceylon"], "1955-12-14"),
    "SDN": ("Sudan", "Sudan", ["the Sudan"], "1956-11-12"),
    "SUR": ("Suriname", "Suriname", ["Surinam"], "1975-12-04"),
    "SWE": ("Sweden", "Sweden", [], "1946-11-19"),
    "CHE": ("Switzerland", "Switzerland", [], "2002-09-10"),
    "SYR": ("Syrian Arab Republic", "Syria", [], "1945-10-24"),
    "TJK": ("Tajikistan", "Tajikistan", [], "1992-03-02"),
    "THA": ("Thailand", "Thailand", ["Siam"], "1946-12-16"),
    "TLS": ("Timor-Leste", "Timor-Leste", ["East Timor"], "2002-09-27"),
    "TGO": ("Togo", "Togo", [], "1960-09-20"),
    "TON": ("Tonga", "Tonga", [], "1999-09-14"),
    "TTO": ("Trinidad and Tobago", "Trinidad and Tobago", [], "1962-09-18"),
    "TUN": ("Tunisia", "Tunisia", [], "1956-11-12"),
    "TUR": ("Türkiye", "Türkiye", ["Turkey", "Turkiye", "Republic of Türkiye"], "1945-10-24"),
    "TKM": ("Turkmenistan", "Turkmenistan", [], "1992-03-02"),
    "TUV": ("Tuvalu", "Tuvalu", [], "2000-09-05"),
    "UGA": ("Uganda", "Uganda", [], "1962-10-25"),
    "UKR": ("Ukraine", "Ukraine", ["Ukrainian Soviet Socialist Republic", "Ukrainian SSR"], "1945-10-24"),
    "ARE": ("United Arab Emirates", "United Arab Emirates", ["UAE", "the UAE"], "1971-12-09"),
    "GBR": ("United Kingdom of Great Britain and Northern Ireland", "United Kingdom",
            ["the United Kingdom", "UK", "the UK", "Britain", "Great Britain"], "1945-10-24"),
    "TZA": ("United Republic of Tanzania", "Tanzania", [], "1961-12-14"),
    "USA": ("United States of America", "United States",
            ["the United States", "US", "the US", "U.S.", "USA", "the United States of America"], "1945-10-24"),
    "URY": ("Uruguay", "Uruguay", [], "1945-12-18"),
    "UZB": ("Uzbekistan", "Uzbekistan", [], "1992-03-02"),
    "VUT": ("Vanuatu", "Vanuatu", [], "1981-09-15"),
    "VEN": ("Venezuela (Bolivarian Republic of)", "Venezuela", ["Bolivarian Republic of Venezuela"], "1945-11-15"),
    "VNM": ("Viet Nam", "Vietnam", [], "1977-09-20"),
    "YEM": ("Yemen", "Yemen", ["Yemen Arab Republic"], "1947-09-30"),
    "ZMB": ("Zambia", "Zambia", [], "1964-12-01"),
    "ZWE": ("Zimbabwe", "Zimbabwe", [], "1980-08-25"),
}

# Continuations recorded on the member rows (predecessor ISO3).
PREDECESSOR = {
    "RUS": "SUN",   # continues the USSR's membership (incl. permanent seat), 24 Dec 1991
    "SRB": "SCG",   # continues Serbia and Montenegro's membership, 3 June 2006
    "CZE": "CSK",   # new member 19 Jan 1993 after the dissolution of Czechoslovakia
    "SVK": "CSK",   # idem
}

# Former members: iso3 -> (UN name, short name, aliases, admitted, ended,
#                         predecessor, successor, source)
FORMER: dict[str, tuple[str, str, list[str], str, str, str, str, str]] = {
    "SUN": ("Union of Soviet Socialist Republics", "Soviet Union",
            ["USSR", "the Soviet Union", "the USSR"],
            "1945-10-24", "1991-12-24", "", "RUS",
            SRC_GROWTH),
    "YUG": ("Yugoslavia", "Yugoslavia",
            ["Socialist Federal Republic of Yugoslavia", "SFRY", "SFR Yugoslavia"],
            # the SFRY dissolved in 1992; its seat was not taken over (A/RES/47/1
            # of 22 September 1992: the FRY cannot automatically continue it)
            "1945-10-24", "1992", "", "",
            f"{SRC_GROWTH} ; A/RES/47/1 ; S/RES/777(1992)"),
    "CSK": ("Czechoslovakia", "Czechoslovakia",
            ["Czechoslovak Socialist Republic", "Czech and Slovak Federal Republic", "CSFR"],
            # dissolved 31 Dec 1992; CZE and SVK (predecessor CSK) admitted 19 Jan 1993
            "1945-10-24", "1992-12-31", "", "",
            SRC_GROWTH),
    "DDR": ("German Democratic Republic", "East Germany",
            ["GDR", "the GDR", "the German Democratic Republic"],
            "1973-09-18", "1990-10-03", "", "DEU",
            SRC_GROWTH),
    "YMD": ("Democratic Yemen", "South Yemen",
            ["People's Democratic Republic of Yemen", "Southern Yemen"],
            "1967-12-14", "1990-05-22", "", "YEM",
            SRC_GROWTH),
    "SCG": ("Serbia and Montenegro", "Serbia and Montenegro",
            ["Federal Republic of Yugoslavia", "FRY"],
            # admitted as the Federal Republic of Yugoslavia (A/RES/55/12), renamed
            # Serbia and Montenegro 4 Feb 2003; membership continued by Serbia
            # from 3 June 2006
            "2000-11-01", "2006-06-03", "", "SRB",
            f"{SRC_GROWTH} ; A/RES/55/12"),
}

# Non-member observer States (no UN admission date).
OBSERVERS = {
    "VAT": ("Holy See", "Holy See", ["Vatican", "Vatican City", "the Holy See"], SRC_NONMEMBER),
    "PSE": ("State of Palestine", "Palestine", ["Palestine", "the State of Palestine"],
            f"{SRC_NONMEMBER} ; A/RES/67/19"),
}

# Territories that are not states but belong to regional organisations in their
# own right (CARICOM, the Pacific Islands Forum). Names from ISO 3166 (pycountry).
SRC_M49 = "https://unstats.un.org/unsd/methodology/m49/"
TERRITORIES = {
    "AIA": ["Anguilla"], "BMU": ["Bermuda"], "VGB": ["British Virgin Islands"],
    "CYM": ["Cayman Islands"], "TCA": ["Turks and Caicos Islands"], "MSR": ["Montserrat"],
    "COK": ["Cook Islands"], "NIU": ["Niue"], "TKL": ["Tokelau"], "WLF": ["Wallis and Futuna"],
    "PYF": ["French Polynesia"], "NCL": ["New Caledonia"], "GUM": ["Guam"],
    "ASM": ["American Samoa"], "MNP": ["Northern Mariana Islands"],
}

HEADER = ["iso3", "m49", "name", "short_name", "aliases", "un_admitted", "un_ended",
          "predecessor", "successor", "source"]


def _current(iso3: str):
    c = pycountry.countries.get(alpha_3=iso3)
    if c is None:
        raise SystemExit(f"{iso3}: not an ISO 3166-1 alpha-3 code in pycountry")
    return c


def _historic(iso3: str):
    for c in pycountry.historic_countries:
        if c.alpha_3 == iso3:
            return c
    raise SystemExit(f"{iso3}: not a historic ISO 3166-3 country in pycountry")


def _aliases(name: str, short: str, aliases: list[str]) -> str:
    seen = {name.casefold(), short.casefold()}
    out = []
    for a in ([short] if short != name else []) + aliases:
        if a.casefold() in seen and a != short:
            continue
        if a in out or a == name:
            continue
        seen.add(a.casefold())
        out.append(a)
    for a in out:
        if "|" in a:
            raise SystemExit(f"alias with '|': {a!r}")
    return "|".join(out)


def rows() -> list[dict[str, str]]:
    out = []
    successors = {v[6]: k for k, v in FORMER.items() if v[6]}
    for iso3, (name, short, aliases, admitted) in MEMBERS.items():
        c = _current(iso3)
        out.append({
            "iso3": iso3, "m49": M49_OVERRIDE.get(iso3, c.numeric), "name": name,
            "short_name": short, "aliases": _aliases(name, short, aliases),
            "un_admitted": admitted, "un_ended": "",
            "predecessor": PREDECESSOR.get(iso3, ""), "successor": "",
            "source": SRC_MEMBERS if iso3 not in PREDECESSOR and iso3 not in successors
            else f"{SRC_MEMBERS} ; {SRC_GROWTH}",
        })
    for iso3, (name, short, aliases, admitted, ended, pred, succ, src) in FORMER.items():
        c = _historic(iso3)
        out.append({
            "iso3": iso3, "m49": M49_OVERRIDE.get(iso3, c.numeric), "name": name,
            "short_name": short, "aliases": _aliases(name, short, aliases),
            "un_admitted": admitted, "un_ended": ended,
            "predecessor": pred, "successor": succ, "source": src,
        })
    for iso3, (name, short, aliases, src) in OBSERVERS.items():
        c = _current(iso3)
        out.append({
            "iso3": iso3, "m49": M49_OVERRIDE.get(iso3, c.numeric), "name": name,
            "short_name": short, "aliases": _aliases(name, short, aliases),
            "un_admitted": "", "un_ended": "", "predecessor": "", "successor": "",
            "source": src,
        })
    for iso3, (short,) in TERRITORIES.items():
        c = _current(iso3)
        out.append({
            "iso3": iso3, "m49": c.numeric, "name": c.name, "short_name": short,
            "aliases": _aliases(c.name, short, []), "un_admitted": "", "un_ended": "",
            "predecessor": "", "successor": "", "source": SRC_M49,
        })
    out.sort(key=lambda r: r["iso3"])
    return out


def check(data: list[dict[str, str]]) -> None:
    members = [r for r in data if r["un_admitted"] and not r["un_ended"]]
    assert len(members) == 193, len(members)
    codes = [r["iso3"] for r in data]
    assert len(codes) == len(set(codes)), "duplicate iso3"
    m49 = [r["m49"] for r in data]
    assert len(m49) == len(set(m49)), "duplicate m49"
    names = [r["name"].casefold() for r in data]
    assert len(names) == len(set(names)), "duplicate name"
    known = set(codes)
    for r in data:
        for k in ("predecessor", "successor"):
            if r[k]:
                assert r[k] in known, (r["iso3"], k, r[k])


def main() -> int:
    data = rows()
    check(data)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=HEADER, lineterminator="\n")
        w.writeheader()
        w.writerows(data)
    print(f"wrote {OUT} ({len(data)} rows)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
