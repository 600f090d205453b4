"""Independent readers for the end-to-end tests: parses an .ics file with `icalendar`
and extracts JSON-LD from an HTML page with `extruct`; prints JSON.

    python read_exports.py ics FILE
    python read_exports.py jsonld HTML_FILE BASE_URL
"""
import json
import sys


def ics(path):
    import icalendar

    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    events = []
    for component in calendar.walk("VEVENT"):
        start = component.decoded("DTSTART")
        # A start-only entry has neither DTEND nor DURATION (RFC 5545 §3.6.1).
        end = component.decoded("DTEND") if "DTEND" in component else None
        events.append({
            "uid": str(component.get("UID")),
            "summary": str(component.get("SUMMARY")),
            "description": str(component.get("DESCRIPTION", "")),
            "location": str(component.get("LOCATION", "")),
            "url": str(component.get("URL", "")),
            "start": start.isoformat(),
            "end": end.isoformat() if end is not None else None,
            "has_duration": "DURATION" in component,
            # icalendar's reading of how long the entry takes (0:00:00 for a start alone).
            "duration": str(component.duration),
            "all_day": not hasattr(start, "hour"),
            "dtstamp": component.decoded("DTSTAMP").isoformat(),
        })
    return {"version": str(calendar.get("VERSION")), "prodid": str(calendar.get("PRODID")), "events": events}


def jsonld(path, base_url):
    import extruct

    with open(path, encoding="utf-8") as f:
        html = f.read()
    return extruct.extract(html, base_url=base_url, syntaxes=["json-ld"], uniform=True)["json-ld"]


if __name__ == "__main__":
    kind, *args = sys.argv[1:]
    print(json.dumps(ics(*args) if kind == "ics" else jsonld(*args), ensure_ascii=False))
