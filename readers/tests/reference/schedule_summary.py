"""An independent reader of the real schedules, for readers/tests/realdata.rs.

Written from ../shared/realdata/FORMATS.md with Python's standard library (json,
xml.etree, datetime, zoneinfo) and the pinned `icalendar`, not from the Rust readers.
For each file given, prints one JSON line: items, people, rooms, days, the zone named,
and the first and last item (title, start, end). Times are UTC (`...Z`) when the data
gives an offset, else the wall clock as written (no `Z`).
"""
import json
import sys
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import icalendar


def duration(text):
    """frab durations: H:MM, HH:MM, HH:MM:SS (hours may pass 23)."""
    parts = [int(p) for p in text.strip().split(":")]
    h, m, s = (parts + [0])[:3]
    return timedelta(hours=h, minutes=m, seconds=s)


def norm(t):
    if t is None:
        return None
    if t.tzinfo is not None:
        return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return t.strftime("%Y-%m-%dT%H:%M:%S")


def sort_key(t):
    return t.astimezone(timezone.utc).replace(tzinfo=None) if t.tzinfo else t


def summary(items, people, zone):
    """items: (title, start, end, room, day) in file order."""
    first = min(enumerate(items), key=lambda p: (sort_key(p[1][1]), p[0]))[1]
    last = max(enumerate(items), key=lambda p: (sort_key(p[1][1]), p[0]))[1]
    pick = lambda i: {"title": i[0].strip(), "start": norm(i[1]), "end": norm(i[2])}
    return {
        "items": len(items),
        "people": len(people),
        "rooms": len({i[3] for i in items if i[3] and i[3].strip()}),
        "days": len({i[4] for i in items}),
        "time_zone": zone,
        "first": pick(first),
        "last": pick(last),
    }


def frab_event(title, when, day_date, day_start, start, dur, offset):
    """Start from the full date-time, else the day's date + HH:MM (next date when the
    time is before the day's own start: the conference day runs past midnight)."""
    if when:
        t = datetime.fromisoformat(when)
    else:
        hh, mm = (int(x) for x in start.split(":")[:2])
        d = date.fromisoformat(day_date)
        if day_start and (hh, mm) < day_start:
            d += timedelta(days=1)
        t = datetime(d.year, d.month, d.day, hh, mm, tzinfo=offset)
    return t, (t + duration(dur)) if dur else None


def person_key(p):
    for k in ("guid", "id", "code"):
        if p.get(k) not in (None, ""):
            return (k, str(p[k]))
    return ("name", p.get("name") or p.get("public_name") or p.get("full_public_name"))


def frab_json(doc):
    conf = doc["schedule"]["conference"]
    items, people = [], set()
    for day in conf["days"]:
        for room, events in day["rooms"].items():
            for e in events:
                t, end = frab_event(e["title"], e.get("date"), day["date"], None, e.get("start"), e.get("duration"), None)
                items.append((e["title"], t, end, e.get("room") or room, day["date"]))
                people.update(person_key(p) for p in e.get("persons", []))
    zone = conf.get("time_zone_name") or None
    offsets = {i[1].utcoffset() for i in items}
    # A zone name the offsets contradict (pretalx DemoCon: "UTC" at +01:00) is not the zone.
    if zone in ("UTC", "Etc/UTC") and offsets != {timedelta(0)}:
        zone = None
    return summary(items, people, zone)


def frab_xml(root):
    conf = root.find("conference")
    zone = conf.findtext("time_zone_name") if conf is not None else None
    items, people = [], set()
    for day in root.findall("day"):
        rooms = day.findall("room")
        events = [(r.get("name"), e) for r in rooms for e in r.findall("event")] or [(None, e) for e in day.findall("event")]
        for room_name, e in events:
            title = e.findtext("title") or ""
            t, end = frab_event(title, e.findtext("date"), day.get("date"), None, e.findtext("start"), e.findtext("duration"), None)
            items.append((title, t, end, e.findtext("room") or room_name, day.get("date")))
            for p in e.findall("persons/person"):
                people.add(person_key({"guid": p.get("guid"), "id": p.get("id"), "code": p.get("code"), "name": (p.text or "").strip()}))
    return summary(items, people, zone or None)


def pretalx_widget(doc):
    tz = ZoneInfo(doc["timezone"])
    rooms = {r["id"]: r["name"] for r in doc["rooms"]}
    items = []
    for t in doc["talks"]:
        start = datetime.fromisoformat(t["start"].replace("Z", "+00:00")).astimezone(tz)
        end = datetime.fromisoformat(t["end"].replace("Z", "+00:00")).astimezone(tz) if t.get("end") else None
        title = t["title"] if isinstance(t["title"], str) else (t["title"].get("en") or next(iter(t["title"].values())))
        room = rooms.get(t.get("room"), {})
        room = room if isinstance(room, str) else (room.get("en") or next(iter(room.values()), None))
        items.append((title, start, end, room, start.date()))
    return summary(items, {s["code"] for s in doc["speakers"]}, doc["timezone"])


def sessionize(doc):
    rooms = {r["id"]: r["name"] for r in doc["rooms"]}
    items = []
    for s in doc["sessions"]:
        start = datetime.fromisoformat(s["startsAt"].replace("Z", "+00:00"))
        end = datetime.fromisoformat(s["endsAt"].replace("Z", "+00:00")) if s.get("endsAt") else None
        items.append((s["title"], start, end, rooms.get(s.get("roomId")), start.date()))
    return summary(items, {p["id"] for p in doc["speakers"]}, None)


def ical(text):
    cal = icalendar.Calendar.from_ical(text)
    zone = cal.get("X-WR-TIMEZONE")
    items, people = [], set()
    for ev in cal.walk("VEVENT"):
        def when(key):
            prop = ev.get(key)
            if prop is None:
                return None
            t = prop.dt
            if not isinstance(t, datetime):
                t = datetime(t.year, t.month, t.day)
            # TZID times are the wall clock of that zone: compared as written.
            if t.tzinfo is not None and t.utcoffset() != timedelta(0):
                t = t.replace(tzinfo=None)
            elif t.tzinfo is not None and "TZID" in prop.params:
                t = t.replace(tzinfo=None)
            return t
        start, end = when("DTSTART"), when("DTEND")
        if end is None and ev.get("DURATION") is not None:
            end = start + ev.get("DURATION").dt
        attendees = ev.get("ATTENDEE") or []
        attendees = attendees if isinstance(attendees, list) else [attendees]
        names = [a.params.get("CN") for a in attendees if a.params.get("CN")]
        if not names and ev.get("ORGANIZER") is not None and ev.get("ORGANIZER").params.get("CN"):
            names = [ev.get("ORGANIZER").params["CN"]]
        people.update(n.strip().lower() for n in names)
        items.append((str(ev.get("SUMMARY")), start, end, str(ev.get("LOCATION") or ""), start.date()))
    return summary(items, people, str(zone) if zone else None)


def read(path):
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    if path.endswith(".ics"):
        return ical(text)
    if path.endswith(".xml"):
        return frab_xml(ET.fromstring(text))
    doc = json.loads(text)
    if "schedule" in doc:
        return frab_json(doc)
    if "talks" in doc:
        return pretalx_widget(doc)
    return sessionize(doc)


if __name__ == "__main__":
    for path in sys.argv[1:]:
        print(json.dumps({"file": path, **read(path)}, ensure_ascii=False))
