#!/usr/bin/env python3
"""Writes worlds/postsoviet.yaml from the sourced data set and the curated part.

Usage: tools/mkworld.py [DATA_DIR] [-o OUT] [--seeds SEEDS_DIR] [--check]

DATA_DIR (default ../shared/data/postsoviet) holds facts.csv, timeline.csv and
unga_votes_calibration.csv; tools/postsoviet_curated.py holds the choices (ids,
event typing, conflicting figures, seed events). The output is deterministic: the
same inputs give the same bytes. Python 3 standard library only.

Guards against invented figures: every curated number must occur, as written,
in the text of the dataset row it cites, and every seed event's quote must occur
in the seed (checked when SEEDS_DIR exists). Any failed guard, unmapped timeline
row or unknown id stops the script with a message and writes nothing.
"""
import argparse
import csv
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import postsoviet_curated as C  # noqa: E402
import postsoviet_names as N  # noqa: E402


class Date(str):
    """A date written plain in YAML (YYYY, YYYY-MM or YYYY-MM-DD)."""


def die(message):
    sys.stderr.write("mkworld: error: %s\n" % message)
    sys.exit(1)


# ---- reading the data set ------------------------------------------------------------

def read_csv(path):
    """Reads a CSV file with a header into a list of dicts; dies if unreadable."""
    try:
        with open(path, newline="", encoding="utf-8") as f:
            return list(csv.DictReader(f))
    except OSError as e:
        die("cannot read %s: %s" % (path, e.strerror))


class Facts:
    """facts.csv rows by (country, indicator), in file order."""

    def __init__(self, rows):
        self.rows = rows
        self.by_key = {}
        for row in rows:
            self.by_key.setdefault((row["country"], row["indicator"]), []).append(row)

    def row(self, ref):
        """The row a curated reference (country, indicator[, n]) names."""
        country, indicator = ref[0], ref[1]
        n = ref[2] if len(ref) > 2 else 0
        rows = self.by_key.get((country, indicator), [])
        if n >= len(rows):
            die("facts.csv has no row %d for %s / %s" % (n, country, indicator))
        return rows[n]

    def cited(self, ref, evidence):
        """The source of the row ref names, after checking evidence is in its text
        (value, year or source columns)."""
        row = self.row(ref)
        text = " ".join((row["value"], row["year"], row["source"]))
        if evidence not in text:
            die("facts.csv %s / %s: '%s' is not in the row's value '%s'"
                % (ref[0], ref[1], evidence, row["value"]))
        return row["source"]


NUMBER = re.compile(r"^\s*([<>~]?)\s*(-?\d+(?:\.\d+)?)")


def leading_number(text):
    """(bound sign, number) at the start of a value text, or None."""
    m = NUMBER.match(text)
    if not m:
        return None
    return m.group(1), float(m.group(2))


EVIDENCE_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(bn|billion|m\b|million)?")


def check_value(value, evidence, where):
    """Dies unless value is a number written in evidence: as is, as a percentage
    (shares), scaled by a written unit (bn, m, million), or as the sum of all the
    numbers in it. Evidence without digits (e.g. 'over half') is not checked."""
    found = []
    for digits, unit in EVIDENCE_NUMBER.findall(evidence):
        number = float(digits.replace(",", ""))
        scale = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6}.get(unit, 1)
        found += [number, number * scale]
    if not found:
        return
    close = lambda x, y: abs(x - y) <= 1e-9 * max(1.0, abs(y))  # noqa: E731
    candidates = found + [f / 100 for f in found]
    plain = [float(d.replace(",", "")) for d, _ in EVIDENCE_NUMBER.findall(evidence)]
    candidates.append(sum(plain))
    if not any(close(value, c) for c in candidates):
        die("%s: value %s is not the number written in its evidence '%s'"
            % (where, value, evidence))


def year_of(text):
    """The first four-digit year in a text, or None."""
    m = re.search(r"(1[89]\d\d|20\d\d)", text or "")
    return int(m.group(1)) if m else None


def is_number(text):
    return re.fullmatch(r"-?\d+(?:\.\d+)?", text.strip()) is not None


def num(text):
    value = float(text)
    return int(value) if value.is_integer() else value


def seed_check(seeds_dir, seed, quote):
    """Checks that quote occurs in the seed (whitespace-insensitive), if seeds exist."""
    if not seeds_dir:
        return
    path = os.path.join(seeds_dir, seed)
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        die("cannot read seed %s: %s" % (path, e.strerror))
    squash = lambda s: re.sub(r"\s+", " ", s).lower()  # noqa: E731
    if squash(quote) not in squash(text):
        die("seed %s does not contain the quote '%s'" % (seed, quote))


def seed_source(seed):
    return "seed " + seed


# ---- building the world ----------------------------------------------------------

def figure(value, year, source=None, assumption=None, note=None, name=None, text=None):
    """A figure mapping in the key order of docs/WORLD.md."""
    fig = {}
    if name is not None:
        fig["name"] = name
    if text is not None:
        fig["text"] = text
    else:
        fig["value"] = value
    if year is not None:
        fig["year"] = year
    if source is not None:
        fig["source"] = source
    else:
        fig["assumption"] = assumption
    if note:
        fig["note"] = note
    return fig


def build_actors(facts):
    """Actors with their attributes, states first in COUNTRIES order."""
    ids = {}
    actors = []
    for country, iso in C.COUNTRIES.items():
        actors.append({"id": iso, "name": country, "kind": "state", "attributes": []})
        ids[iso] = actors[-1]
    for aid, name, kind in C.OTHER_ACTORS:
        actors.append({"id": aid, "name": name, "kind": kind, "attributes": []})
        ids[aid] = actors[-1]

    cia_population = {}
    alt_remittances = {}
    for row in facts.rows:
        if row["indicator"] == "population_cia_estimate":
            cia_population[row["country"]] = row
        if row["indicator"] == "remittances_pct_gdp_alt":
            alt_remittances[(row["country"], year_of(row["year"]))] = row

    def add(country, fig):
        ids[C.COUNTRIES[country]]["attributes"].append(fig)

    for row in facts.rows:
        country, indicator, value = row["country"], row["indicator"], row["value"]
        if country not in C.COUNTRIES:
            continue
        year = year_of(row["year"])
        if indicator == "population" and is_number(value):
            note = None
            cia = cia_population.get(country)
            if cia:
                note = ("CIA World Factbook estimate %s (%s) differs; the World Bank "
                        "WDI figure is used, as the dataset README makes it the "
                        "primary value (one source and definition for all countries)"
                        % ("{:,}".format(int(cia["value"])), cia["year"]))
            add(country, figure(num(value), year, row["source"], note=note,
                                name="population"))
        elif indicator == "gdp_current_usd" and is_number(value):
            add(country, figure(num(value), year, row["source"], name="gdp_usd"))
        elif indicator == "military_expenditure_usd_sipri" and is_number(value):
            add(country, figure(num(value), year, row["source"],
                                name="military_spending_usd"))
        elif indicator == "military_expenditure_pct_gdp" and is_number(value):
            note = None
            if country == "Azerbaijan" and year == 2023:
                note = ("SIPRI (via sahartv, see military_spending_usd 2023) gives 4.6%; "
                        "the CIA figure is used to keep one series for all countries")
            add(country, figure(num(value), year, row["source"], note=note,
                                name="military_spending_pct_gdp"))
        elif indicator == "remittances_pct_gdp" and is_number(value):
            note = None
            alt = alt_remittances.get((country, year))
            if alt:
                note = ("CONFLICTING: '%s' (%s); %s"
                        % (alt["value"], alt["source"], C.REMITTANCE_ALT_REASON))
            add(country, figure(num(value), year, row["source"], note=note,
                                name="remittances_pct_gdp"))
        elif indicator == "ethnic_russian_share" and country == "Russia":
            add(country, figure(num(value) / 100, year, row["source"],
                                name="ethnic_russian_share"))
        elif indicator == "russian_language_status":
            add(country, figure(None, year, row["source"], text=value,
                                name="russian_language_status"))
        elif indicator == "russian_military_presence":
            add(country, figure(None, year, row["source"], text=value,
                                name="russian_military_presence"))
        elif indicator == "gas_network_ownership":
            add(country, figure(None, year, row["source"], text=value,
                                name="gas_network_ownership"))
        elif indicator == "natural_gas_trade":
            for flow, amount in re.findall(
                    r"(imports|exports|consumption|production) (\d+(?:\.\d+)?) bcm",
                    value):
                add(country, figure(num(amount), year, row["source"],
                                    name="gas_%s_bcm" % flow))

    for aid, name, value, year, ref, evidence, note in C.ATTRIBUTES:
        if aid not in ids:
            die("curated attribute for unknown actor %s" % aid)
        check_value(value, evidence, "attribute %s of %s" % (name, aid))
        ids[aid]["attributes"].append(
            figure(num(repr(value)) if isinstance(value, float) else value, year,
                   facts.cited(ref, evidence), note=note, name=name))
    for actor in actors:
        # Stable order: by attribute name, then year, keeping file order otherwise.
        actor["attributes"].sort(key=lambda a: (a["name"], a.get("year") or 0))
        if not actor["attributes"]:
            del actor["attributes"]
    add_names(actors, ids)
    return actors, ids


def leader_entries(rows, where):
    """The leaders: list of an actor from rows of tools/postsoviet_names.py."""
    out = []
    for name, aliases, office, start, end, page, note in rows:
        for date in (start, end):
            if date is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", date):
                die("%s: bad date %r for %s" % (where, date, name))
        entry = {"name": name}
        if aliases:
            entry["aliases"] = list(aliases)
        entry["office"] = office
        entry["from"] = Date(start)
        if end is not None:
            entry["to"] = Date(end)
        entry["source"] = N.WIKI % page
        if note:
            entry["note"] = note
        out.append(entry)
    return out


def add_names(actors, ids):
    """Adds names:, leaders: and owner: (tools/postsoviet_names.py) to the actors,
    and the companies and agencies as organisations with an owner."""
    for aid in list(N.STATE_NAMES) + list(N.OTHER_NAMES) + list(N.LEADERS):
        if aid not in ids:
            die("postsoviet_names: unknown actor %s" % aid)
    for aid, (path, aliases, adjectives, capitals, assumed) in N.STATE_NAMES.items():
        entry = {}
        if aliases:
            entry["aliases"] = list(aliases)
        entry["adjectives"] = list(adjectives)
        entry["capital"] = list(capitals)
        entry["source"] = N.FACTBOOK % (ids[aid]["name"], path)
        names = [entry]
        for key, phrase, reason in assumed:
            if key not in ("aliases", "adjectives", "capital"):
                die("postsoviet_names: bad key %s for %s" % (key, aid))
            names.append({key: [phrase], "assumption": reason})
        ids[aid]["names"] = names
    for aid, (aliases, capitals, provenance) in N.OTHER_NAMES.items():
        kind, _, text = provenance.partition(": ")
        if kind not in ("source", "assumption") or not text:
            die("postsoviet_names: bad provenance for %s" % aid)
        entry = {}
        if aliases:
            entry["aliases"] = list(aliases)
        if capitals:
            entry["capital"] = list(capitals)
        entry[kind] = text
        ids[aid]["names"] = [entry]
    for aid, rows in N.LEADERS.items():
        ids[aid]["leaders"] = leader_entries(rows, aid)
    for aid, name, aliases, owner, role, page, leaders in N.COMPANIES:
        if aid in ids or owner not in ids:
            die("postsoviet_names: company %s repeats an id or has an unknown owner" % aid)
        actor = {"id": aid, "name": name, "kind": "organisation"}
        if aliases:
            actor["names"] = [{"aliases": list(aliases), "source": N.PAGE % page}]
        if leaders:
            actor["leaders"] = leader_entries(leaders, aid)
        actor["owner"] = {"actor": owner, "role": role,
                          "source": N.PAGE % page + " (ownership)"}
        actors.append(actor)
        ids[aid] = actor


def share(value):
    """A share rounded to 6 decimals, as an int when whole."""
    value = round(value, 6)
    return int(value) if float(value).is_integer() else value


def build_ties(facts, ids):
    """Ties from the rules over facts.csv, then the curated ties."""
    ties = []
    for row in facts.rows:
        rule = C.TIE_RULES.get(row["indicator"])
        if not rule or row["country"] not in C.COUNTRIES:
            continue
        source_id = C.COUNTRIES[row["country"]]
        to, kind = rule
        if source_id == to:
            continue
        parsed = leading_number(row["value"])
        if not parsed:
            continue  # 'not found', 'not in top-5'
        sign, number = parsed
        note = None
        if not is_number(row["value"]):
            note = "dataset row: '%s'" % row["value"]
            if sign == "<":
                note += "; the upper bound is used"
            elif sign == ">":
                note += "; the lower bound is used"
        ties.append({"from": source_id, "to": to, "type": kind, "values": [
            figure(share(number / 100), year_of(row["year"]), row["source"], note=note)]})
    for source_id, to, kind, ended, values in C.TIES:
        for end in (source_id, to):
            if end not in ids:
                die("curated tie with unknown actor %s" % end)
        tie = {"from": source_id, "to": to, "type": kind}
        if ended:
            tie["ended"] = Date(ended)
        for value, year, ref, evidence, note in values:
            if kind != "military_presence":  # coded 1, not a figure of the row
                check_value(value, evidence, "tie %s -> %s %s" % (source_id, to, kind))
        tie["values"] = [figure(share(value), year, facts.cited(ref, evidence), note=note)
                         for value, year, ref, evidence, note in values]
        ties.append(tie)
    seen = set()
    for tie in ties:
        key = (tie["from"], tie["to"], tie["type"])
        if key in seen:
            die("two ties %s -> %s of type %s" % key)
        seen.add(key)
    return ties


def provenance(ref, facts, seeds_dir, quote=None):
    """A {source|assumption: text} mapping for a curated provenance reference."""
    kind = ref[0]
    if kind == "row":
        rows = facts.by_key.get((ref[1], ref[2]))
        if not rows:
            die("facts.csv has no row for %s / %s" % (ref[1], ref[2]))
        return {"source": rows[0]["source"]}
    if kind == "seed":
        seed_check(seeds_dir, ref[1], quote)
        return {"source": seed_source(ref[1])}
    if kind == "source":
        return {"source": ref[1]}
    return {"assumption": ref[1]}


def build_institutions(facts, ids, seeds_dir):
    institutions = []
    used_notes = set()
    for spec in C.INSTITUTIONS:
        inst = {"id": spec["id"]}
        if spec.get("leader"):
            inst["leader"] = spec["leader"]
        inst["commitment"] = spec["commitment"]
        if spec.get("commitment_text"):
            inst["commitment_text"] = spec["commitment_text"]
        inst.update(provenance(spec["provenance"], facts, seeds_dir, spec.get("quote")))
        members = []
        for actor, role, joined, left, suspensions, prov in spec["members"]:
            if actor not in ids:
                die("membership of unknown actor %s in %s" % (actor, spec["id"]))
            member = {"actor": actor}
            if role != "member":
                member["role"] = role
            member["joined"] = Date(joined)
            if left:
                member["left"] = Date(left)
            if suspensions:
                member["suspended"] = []
                for start, end in suspensions:
                    span = {"from": Date(start)}
                    if end:
                        span["to"] = Date(end)
                    member["suspended"].append(span)
            p = provenance(prov, facts, seeds_dir)
            note = C.MEMBERSHIP_NOTES.get((spec["id"], actor, joined))
            if note:
                used_notes.add((spec["id"], actor, joined))
                key = "source" if "source" in p else "assumption"
                p[key] = "%s; note: %s" % (p[key], note)
            member.update(p)
            members.append(member)
        inst["members"] = members
        institutions.append(inst)
    unused = set(C.MEMBERSHIP_NOTES) - used_notes
    if unused:
        die("membership notes match no membership: %s" % sorted(unused))
    return institutions


def build_issues(votes, ids, seeds_dir):
    issues = []
    for spec in C.ISSUES:
        rows = [r for r in votes if r["resolution"] == spec["resolution"]]
        if not rows:
            die("unga_votes_calibration.csv has no votes for %s" % spec["resolution"])
        for r in rows:
            if r["date"] != spec["date"]:
                die("%s: vote dated %s, issue dated %s"
                    % (spec["resolution"], r["date"], spec["date"]))
        observed = []
        for r in rows:
            if r["country"] not in C.COUNTRIES:
                die("vote of unknown country '%s'" % r["country"])
            if r["vote"] not in [o[0] for o in C.ISSUE_OPTIONS]:
                die("vote '%s' of %s is not an option" % (r["vote"], r["country"]))
            observed.append({"actor": C.COUNTRIES[r["country"]], "option": r["vote"],
                             "source": r["source"]})
        issues.append({
            "id": spec["id"],
            "title": spec["title"],
            "date": Date(spec["date"]),
            "patron": "RUS",
            "source": spec["source"],
            "attributes": dict(spec["attributes"]),
            "options": [{"id": i, "stance": s, "label": l} for i, s, l in C.ISSUE_OPTIONS],
            "observed": observed,
        })
    for spec in C.SEED_ISSUES:
        seed_check(seeds_dir, spec["seed"], spec["quote"])
        observed = []
        for actor, option, seed, quote in spec["observed"]:
            if actor not in ids:
                die("issue %s: unknown actor %s" % (spec["id"], actor))
            if option not in [o[0] for o in spec["options"]]:
                die("issue %s: %s is not an option" % (spec["id"], option))
            seed_check(seeds_dir, seed, quote)
            observed.append({"actor": actor, "option": option,
                             "source": "%s: '%s'" % (seed_source(seed), quote)})
        issues.append({
            "id": spec["id"],
            "title": spec["title"],
            "date": Date(spec["date"]),
            "patron": "RUS",
            "source": "%s: '%s'" % (seed_source(spec["seed"]), spec["quote"]),
            "attributes": dict(spec["attributes"]),
            "options": [{"id": i, "stance": s, "label": l} for i, s, l in spec["options"]],
            "observed": observed,
        })
    return issues


def build_bargains(ids):
    """The curated bargaining issues, each actor's stand an assumption with reasons."""
    bargains = []
    for spec in C.BARGAINS:
        stands = []
        for actor, position, salience, reason in spec["actors"]:
            if actor not in ids:
                die("bargain %s: unknown actor %s" % (spec["id"], actor))
            stands.append({"actor": actor, "positions": [position],
                           "saliences": [salience], "assumption": reason})
        bargains.append({
            "id": spec["id"],
            "title": spec["title"],
            "date": Date(spec["date"]),
            "source": spec["source"],
            "dimensions": [dict(d) for d in spec["dimensions"]],
            "capability": spec["capability"],
            "actors": stands,
        })
    return bargains


def build_events(timeline, facts, ids, seeds_dir):
    events = []
    used = set()
    for row in timeline:
        key = None
        for (date, word) in list(C.TIMELINE) + list(C.TIMELINE_SKIPPED):
            if row["date"] == date and word in row["event"]:
                if key:
                    die("timeline row %s '%s' matches two curated keys"
                        % (row["date"], row["event"][:40]))
                key = (date, word)
        if not key:
            die("timeline row %s '%s...' is neither mapped nor skipped in "
                "postsoviet_curated.py" % (row["date"], row["event"][:50]))
        used.add(key)
        if key in C.TIMELINE_SKIPPED:
            continue
        for actor, target, kind, date, description, magnitude in C.TIMELINE[key]:
            for end in (actor, target):
                if end is not None and end not in ids:
                    die("event with unknown actor %s" % end)
            event = {"date": Date(date or row["date"]), "actor": actor}
            if target:
                event["target"] = target
            event["type"] = kind
            if magnitude:
                check_value(magnitude[0], magnitude[-2],
                            "magnitude of event %s %s" % (row["date"], actor))
                if len(magnitude) == 3:
                    value, evidence, note = magnitude
                    if evidence not in row["event"]:
                        die("timeline %s: '%s' is not in the row" % (row["date"], evidence))
                    event["magnitude"] = figure(value, None, row["source"], note=note)
                else:
                    value, ref, evidence, note = magnitude
                    event["magnitude"] = figure(value, None, facts.cited(ref, evidence),
                                                note=note)
            event["description"] = description.format(name=ids[actor]["name"])
            event["source"] = row["source"]
            events.append(event)
    unused = (set(C.TIMELINE) | set(C.TIMELINE_SKIPPED)) - used
    if unused:
        die("curated timeline keys match no row: %s" % sorted(unused))
    for date, actor, target, kind, description, seed, quote in C.SEED_EVENTS:
        for end in (actor, target):
            if end is not None and end not in ids:
                die("seed event with unknown actor %s" % end)
        seed_check(seeds_dir, seed, quote)
        event = {"date": Date(date), "actor": actor}
        if target:
            event["target"] = target
        event["type"] = kind
        event["description"] = description.format(name=ids[actor]["name"])
        event["source"] = seed_source(seed)
        events.append(event)
    # Sorted by date (a shorter date first on ties of its prefix), stable otherwise.
    events.sort(key=lambda e: e["date"])
    return events


# ---- writing YAML --------------------------------------------------------------------

PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9_./-]*$")
YAML_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}


def scalar(value):
    """A YAML scalar: numbers and dates plain, safe words plain, others quoted."""
    if isinstance(value, bool):
        die("booleans are not part of world files")
    if isinstance(value, Date):
        if not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", value):
            die("bad date '%s'" % value)
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            die("non-finite number")
        text = "%.10g" % value
        if "e" in text:
            text = ("%.6f" % value).rstrip("0").rstrip(".")
        return text
    if isinstance(value, str):
        if PLAIN.match(value) and value.lower() not in YAML_WORDS:
            return value
        out = ['"']
        for ch in value:
            if ch == '"':
                out.append('\\"')
            elif ch == "\\":
                out.append("\\\\")
            elif ch == "\n":
                out.append("\\n")
            elif ord(ch) < 0x20:
                out.append("\\x%02x" % ord(ch))
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)
    die("cannot write a %s" % type(value).__name__)


def emit(value, indent, lines):
    """Appends value (a dict, list or scalar) in block style at indent."""
    pad = "  " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append("%s%s:" % (pad, key))
                emit(item, indent + 1, lines)
            elif isinstance(item, list):
                lines.append("%s%s: []" % (pad, key))
            else:
                lines.append("%s%s: %s" % (pad, key, scalar(item)))
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                sub = []
                emit(item, indent + 1, sub)
                first = sub[0][len(pad) + 2:]
                lines.append("%s- %s" % (pad, first))
                lines.extend(sub[1:])
            else:
                lines.append("%s- %s" % (pad, scalar(item)))
    else:
        lines.append(pad + scalar(value))


HEADER = """\
# worlds/postsoviet.yaml: the built-in world of orbit (format: docs/WORLD.md).
# GENERATED by tools/mkworld.py from shared/data/postsoviet (facts.csv,
# timeline.csv, unga_votes_calibration.csv), the seed articles and the curated
# choices in tools/postsoviet_curated.py with the names, leaders and companies of
# tools/postsoviet_names.py. Do not edit by hand: change the curated files and
# run `python3 tools/mkworld.py`. Sources and choices: worlds/README.md.
"""


def fitted_parameters(path):
    """The `parameters:` block of the world at path, line by line, or None.

    Model parameters are written into the world by `orbit calibrate --write` (with
    their provenance in fitted_by); the generator keeps them as they are."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except OSError:
        return None
    block = None
    for line in lines:
        if block is None:
            if line.startswith("parameters:"):
                block = [line]
        elif line and not line[0].isspace() and not line.startswith("#"):
            break
        else:
            block.append(line)
    while block and block[-1] == "":
        block.pop()
    return block


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?",
                        default=os.path.join(root, "..", "shared", "data", "postsoviet"),
                        help="folder with facts.csv, timeline.csv, "
                             "unga_votes_calibration.csv (default ../shared/data/postsoviet)")
    parser.add_argument("-o", "--output", default=os.path.join(root, "worlds",
                                                               "postsoviet.yaml"))
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if OUT differs from what would be "
                             "written (the committed world is stale)")
    parser.add_argument("--seeds", default=None,
                        help="seed articles folder, to check quotes (default: "
                             "DATA/../../seeds when it exists)")
    args = parser.parse_args()

    seeds_dir = args.seeds
    if seeds_dir is None:
        guess = os.path.normpath(os.path.join(args.data, "..", "..", "seeds"))
        seeds_dir = guess if os.path.isdir(guess) else None
    elif not os.path.isdir(seeds_dir):
        die("no seeds folder %s" % seeds_dir)

    facts = Facts(read_csv(os.path.join(args.data, "facts.csv")))
    timeline = read_csv(os.path.join(args.data, "timeline.csv"))
    votes = read_csv(os.path.join(args.data, "unga_votes_calibration.csv"))

    actors, ids = build_actors(facts)
    world = {
        "world": {key: (Date(v) if key in ("start", "end") else v)
                  for key, v in C.WORLD.items()},
        "actors": actors,
        "ties": build_ties(facts, ids),
        "institutions": build_institutions(facts, ids, seeds_dir),
        "issues": build_issues(votes, ids, seeds_dir),
        "events": build_events(timeline, facts, ids, seeds_dir),
        "bargains": build_bargains(ids),
        "parameters": [],
    }
    kept_parameters = fitted_parameters(args.output)
    lines = []
    for key, value in world.items():
        if key == "parameters" and kept_parameters:
            lines.extend(kept_parameters)
        elif isinstance(value, list) and not value:
            lines.append("%s: []" % key)
        else:
            lines.append("%s:" % key)
            emit(value, 1, lines)
        lines.append("")
    text = HEADER + "\n" + "\n".join(lines)
    if args.check:
        try:
            with open(args.output, encoding="utf-8", newline="") as f:
                current = f.read()
        except OSError as e:
            die("cannot read %s: %s" % (args.output, e.strerror))
        if current != text:
            die("%s is stale: run python3 tools/mkworld.py" % args.output)
        sys.stderr.write("mkworld: %s is up to date\n" % args.output)
        return
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, args.output)
    counts = {k: len(v) for k, v in world.items() if isinstance(v, list)}
    if kept_parameters:
        counts["parameters"] = sum(1 for l in kept_parameters if l.startswith("  - "))
    sys.stderr.write("mkworld: wrote %s (%s)%s\n" % (
        args.output, ", ".join("%d %s" % (n, k) for k, n in counts.items()),
        "" if seeds_dir else "; seed quotes NOT checked (no seeds folder)"))


if __name__ == "__main__":
    main()
