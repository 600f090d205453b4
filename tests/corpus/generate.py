"""Writes the hostile and malformed event corpus (tests/corpus/*.json) and the expected
outcome of each file (tests/corpus/expected.json): either the error (field path and a
part of the message) or "renders" (valid, and must render as plain text).

    python3 tests/corpus/generate.py
"""
import copy
import json
import pathlib

HERE = pathlib.Path(__file__).parent
BASE = json.loads((HERE.parent.parent / "data" / "forum-2023.json").read_text(encoding="utf-8"))
XSS = [
    "<img src=x onerror=\"window.__pwned='img'\">",
    "<script>window.__pwned='script'</script>",
    "<svg onload=\"window.__pwned='svg'\"></svg>",
    "\"><iframe src=\"javascript:window.parent.__pwned='iframe'\"></iframe>",
    "{{constructor.constructor('window.__pwned=1')()}}",
]
cases = {}


def case(name, change, expected):
    event = copy.deepcopy(BASE)
    text = change(event)
    body = text if isinstance(text, str) else json.dumps(event, ensure_ascii=False)
    (HERE / f"{name}.json").write_text(body, encoding="utf-8")
    cases[name] = expected


def error(path, part):
    return {"error": path, "message": part}


RENDERS = {"renders": True}


def setter(path, value):
    def change(event):
        *parents, last = path
        target = event
        for key in parents:
            target = target[key]
        target[last] = value
    return change


def remover(path):
    def change(event):
        *parents, last = path
        target = event
        for key in parents:
            target = target[key]
        del target[last]
    return change


# Wrong types.
case("type-version-string", setter(["version"], "1"), error("version", "must be a number: 1 or 2"))
case("type-name-number", setter(["name"], 42), error("name", "invalid type"))
case("type-people-object", setter(["people"], {"a": 1}), error("people", "invalid type"))
case("type-title-array", setter(["program", 0, "title"], ["x"]), error("program[0].title", "invalid type"))
case("type-start-date-number", setter(["start_date"], 20231113), error("start_date", "invalid type"))
case("type-attendance-bool", setter(["people", 1, "attendance"], True), error("people[1].attendance", "invalid type"))
case("type-person-id-number", setter(["people", 0, "id"], 7), error("people[0].id", "invalid type"))
case("type-venue-string", setter(["venue"], "Cangzhou"), error("venue", "invalid type"))
case("type-source-string", setter(["sources", 0], "MIIT"), error("sources[0]", "invalid type"))
case("type-figure-value-number", setter(["figures", 0, "value"], 400), error("figures[0].value", "invalid type"))
case("type-item-people-string", setter(["program", 0, "people"], "xu-xiaolan"), error("program[0].people", "invalid type"))
# Missing fields.
for path, name in [(["version"], "version"), (["id"], "id"), (["name"], "name"), (["start_date"], "start_date"),
                   (["time_zone"], "time_zone"), (["venue"], "venue")]:
    case(f"missing-{name.replace('_', '-')}", remover(path), error(name, "missing"))
case("missing-person-name", remover(["people", 2, "name"]), error("people[2].name", "missing"))
case("missing-item-kind", remover(["program", 1, "kind"]), error("program[1].kind", "missing"))
case("missing-venue-name", remover(["venue", "name"]), error("venue.name", "missing"))
# Versions.
case("version-3", setter(["version"], 3), error("version", "unsupported version 3"))
case("version-0", setter(["version"], 0), error("version", "unsupported version 0"))
# Dates, times and zones.
case("date-impossible", setter(["start_date"], "2023-02-30"), error("start_date", "not a valid date"))
case("date-european-order", setter(["start_date"], "13/11/2023"), error("start_date", "not a valid date"))
case("date-end-before-start", setter(["end_date"], "2023-11-12"), error("end_date", "before start_date"))
case("date-item-outside", setter(["program", 2, "date"], "2023-12-01"), error("program[2].date", "outside"))
case("time-25-hours", setter(["program", 0, "start"], "25:00"), error("program[0].start", "not a valid time"))
case("time-end-before-start", lambda e: e["program"][0].update(start="10:00", end="09:00"), error("program[0].end", "not after start"))
case("zone-not-iana", setter(["time_zone"], "China Standard Time"), error("time_zone", "IANA"))
case("zone-offset-only", setter(["time_zone"], "+08:00"), error("time_zone", "IANA"))
# Ids and references.
case("duplicate-person-id", setter(["people", 3, "id"], "xu-xiaolan"), error("people[3].id", "duplicate id"))
case("duplicate-item-id", setter(["program", 3, "id"], "keynote-forum"), error("program[3].id", "duplicate id"))
case("duplicate-source-id", setter(["sources", 1, "id"], "miit-2023-11-14"), error("sources[1].id", "duplicate id"))
case("dangling-item-person", setter(["program", 0, "people", 2], "nobody"), error("program[0].people[2]", "`nobody`"))
case("dangling-figure-source", setter(["figures", 1, "source"], "gone"), error("figures[1].source", "`gone`"))
# Texts, tags and codes.
case("text-empty-language-map", setter(["name"], {}), error("name", "at least one language"))
case("text-bad-language-tag", setter(["summary"], {"English": "x"}), error("summary.English", "language tag"))
case("text-blank", setter(["theme", "zh"], "   "), error("theme.zh", "empty text"))
case("text-too-long", setter(["summary", "en"], "A" * 30000), error("summary.en", "at most 20000"))
case("country-name-not-code", setter(["venue", "country"], "China"), error("venue.country", "ISO 3166-1"))
case("native-name-bad-lang", setter(["people", 4, "native_name", "lang"], "Georgian script"), error("people[4].native_name.lang", "language tag"))
# Addresses that must never become links.
for name, url in [("javascript", "javascript:window.__pwned=1"), ("javascript-upper", "JAVASCRIPT:window.__pwned=1"),
                  ("javascript-space", " javascript:window.__pwned=1"), ("data", "data:text/html,<script>window.__pwned=1</script>"),
                  ("vbscript", "vbscript:msgbox(1)"), ("relative", "//evil.example/x")]:
    case(f"url-{name}", setter(["sources", 0, "url"], url), error("sources[0].url", "http"))
# Not an event at all.
case("json-empty", lambda e: "", error(".", "invalid JSON"))
case("json-truncated", lambda e: json.dumps(e)[:500], error(".", "invalid JSON"))
case("json-html-page", lambda e: "<!doctype html><title>404</title>", error(".", "invalid JSON"))
case("json-array", lambda e: "[]", error(".", "expected a JSON object"))
case("json-string", lambda e: "\"event\"", error(".", "expected a JSON object"))
# Deep nesting in an unknown field is skipped without recursion; in a known one it is a type error.
case("json-deep-nesting-unknown-field", lambda e: json.dumps(e)[:-1] + ",\"extra\":" + "[" * 5000 + "]" * 5000 + "}", RENDERS)
case("json-deep-nesting-known-field", lambda e: json.dumps(e).replace("\"notes\": [", "\"notes\": [" + "[" * 3000 + "]" * 3000 + ",", 1), error("notes[0]", "invalid type"))
# Hostile strings in every kind of text field: valid, rendered as text only.
XSS_FIELDS = [
    ("name", ["name", "en"]), ("summary", ["summary", "en"]), ("theme", ["theme", "en"]), ("edition", ["edition", "en"]),
    ("venue-name", ["venue", "name", "en"]), ("venue-city", ["venue", "city", "en"]),
    ("organisation", ["organisations", 0, "name", "en"]), ("figure-value", ["figures", 0, "value", "en"]),
    ("figure-label", ["figures", 1, "label", "en"]), ("note", ["notes", 0, "en"]),
    ("person-name", ["people", 0, "name"]), ("person-native", ["people", 1, "native_name", "text"]),
    ("person-role", ["people", 2, "role", "en"]), ("person-participation", ["people", 3, "participation", "en"]),
    ("item-title", ["program", 0, "title", "en"]), ("item-description", ["program", 1, "description", "en"]),
    ("source-title", ["sources", 0, "title", "en"]), ("source-publisher", ["sources", 1, "publisher", "en"]),
    ("event-id", ["id"]), ("item-location", ["program", 2, "location"]),
]
for i, (name, path) in enumerate(XSS_FIELDS):
    payload = XSS[i % len(XSS)]
    value = {"en": payload} if name == "item-location" else payload
    case(f"xss-{name}", setter(path, value), RENDERS)
case("xss-person-id", lambda e: [e["people"][0].update(id="<b>x</b>"), e["program"][0]["people"].__setitem__(0, "<b>x</b>")], RENDERS)
# Bidi controls, zero-width and combining characters: valid; must stay isolated text.
case("bidi-person-name", setter(["people", 0, "name"], "\u202eXu Xiaolan\u202c evil"), RENDERS)
case("bidi-item-title", setter(["program", 0, "title", "en"], "\u2067Opening\u2069 \u202bceremony"), RENDERS)
case("bidi-rtl-text", setter(["summary", "en"], "مرحبا \u200f Hello \u202e dlrow"), RENDERS)
case("zero-width-name", setter(["people", 1, "name"], "Si\u200bni\u200dša\ufeff Mali"), RENDERS)
case("combining-marks", setter(["people", 2, "name"], "A\u0336d\u0334a\u0338m\u0335" + "\u0301" * 50), RENDERS)
case("long-unbroken-word", setter(["program", 3, "title", "en"], "Cross" + "x" * 400 + "border"), RENDERS)

(HERE / "expected.json").write_text(json.dumps(cases, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
print(len(cases), "files")
