#!/usr/bin/env python3
"""convert_cameo.py: converts the PETRARCH-2 CAMEO/Phoenix dictionaries (MIT,
Open Event Data Alliance) into orbit's event dictionary format (docs/EVENTS.md).

Usage: tools/events/convert_cameo.py [--reverse-only] SHARED_CAMEO_DIR OUT_DIR
       tools/events/convert_cameo.py [--reverse-only] --actors|--verbs FILE OUT_FILE
--reverse-only keeps the back code of PETRARCH's paired codes only where the
source has no event of its own ('[:072]', "received tanks from X": X gave
them); the built-in cameo.verbs.dict is converted so (the full pairs lowered
the precision on news text, docs/EVENTS.md).
Writes OUT_DIR/phoenix.actors.dict, phoenix.milnonstate.dict (armed non-state
groups, Phoenix.MilNonState.actors.txt), phoenix.agents.dict and cameo.verbs.dict
(or converts one actor or verb file).
Run once; the outputs are committed under data/events/. orbit's own additions
(the built-in world's leaders, organisations, model event types) live in the
hand-written data/events/orbit.dict, which is loaded after these and wins.

What is converted and what is dropped (PETRARCH works on parse trees; orbit on
token sequences):
- actors: every entry of Phoenix.Countries.actors.txt and
  Phoenix.International.actors.txt (phoenix.actors.dict) and of
  Phoenix.MilNonState.actors.txt (phoenix.milnonstate.dict); codes are split into the actor id (first 3
  letters for countries, the whole code for IGO/NGO codes) and a role (the rest);
  dates YYMMDD become YYYY-MM-DD with years 00-39 read as 20xx; names that
  are common English words (DROPPED_NAMES: "organization", "tigers", "youth", ...) are dropped.
- agents: Phoenix.agents.txt, with the !PERSON!/!MINIST! macros expanded.
- verbs: every verb form of CAMEO.2.0.txt (regular forms generated as PETRARCH
  does), and every pattern whose words all follow the verb ("- * WORDS [code]"),
  with synonym sets (&NAME) expanded and PETRARCH's markers kept: "+" (the
  target) and "$" (the source) where they stand among the words, and a lone
  marker before the verb as "+ * WORDS" ("- + * (FROM $)": the actor before
  the verb is the target, the one after "from" the source); patterns with
  words before the verb, patterns of function words only ("- * (TO)"), and
  patterns with a marker twice or TABARI's "%" are dropped, as is the
  discards (sport phrases) file.
"""
import itertools
import os
import re
import sys

HEADER = """# orbit event dictionary, converted by tools/events/convert_cameo.py from
# {src} (PETRARCH-2, MIT licence, Copyright (c) Open Event Data Alliance;
# see data/events/LICENSE). Format: docs/EVENTS.md. Do not edit by hand.
"""


FUNCTION_WORDS = {"TO", "IN", "ON", "AT", "BY", "OF", "FOR", "FROM", "WITH", "INTO",
                  "OVER", "AGAINST", "ABOUT", "UP", "DOWN", "OUT", "OFF", "AS",
                  "THE", "A", "AN", "AND", "THAT", "IT", "BACK", "AWAY"}


def phrase(words):
    """Dictionary words (underscores, trailing _) to an orbit phrase."""
    text = words.replace("_", " ").strip().lower()
    return re.sub(r"\s+", " ", text)


def date_of(text):
    """YYMMDD or YYYYMMDD to YYYY-MM-DD."""
    text = text.strip()
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year < 40 else 1900
        return "%04d-%s-%s" % (year, text[2:4], text[4:6])
    if len(text) == 8:
        return "%s-%s-%s" % (text[:4], text[4:6], text[6:8])
    raise ValueError("bad date " + text)


def split_code(code):
    """'RUSGOV' -> ('RUS', 'GOV'); 'IGOUNO' -> ('IGOUNO', '')."""
    if code.startswith(("IGO", "NGO", "IMG", "MNC")) or len(code) < 3:
        return code, ""
    return code[:3], code[3:]


def code_block(text):
    """'[RUSGOV 991231-080507]' -> (code, from, to) with dates or ''."""
    inner = text.strip()[1:-1].strip()
    parts = inner.split(None, 1)
    code = parts[0]
    start = end = ""
    if len(parts) > 1:
        rng = parts[1].replace(" ", "")
        if rng.startswith("<"):
            end = date_of(rng[1:])
        elif rng.startswith(">"):
            start = date_of(rng[1:])
        elif "-" in rng:
            a, b = rng.split("-", 1)
            start, end = date_of(a), date_of(b)
    return code, start, end


# One-word actor names of the Phoenix files that are common English words,
# numbers or first names and name no actor in news text:
# Phoenix.MilNonState.actors.txt gives "ORGANIZATION" (the Arabic "tanzim"
# translated) to the Fatah's Tanzim, so that "what sort of organization is
# this" coded a Middle Eastern rebel group, and "TIGERS" to a Swazi group, so
# that "Lions, tigers, and Gondor" (PETRARCH's 2.02 suite) coded it.
DROPPED_NAMES = {"organization", "tigers", "youth", "zero", "falcon", "camo", "aleph",
                 "yahweh", "mavericks", "boogeymen", "313", "380", "39649", "hamzah",
                 "muhannad", "shahin"}


def convert_actors(path, out):
    names, blocks, count = [], [], 0

    def flush():
        nonlocal count
        if not names or not blocks:
            return
        for name in names:
            if name in DROPPED_NAMES:
                continue
            for code, start, end in blocks:
                if not re.fullmatch(r"[A-Z]{3,}", code):
                    continue
                actor, role = split_code(code)
                span = "%s..%s" % (start, end) if (start or end) else ""
                out.write("actor | %s | %s | %s | %s\n" % (name, actor, role, span))
                count += 1

    for raw in open(path, encoding="utf-8", errors="replace"):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<"):
            continue
        stripped = line.strip()
        if stripped.startswith("["):
            try:
                blocks.append(code_block(stripped))
            except ValueError:
                pass  # a few source blocks have malformed dates: skipped
            continue
        if stripped.startswith("+"):
            names.append(phrase(stripped[1:]))
            continue
        flush()
        names, blocks = [], []
        m = re.match(r"(.*?)\s*(\[[^\]]*\])\s*$", stripped)
        if m:
            names.append(phrase(m.group(1)))
            try:
                blocks.append(code_block(m.group(2)))
            except ValueError:
                pass
        else:
            names.append(phrase(stripped))
    flush()
    return count


def convert_agents(path, out):
    macros, count = {}, 0
    for raw in open(path, encoding="utf-8", errors="replace"):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"(![A-Z]+!)\s*=\s*(.*)", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.match(r"(.*?)\s*\[~([A-Z]+)\]", line)
        if not m:
            continue
        words = m.group(1).replace("{}", "").strip()
        variants = [words]
        for macro, values in macros.items():
            variants = [v.replace(macro, val) for v in variants for val in values] \
                if any(macro in v for v in variants) else variants
        for v in sorted(set(variants)):
            if "!" in v:
                continue
            out.write("agent | %s | %s\n" % (phrase(v), m.group(2)))
            count += 1
    return count


def verb_forms(word):
    """Regular forms of a verb (PETRARCH's rules): base, -s, -ed, -ing."""
    w = word
    if w.endswith("e"):
        return [w, w + "s", w + "d", w[:-1] + "ing"]
    if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        return [w, w[:-1] + "ies", w[:-1] + "ied", w + "ing"]
    if w.endswith(("s", "sh", "ch", "x", "z")):
        return [w, w + "es", w + "ed", w + "ing"]
    return [w, w + "s", w + "ed", w + "ing"]


def first_code(text):
    """'[020]' -> '020'; '[042:043]' -> '042'; '[---]' -> '---'; '[:072]' ->
    '---' (no event of the source: only the target's back, see back_code)."""
    inner = text.strip()[1:-1].strip()
    if inner.startswith(":"):
        return "---"
    for part in inner.split(":"):
        digits = re.sub(r"[^0-9]", "", part)  # one source code reads "080!"
        if part.strip() == "---":
            return "---"
        if 2 <= len(digits) <= 4:
            return digits
    return "---"


def back_code(text):
    """'[042:043]' -> '043' (the target's event toward the source); else ''."""
    parts = text.strip()[1:-1].split(":")
    if len(parts) < 2:
        return ""
    digits = re.sub(r"[^0-9]", "", parts[1])
    return digits if 2 <= len(digits) <= 4 else ""


# Whether paired codes ('[042:043]') keep their back code; with
# --reverse-only only codes without a forward part ('[:072]', "received
# tanks": the target's act alone) do.
PAIRS = True


def options(text):
    """The verb options of a code block: ' | back=043' for a paired code."""
    back = back_code(text) if text else ""
    if back and not PAIRS and not text.strip()[1:].lstrip().startswith(":"):
        back = ""
    return " | back=%s" % back if back else ""


def expand(tokens, synsets, limit=64):
    """Token list with &SYNSET entries -> list of phrases (capped)."""
    choices = []
    for t in tokens:
        if t.startswith("&"):
            choices.append(synsets.get(t.rstrip("_"), [t[1:]]))
        else:
            choices.append([t])
    out = []
    for combo in itertools.product(*choices):
        out.append(phrase(" ".join(combo)))
        if len(out) >= limit:
            break
    return out


def convert_verbs(path, out):
    lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
    synsets, current = {}, None
    for raw in lines:  # first pass: synonym sets
        line = raw.split("#", 1)[0].rstrip()
        if line.startswith("&"):
            current = line.strip().rstrip("_")
            synsets[current] = []
        elif line.startswith("+") and current:
            synsets[current].append(line[1:].strip().rstrip("_"))
        elif not line.strip() or line.startswith("---"):
            current = None
    group, group_code, group_block, verbs, patterns = None, "---", "", 0, 0
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.startswith(("&", "+")) and group is None:
            continue
        m = re.match(r"---\s+(\S+)\s+(\[[^\]]*\])\s+---", line)
        if m:
            group, group_code, group_block = m.group(1), first_code(m.group(2)), m.group(2)
            continue
        if group is None:
            continue
        if line.startswith("-"):
            body = line[1:]
            m = re.match(r"(.*?)(\[[^\]]*\])\s*$", body)
            if not m or "*" not in m.group(1):
                continue
            left, right = m.group(1).split("*", 1)
            lead = re.sub(r"[()]", " ", left).split()
            if lead not in ([], ["+"], ["$"]):
                continue  # words before the verb: needs a parse; dropped
            words = re.sub(r"[{}()]", " ", right).split()
            if "%" in words or any(len(w) > 1 and re.search(r"[$+%]", w) for w in words):
                continue  # TABARI's compound marker, markers glued to words
            if any((lead + words).count(k) > 1 for k in ("+", "$")):
                continue  # a marker twice: not a pattern orbit accepts
            plain = [w for w in words if w not in ("$", "+")]
            if not plain and not (lead and words):
                continue  # "- * +": no words at all
            if plain and all(w.strip("_").upper() in FUNCTION_WORDS for w in plain) and \
                    len(plain) == len(words):
                continue  # "- * (TO)": a bare preposition would match everywhere
            prefix = lead[0] + " * " if lead else ""
            for p in expand(words, synsets):
                out.write("object | %s | %s%s | %s%s\n" % (group, prefix, p,
                                                          first_code(m.group(2)),
                                                          options(m.group(2))))
                patterns += 1
            continue
        m = re.match(r"\+?([A-Z'_-]+)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", line.strip())
        if not m:
            continue
        base = m.group(1).rstrip("_")
        code = first_code(m.group(3)) if m.group(3) else group_code
        opts = options(m.group(3) if m.group(3) else group_block)
        parts = base.split("_")
        forms = set()
        for f in verb_forms(parts[0].lower()):
            forms.add(" ".join([f] + [p.lower() for p in parts[1:]]))
        if m.group(2):
            for extra in m.group(2)[1:-1].split():
                if re.search(r"[A-Za-z]", extra):  # some lists hold stray commas
                    forms.add(phrase(extra.lstrip("+")))
        for f in sorted(forms):
            out.write("verb | %s | %s | %s%s\n" % (group, f, code, opts))
            verbs += 1
    return verbs, patterns


def main():
    global PAIRS
    if "--reverse-only" in sys.argv:
        sys.argv.remove("--reverse-only")
        PAIRS = False
    if len(sys.argv) == 4 and sys.argv[1] in ("--actors", "--verbs"):
        # one file, e.g. PETRARCH's PETR.Validate.*.txt for the tests
        with open(sys.argv[3], "w") as out:
            out.write(HEADER.format(src=os.path.basename(sys.argv[2])))
            if sys.argv[1] == "--actors":
                print("actors: %d entries" % convert_actors(sys.argv[2], out))
            else:
                print("verbs: %d forms, %d object patterns" % convert_verbs(sys.argv[2], out))
        return
    if len(sys.argv) != 3:
        sys.exit("usage: convert_cameo.py [--reverse-only] SHARED_CAMEO_DIR OUT_DIR\n"
                 "       convert_cameo.py [--reverse-only] --actors|--verbs FILE OUT_FILE")
    src, dst = sys.argv[1], sys.argv[2]
    with open(os.path.join(dst, "phoenix.actors.dict"), "w") as out:
        out.write(HEADER.format(src="Phoenix.Countries.actors.txt and "
                                    "Phoenix.International.actors.txt"))
        n = convert_actors(os.path.join(src, "Phoenix.Countries.actors.txt"), out)
        n += convert_actors(os.path.join(src, "Phoenix.International.actors.txt"), out)
    print("actors: %d entries" % n)
    with open(os.path.join(dst, "phoenix.milnonstate.dict"), "w") as out:
        out.write(HEADER.format(src="Phoenix.MilNonState.actors.txt"))
        n = convert_actors(os.path.join(src, "Phoenix.MilNonState.actors.txt"), out)
    print("armed non-state actors: %d entries" % n)
    with open(os.path.join(dst, "phoenix.agents.dict"), "w") as out:
        out.write(HEADER.format(src="Phoenix.agents.txt"))
        print("agents: %d entries" % convert_agents(os.path.join(src, "Phoenix.agents.txt"), out))
    with open(os.path.join(dst, "cameo.verbs.dict"), "w") as out:
        out.write(HEADER.format(src="CAMEO.2.0.txt"))
        v, p = convert_verbs(os.path.join(src, "CAMEO.2.0.txt"), out)
    print("verbs: %d forms, %d object patterns" % (v, p))


if __name__ == "__main__":
    main()
