#!/usr/bin/env python3
"""mkrecord.py: builds orbit's shipped record (data/record/) from the project's
shared data: the UN General Assembly roll calls (Voeten, Strezhnev & Bailey) and the
peace-science series (COW capabilities, ATOP obligations, UCDP conflict-years).

Usage: python3 tools/mkrecord.py SHARED_DATA_DIR OUT_DIR
  SHARED_DATA_DIR holds unvotes/ and peace/ (their READMEs describe them);
  ISO 3166-1 codes come from Debian's iso-codes package
  (/usr/share/iso-codes/json/iso_3166-1.json and iso_3166-3.json).
Standard library only. The output is committed; the build never runs this.

Every file is tab-separated text: a first line "# orbit-record <name> 1", a header
line of column names, the rows, and a last line "end<TAB><row count>" so that a
truncated file is detected (data/record/README.md).
"""
import collections
import csv
import gzip
import json
import os
import re
import sys

ISO_DIR = "/usr/share/iso-codes/json"

# UN codes of states that no longer exist: ISO 3166-3 alpha-3 of the same state.
HISTORIC = {"CS": "CSK", "DD": "DDR", "YD": "YMD", "YU": "YUG"}

# The source codes some states by name only: its country_code is NA (read as the
# code of Namibia) for the Federal Republic of Germany, the Yemen Arab Republic and
# Zanzibar. Zanzibar (one day, 1963-12-03, before its union with Tanganyika) is
# left out. "Yugoslavia" (YU) runs to 2020: the Socialist Federal Republic until
# 1992 (YUG), then the Federal Republic of Yugoslavia admitted on 2000-11-01,
# Serbia and Montenegro, Serbia (SRB), the UN's continuing member.
BY_NAME = {"Federal Republic of Germany": "DEU", "Yemen Arab Republic": "YEM", "Zanzibar": None}
ISO2_OF = {"DEU": "DE", "YEM": "YE", "SRB": "RS", "YUG": "YU", "NAM": "NA"}
NAME_OF = {"SRB": "Serbia"}
# COW 345 is Yugoslavia, then Serbia: the years each alpha-3 takes it.
SPAN = {"YUG": (1816, 1991), "SRB": (1992, 2999)}


def cow_owner(of_cow, cc, year):
    """The alpha-3 of COW (or GW) code cc in year."""
    if cc == 345:
        return "YUG" if year <= 1991 else "SRB"
    return of_cow.get(cc)


def alpha3(code, name, date, a2):
    if code == "NA" and name in BY_NAME:
        return BY_NAME[name]
    if code == "YU":
        return "SRB" if date >= "2000-11-01" else "YUG"
    return HISTORIC.get(code) or a2[code]["alpha_3"]


# COW codes of each ISO alpha-3 where name matching does not find them (or finds
# the wrong state); a list is tried in order, year by year (first with data).
COW_OVERRIDE = {
    "ATG": [58], "BRN": [835], "COD": [490], "COG": [484], "CIV": [437], "CPV": [402],
    "KNA": [60], "LCA": [56], "VCT": [57], "MKD": [343], "RUS": [365], "SWZ": [572],
    "TLS": [860], "TUR": [640], "DEU": [255, 260], "DDR": [265], "CSK": [315],
    "CZE": [316], "YUG": [345], "SRB": [345], "YEM": [679, 678], "YMD": [680],
    "KOR": [732], "PRK": [731], "VNM": [816], "FSM": [987], "TZA": [510],
    "IRN": [630], "SYR": [652], "LAO": [812], "MDA": [359], "BIH": [346],
    "USA": [2], "GBR": [200], "CHN": [710], "TWN": [713], "IND": [750],
}

# Gleditsch-Ward codes (UCDP) that differ from COW, as ISO alpha-3.
GW_OVERRIDE = {260: "DEU", 340: "SRB", 678: "YEM", 265: "DDR", 680: "YMD"}


def norm(name):
    return re.sub(r"[^a-z]", "", name.lower())


def clean(text, limit):
    text = re.sub(r"\s+", " ", (text or "").replace("\t", " ")).strip()
    return text[:limit] if text else "-"


def writer(path, name, header):
    f = open(path, "w", encoding="utf-8", newline="\n")
    f.write("# orbit-record %s 1\n" % name)
    f.write("\t".join(header) + "\n")
    return f


def finish(f, rows):
    f.write("end\t%d\n" % rows)
    f.close()


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: mkrecord.py SHARED_DATA_DIR OUT_DIR")
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    iso = json.load(open(os.path.join(ISO_DIR, "iso_3166-1.json")))["3166-1"]
    a2 = {x["alpha_2"]: x for x in iso}
    a3 = {x["alpha_3"]: x for x in iso}

    # ---- roll calls, topics, votes --------------------------------------------
    rolls = list(csv.DictReader(open(os.path.join(src, "unvotes/roll_calls.csv"), encoding="utf-8")))
    topics = collections.defaultdict(set)
    for r in csv.DictReader(open(os.path.join(src, "unvotes/roll_call_issues.csv"), encoding="utf-8")):
        topics[r["rcid"]].add(r["short_name"])
    votes = collections.defaultdict(dict)
    names = {}
    iso2_of = {}
    date_of = {r["rcid"]: r["date"] for r in rolls}
    session_of = {r["rcid"]: r["session"] for r in rolls}
    members = collections.defaultdict(set)
    dropped = 0
    with gzip.open(os.path.join(src, "unvotes/votes.csv.gz"), "rt", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            i3 = alpha3(r["country_code"], r["country"], date_of[r["rcid"]], a2)
            if i3 is None:
                dropped += 1
                continue
            if i3 in votes[r["rcid"]]:
                sys.exit("two votes of %s on roll call %s" % (i3, r["rcid"]))
            votes[r["rcid"]][i3] = r["vote"]
            names[i3] = NAME_OF.get(i3, r["country"])
            iso2_of[i3] = ISO2_OF.get(i3, r["country_code"])
            members[session_of[r["rcid"]]].add(i3)
    print("votes dropped (Zanzibar 1963):", dropped, file=sys.stderr)

    countries = sorted(names)
    iso3 = {c: c for c in countries}

    # COW codes of every country.
    cow_rows = list(csv.DictReader(open(os.path.join(src, "peace/cow_states.csv"), encoding="utf-8")))
    by_name = {}
    for c in cow_rows:
        by_name.setdefault(norm(c["statenme"]), int(c["ccode"]))
    cow = {}
    for c in countries:
        i3 = iso3[c]
        if i3 in COW_OVERRIDE:
            cow[i3] = COW_OVERRIDE[i3]
            continue
        cands = [names[c]]
        if c in a3:
            cands += [a3[c].get(k, "") for k in ("name", "common_name", "official_name")]
        hit = [by_name[norm(n)] for n in cands if n and norm(n) in by_name]
        if not hit:
            sys.exit("no COW code for %s %s" % (i3, names[c]))
        cow[i3] = [hit[0]]

    f = writer(os.path.join(out, "countries.tsv"), "countries", ["iso3", "iso2", "cow", "name"])
    for c in countries:
        f.write("%s\t%s\t%s\t%s\n" % (c, iso2_of[c], ",".join(map(str, cow[c])), clean(names[c], 60)))
    finish(f, len(countries))

    order = sorted(rolls, key=lambda r: (r["date"], int(r["rcid"])))
    f = writer(os.path.join(out, "rollcalls.tsv"), "rollcalls",
               ["rcid", "session", "date", "important", "amend", "para", "unres", "topics",
                "short", "descr", "votes"])
    code = {"yes": "y", "no": "n", "abstain": "a"}
    for r in order:
        k = r["rcid"]
        mem = members[r["session"]]
        line = "".join(code[votes[k][c]] if c in votes[k] else ("." if c in mem else "-")
                       for c in countries)
        flags = [r[x] if r[x] in ("0", "1") else "-" for x in ("importantvote", "amend", "para")]
        f.write("\t".join([k, r["session"], r["date"]] + flags +
                          [clean(r["unres"], 40), ",".join(sorted(topics.get(k, ()))) or "-",
                           clean(r["short"], 120), clean(r["descr"], 240), line]) + "\n")
    finish(f, len(order))

    # ---- COW capabilities ---------------------------------------------------------
    nmc = {}
    for r in csv.DictReader(open(os.path.join(src, "peace/cow_nmc.csv"), encoding="utf-8")):
        nmc[(int(r["ccode"]), int(r["year"]))] = r
    f = writer(os.path.join(out, "capabilities.tsv"), "capabilities",
               ["iso3", "year", "milex", "milper", "irst", "pec", "tpop", "upop", "cinc"])
    rows = 0
    for c in countries:
        i3 = iso3[c]
        for year in range(1946, 2023):
            lo, hi = SPAN.get(i3, (0, 9999))
            if not lo <= year <= hi:
                continue
            r = next((nmc[(cc, year)] for cc in cow[i3] if (cc, year) in nmc), None)
            if r is None:
                continue
            vals = [r[x] if r[x] not in ("", "NA", "-9") else "-" for x in
                    ("milex", "milper", "irst", "pec", "tpop", "upop", "cinc")]
            f.write("%s\t%d\t%s\n" % (i3, year, "\t".join(vals)))
            rows += 1
    finish(f, rows)

    # ---- ATOP obligations, as spells of constant obligations ---------------------
    of_cow = {}
    for c in countries:
        for cc in cow[iso3[c]]:
            of_cow.setdefault(cc, iso3[c])
    dyads = collections.defaultdict(dict)
    with gzip.open(os.path.join(src, "peace/atop_alliance.csv.gz"), "rt", encoding="utf-8") as fz:
        for r in csv.DictReader(fz):
            y = int(r["year"])
            a, b = cow_owner(of_cow, int(r["ccode1"]), y), cow_owner(of_cow, int(r["ccode2"]), y)
            if y < 1946 or not a or not b or a == b:
                continue
            bits = "".join("1" if r[x] == "1" else "0" for x in
                           ("atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"))
            if bits == "00000":
                continue
            prev = dyads[(a, b)].get(y, "00000")
            dyads[(a, b)][y] = "".join("1" if p == "1" or q == "1" else "0" for p, q in zip(prev, bits))
    f = writer(os.path.join(out, "alliances.tsv"), "alliances",
               ["from", "to", "first", "last", "defense", "offense", "neutral", "nonagg", "consul"])
    rows = 0
    for (a, b) in sorted(dyads):
        years = sorted(dyads[(a, b)])
        start = prev = years[0]
        for y in years[1:] + [None]:
            if y is not None and y == prev + 1 and dyads[(a, b)][y] == dyads[(a, b)][start]:
                prev = y
                continue
            f.write("%s\t%s\t%d\t%d\t%s\n" % (a, b, start, prev, "\t".join(dyads[(a, b)][start])))
            rows += 1
            if y is not None:
                start = prev = y
    finish(f, rows)

    # ---- UCDP conflict-years ------------------------------------------------------
    def gw_list(text, year):
        outl = []
        for part in (text or "").replace("NA", "").split(","):
            part = part.strip()
            if not part:
                continue
            g = int(part)
            i3 = cow_owner(of_cow, g, year) if g == 345 else (GW_OVERRIDE.get(g) or of_cow.get(g))
            if i3 and i3 not in outl:
                outl.append(i3)
        return ",".join(outl) or "-"
    f = writer(os.path.join(out, "conflicts.tsv"), "conflicts",
               ["conflict", "year", "side_a", "side_a_2nd", "side_b", "side_b_2nd",
                "incompatibility", "intensity", "type"])
    rows = 0
    ucdp = sorted(csv.DictReader(open(os.path.join(src, "peace/ucdp_acd.csv"), encoding="utf-8")),
                  key=lambda r: (int(r["year"]), int(r["conflict_id"])))
    for r in ucdp:
        y = int(r["year"])
        f.write("\t".join([r["conflict_id"], r["year"], gw_list(r["gwno_a"], y), gw_list(r["gwno_a_2nd"], y),
                           gw_list(r["gwno_b"], y), gw_list(r["gwno_b_2nd"], y),
                           clean(r["incompatibility"], 20), r["intensity_level"],
                           clean(r["type_of_conflict"], 20)]) + "\n")
        rows += 1
    finish(f, rows)


if __name__ == "__main__":
    main()
