"""Independent reader of the real schedules, used by readers/tests/realdata.rs.

Written from the format documentation in ../shared/realdata (FORMATS.md, the SOURCES.md
files, the c3voc schemas), not from the Rust readers. Python 3.11, the standard library
and the pinned `icalendar`.

    schedule_summary.py FILE...

prints one JSON object per file, one per line:

    {"file", "items", "people", "rooms", "days", "time_zone", "first", "last"}

with `first`/`last` = {"title", "start", "end"}. Definitions:

- items: every programme entry (frab: every event of every room of every day; pretalx
  widget: every entry of `talks`, breaks included; Sessionize: every entry of `sessions`;
  iCalendar: every VEVENT).
- people: frab: distinct persons (by guid, else id, else code, else name); pretalx widget
  and Sessionize: the entries of `speakers`; iCalendar: distinct ATTENDEE CN values (an
  event without any: its ORGANIZER CN).
- rooms: distinct non-empty room names among the items.
- days: distinct conference days among the items: frab: the date of the <day> an event is
  listed under; others: the calendar date of the start on the wall clock it is written in
  (pretalx widget: in the event's zone).
- first / last: the item with the earliest start (ties: the first in the file) / the
  latest start (ties: the last in the file). Times are UTC `YYYY-MM-DDTHH:MM:SSZ` when the
  data gives an offset, else the wall clock `YYYY-MM-DDTHH:MM:SS` (iCalendar TZID= times
  are taken as wall clock too). Titles trimmed; language maps: `en`, else the first.
- time_zone: the zone name the data gives, else null; also null when the name is one
  Python resolves and the items' local offsets contradict it (not one start with a
  non-zero offset has that zone's offset at its instant).
"""

import json
import sys
import xml.etree.ElementTree as ET
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import icalendar


class Item:
    def __init__(self, title, start, end, room, day):
        self.title = (localised(title) or "").strip()
        self.start = start  # datetime, with tzinfo when the data gives an offset
        self.end = end  # datetime or None
        self.room = room  # str or None
        self.day = day  # date


# ---------------------------------------------------------------- common helpers


def parse_datetime(text):
    """An ISO 8601 date-time, `Z` or `+01:00` or no offset; None for anything else
    (a bare date included)."""
    if not text or "T" not in text:
        return None
    return datetime.fromisoformat(text.strip())


def in_utc(t):
    """The string the summary shows for a time."""
    if t is None:
        return None
    if t.tzinfo is not None:
        return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return t.strftime("%Y-%m-%dT%H:%M:%S")


def instant(t):
    """For ordering: the UTC instant when the offset is known, else the wall clock."""
    if t.tzinfo is not None:
        return t.astimezone(timezone.utc).replace(tzinfo=None)
    return t


def localised(value):
    """A plain string, or a language map {"en": ..., "es": ...}: `en`, else the first."""
    if isinstance(value, dict):
        if value.get("en"):
            return value["en"]
        for text in value.values():
            return text
        return None
    return value


def zone_name(name, items):
    """The zone the data names, unless the times contradict it: when items carry local
    offsets and not one of them is that zone's offset at its instant (pretalx DemoCon
    says `UTC` while every time is `+01:00`), the offsets win and no zone is named.
    Times in UTC (`Z`, `+00:00`) say nothing about the zone (pretalx breaks)."""
    name = (name or "").strip()
    if not name:
        return None
    try:
        zone = ZoneInfo(name)
    except (ValueError, KeyError):  # a name Python cannot resolve: kept as given
        return name
    offsets = [item.start for item in items if item.start.utcoffset()]
    if offsets and all(t.utcoffset() != t.astimezone(zone).utcoffset() for t in offsets):
        return None
    return name


def summary(items, people, time_zone):
    first = None
    last = None
    for item in items:
        if first is None or instant(item.start) < instant(first.start):
            first = item
        if last is None or instant(item.start) >= instant(last.start):
            last = item
    rooms = {item.room.strip() for item in items if item.room and item.room.strip()}

    def show(item):
        if item is None:
            return None
        return {"title": item.title, "start": in_utc(item.start), "end": in_utc(item.end)}

    return {
        "items": len(items),
        "people": people,
        "rooms": len(rooms),
        "days": len({item.day for item in items}),
        "time_zone": zone_name(time_zone, items),
        "first": show(first),
        "last": show(last),
    }


# ---------------------------------------------------------------- frab (JSON and XML)
#
# Both have the same model: days, each with a date and start/end date-times, holding
# rooms, holding events. An event has `date` (a date-time with offset), the deprecated
# `start` "HH:MM" and `duration` "H:MM"/"HH:MM"/"HH:MM:SS" (hours may exceed 23), and
# optionally `end`.


def frab_duration(text):
    parts = [int(p) for p in text.strip().split(":")]
    hours, minutes, seconds = (parts + [0, 0])[:3]
    return timedelta(hours=hours, minutes=minutes, seconds=seconds)


def hh_mm(text):
    hours, minutes = text.strip().split(":")[:2]
    return time(int(hours), int(minutes))


class FrabEvent:
    """An event as read from the file, before the times are worked out."""

    def __init__(self, title, date_time, start, duration, end, room, day_date, day_start):
        self.title = title or ""
        self.date_time = parse_datetime(date_time)
        self.start = start
        self.duration = duration
        self.end = parse_datetime(end)
        self.room = room
        self.day_date = date.fromisoformat(day_date)
        self.day_start = parse_datetime(day_start)


def frab_items(events):
    # The offset of events given without a full date-time: the one most events carry.
    offsets = {}
    for e in events:
        if e.date_time is not None and e.date_time.tzinfo is not None:
            key = e.date_time.utcoffset()
            offsets[key] = offsets.get(key, 0) + 1
    offset = None
    if offsets:
        offset = timezone(max(offsets, key=lambda k: offsets[k]))

    items = []
    for e in events:
        if e.date_time is not None:
            start = e.date_time
        else:
            day = e.day_date
            at = hh_mm(e.start)
            if e.day_start is not None:
                day_start = e.day_start
                if offset is not None and day_start.tzinfo is not None:
                    day_start = day_start.astimezone(offset)
                # The conference day runs past midnight: an earlier time is the next date.
                if at < day_start.time().replace(second=0, microsecond=0):
                    day = day + timedelta(days=1)
            start = datetime.combine(day, at, tzinfo=offset)
        if e.end is not None:
            end = e.end
        elif e.duration:
            end = start + frab_duration(e.duration)
        else:
            end = None
        items.append(Item(e.title, start, end, e.room, e.day_date))
    return items


def frab_person_key(guid, id_, code, name):
    for kind, value in (("guid", guid), ("id", id_), ("code", code), ("name", name)):
        if value is not None and str(value).strip() != "":
            return (kind, str(value).strip())
    return None


def frab_json(doc):
    conference = doc["schedule"]["conference"]
    events = []
    people = set()
    for day in conference["days"]:
        for room_name, room_events in day["rooms"].items():
            for e in room_events:
                events.append(
                    FrabEvent(
                        title=e.get("title"),
                        date_time=e.get("date"),
                        start=e.get("start"),
                        duration=e.get("duration"),
                        end=e.get("end"),
                        room=e.get("room") or room_name,
                        day_date=day["date"],
                        day_start=day.get("day_start"),
                    )
                )
                for p in e.get("persons") or []:
                    name = p.get("name") or p.get("public_name") or p.get("full_public_name")
                    key = frab_person_key(p.get("guid"), p.get("id"), p.get("code"), name)
                    if key is not None:
                        people.add(key)
    return summary(frab_items(events), len(people), conference.get("time_zone_name"))


def frab_xml(root):
    conference = root.find("conference")
    time_zone = None
    if conference is not None:
        time_zone = (conference.findtext("time_zone_name") or "").strip()
    events = []
    people = set()
    for day in root.findall("day"):
        # Pentabarf/frab: day > room > event; old Pentabarf: day > event, no room wrapper.
        listed = [(room.get("name"), e) for room in day.findall("room") for e in room.findall("event")]
        listed += [(None, e) for e in day.findall("event")]
        for room_name, e in listed:
            # Only the event's own children: hub links carry a nested <title> and <type>.
            events.append(
                FrabEvent(
                    title=e.findtext("title"),
                    date_time=e.findtext("date"),
                    start=e.findtext("start"),
                    duration=e.findtext("duration"),
                    end=e.findtext("end"),
                    room=(e.findtext("room") or "").strip() or room_name,
                    day_date=day.get("date"),
                    day_start=day.get("start"),
                )
            )
            for p in e.findall("persons/person"):
                key = frab_person_key(p.get("guid"), p.get("id"), p.get("code"), p.text)
                if key is not None:
                    people.add(key)
    return summary(frab_items(events), len(people), time_zone)


# ---------------------------------------------------------------- pretalx widget
#
# {"talks": [...], "timezone", "rooms": [{id, name: i18n}], "speakers": [...], ...}.
# Talk and break `start`/`end` are ISO with an offset (breaks: start in UTC `Z`).


def pretalx_widget(doc):
    zone = ZoneInfo(doc["timezone"])
    rooms = {room["id"]: localised(room.get("name")) for room in doc.get("rooms") or []}
    items = []
    for talk in doc["talks"]:
        start = parse_datetime(talk["start"])
        end = parse_datetime(talk.get("end"))
        local_start = start.astimezone(zone)
        items.append(Item(localised(talk["title"]), start, end, rooms.get(talk.get("room")), local_start.date()))
    return summary(items, len(doc.get("speakers") or []), doc["timezone"])


# ---------------------------------------------------------------- Sessionize "All"
#
# {"sessions": [...], "speakers": [...], "rooms": [{id, name}], ...}; `startsAt`/`endsAt`
# are local wall clock without offset, or UTC with `Z`. No zone anywhere.


def sessionize(doc):
    rooms = {room["id"]: room.get("name") for room in doc.get("rooms") or []}
    items = []
    for session in doc["sessions"]:
        start = parse_datetime(session["startsAt"])
        end = parse_datetime(session.get("endsAt"))
        items.append(Item(session.get("title") or "", start, end, rooms.get(session.get("roomId")), start.date()))
    return summary(items, len(doc.get("speakers") or []), None)


# ---------------------------------------------------------------- iCalendar


def ical_time(event, name):
    """DTSTART/DTEND: `Z` times keep UTC; floating and TZID= times are wall clock."""
    prop = event.get(name)
    if prop is None:
        return None
    value = prop.dt
    if not isinstance(value, datetime):  # an all-day DATE
        return datetime.combine(value, time(0, 0))
    if "TZID" in prop.params:
        return value.replace(tzinfo=None)
    return value


def as_list(value):
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


def ical(text):
    calendar = icalendar.Calendar.from_ical(text)
    time_zone = calendar.get("X-WR-TIMEZONE")
    items = []
    people = set()
    for event in calendar.walk("VEVENT"):
        start = ical_time(event, "DTSTART")
        end = ical_time(event, "DTEND")
        if end is None and event.get("DURATION") is not None:
            end = start + event.get("DURATION").dt
        names = [str(a.params.get("CN", "")).strip() for a in as_list(event.get("ATTENDEE"))]
        names = [n for n in names if n]
        if not names:
            names = [str(o.params.get("CN", "")).strip() for o in as_list(event.get("ORGANIZER"))]
            names = [n for n in names if n]
        people.update(names)
        location = event.get("LOCATION")
        items.append(Item(str(event.get("SUMMARY") or ""), start, end, str(location) if location else None, start.date()))
    return summary(items, len(people), str(time_zone).strip() if time_zone else None)


# ---------------------------------------------------------------- dispatch


def read(path):
    with open(path, encoding="utf-8-sig") as f:  # utf-8-sig: a BOM is dropped
        text = f.read()
    start = text.lstrip()
    if start.startswith("BEGIN:VCALENDAR"):
        return ical(text)
    if start.startswith("<"):
        return frab_xml(ET.fromstring(text.encode("utf-8")))
    doc = json.loads(text)
    if isinstance(doc.get("schedule"), dict) and "conference" in doc["schedule"]:
        return frab_json(doc)
    if "talks" in doc and "timezone" in doc:
        return pretalx_widget(doc)
    if "sessions" in doc and "speakers" in doc:
        return sessionize(doc)
    raise SystemExit(f"{path}: not a format this reader knows")


def relative_name(path):
    """The path under the realdata folder (`frab-json/36c3.frab.json`), else as given."""
    marker = "/realdata/"
    if marker in path:
        return path[path.rindex(marker) + len(marker):]
    return path


if __name__ == "__main__":
    for path in sys.argv[1:]:
        print(json.dumps({"file": relative_name(path), **read(path)}, ensure_ascii=False))
