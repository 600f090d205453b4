//! Interface strings, one file per language. A `Strings` struct (not a map) makes a
//! missing key a compile error; `fill` puts values into `{}` placeholders.

mod bs;
mod en;
mod ka;
mod pl;
pub mod plural;
mod sr;
mod zh;

use crate::model::text::primary_subtag;
use crate::model::{Attendance, Date, Part, ProgramKind};
pub use plural::Plural;

/// Every interface string the widget shows.
pub struct Strings {
    /// BCP 47 tag used for `lang` attributes.
    pub tag: &'static str,
    /// Locale given to `Intl` for dates, times and names (e.g. `en-GB`, `sr-Latn`).
    pub intl: &'static str,
    /// The language's own name, for the language switcher.
    pub name: &'static str,
    pub widget_label: &'static str,
    pub language: &'static str,
    pub tabs_label: &'static str,
    pub tab_summary: &'static str,
    pub tab_people: &'static str,
    pub tab_programme: &'static str,
    pub loading: &'static str,
    pub status_upcoming: &'static str,
    pub status_under_way: &'static str,
    pub status_took_place: &'static str,
    pub edition: &'static str,
    pub date: &'static str,
    pub time_zone: &'static str,
    /// Names of links that have no title of their own.
    pub link_page: &'static str,
    pub link_slides: &'static str,
    pub link_recording: &'static str,
    pub link_other: &'static str,
    /// "Track", before an item's track.
    pub track: &'static str,
    /// The zone's name when the data gives none: "the event's local time".
    pub local_zone: &'static str,
    pub venue: &'static str,
    pub theme: &'static str,
    pub hosts: &'static str,
    pub supporters: &'static str,
    pub organisers: &'static str,
    pub partners: &'static str,
    pub figures: &'static str,
    pub notes: &'static str,
    pub sources: &'static str,
    pub published: &'static str,
    pub time_not_published: &'static str,
    pub in_person: &'static str,
    pub by_video: &'static str,
    pub takes_part_in: &'static str,
    /// Label for the people who spoke (gave a speech, in person or by video).
    pub speakers: &'static str,
    /// Label for the people who attended without speaking, beside `speakers`.
    pub guests: &'static str,
    pub no_speakers: &'static str,
    pub no_program: &'static str,
    pub kind_ceremony: &'static str,
    pub kind_keynote: &'static str,
    pub kind_talk: &'static str,
    pub kind_panel: &'static str,
    pub kind_workshop: &'static str,
    pub kind_exhibition: &'static str,
    pub kind_meeting: &'static str,
    pub kind_break: &'static str,
    pub kind_other: &'static str,
    pub error_title: &'static str,
    pub error_http: &'static str,
    pub error_network: &'static str,
    pub error_invalid: &'static str,
    /// The notice after an internal error (a panic stops the wasm instance), which the
    /// loader shows: `scripts/dist.mjs` writes this and `error_title` into it.
    pub error_internal: &'static str,
    pub error_timeout: &'static str,
    pub error_too_large: &'static str,
    pub error_type: &'static str,
    pub add_to_calendar: &'static str,
    pub calendar_file: &'static str,
    pub search: &'static str,
    pub filter_day: &'static str,
    pub filter_kind: &'static str,
    pub filter_room: &'static str,
    pub filter_all: &'static str,
    pub shown_of: &'static str,
    pub show_more: &'static str,
    pub no_match: &'static str,
    /// The programme's layout switch and its three choices.
    #[cfg(feature = "schedule")]
    pub layout: &'static str,
    #[cfg(feature = "schedule")]
    pub layout_timetable: &'static str,
    #[cfg(feature = "schedule")]
    pub layout_grouped: &'static str,
    #[cfg(feature = "schedule")]
    pub layout_list: &'static str,
    /// The programme's filters that use the reader's stars and clock.
    #[cfg(feature = "schedule")]
    pub starred_only: &'static str,
    #[cfg(feature = "schedule")]
    pub hide_past: &'static str,
    /// A star's accessible name, `{}` the item's title.
    #[cfg(feature = "schedule")]
    pub star: &'static str,
    /// The timetable's line at the current time, and items under way.
    #[cfg(feature = "schedule")]
    pub now: &'static str,
    #[cfg(feature = "schedule")]
    pub under_way: &'static str,
    #[cfg(feature = "schedule")]
    pub jump_to_now: &'static str,
    /// The timetable's room pages: first, last and how many rooms.
    #[cfg(feature = "schedule")]
    pub rooms_shown: &'static str,
    /// The timetable's room picker.
    #[cfg(feature = "schedule")]
    pub choose_rooms: &'static str,
    #[cfg(feature = "schedule")]
    pub rooms_previous: &'static str,
    #[cfg(feature = "schedule")]
    pub rooms_next: &'static str,
    /// The item detail's way back.
    #[cfg(feature = "schedule")]
    pub back: &'static str,
    /// The timetable's time column.
    #[cfg(feature = "schedule")]
    pub time: &'static str,
    /// Calendar files of the items shown, and of the starred ones; the share link.
    #[cfg(feature = "schedule")]
    pub calendar_shown: &'static str,
    #[cfg(feature = "schedule")]
    pub calendar_starred: &'static str,
    #[cfg(feature = "schedule")]
    pub share_starred: &'static str,
    pub local_time: &'static str,
    /// After a label: ": " in most languages, the full-width "：" in Chinese.
    pub colon: &'static str,
    /// Between clauses or an item and its addition: ", " / "，".
    pub comma: &'static str,
    /// Between the items of a list where the browser's `Intl.ListFormat` cannot be
    /// used (calendar files) or lacks the language: ", " / "、".
    pub list_separator: &'static str,
    /// Around an aside: " (" and ")" / "（" and "）".
    pub open_bracket: &'static str,
    pub close_bracket: &'static str,
    /// Says that a linked page is in Chinese, e.g. "in Chinese"; not shown to readers
    /// of Chinese.
    pub in_chinese: &'static str,
    /// Whether an address reads from the country down (Chinese: 中国河北省沧州市…) rather
    /// than from the venue up.
    pub venue_large_to_small: bool,
    /// Between the parts of an address: ", ", or nothing in Chinese.
    pub venue_separator: &'static str,
    /// The people who spoke: "3 speakers".
    pub speaker_count: Plural,
    /// Everyone in the people view, speakers or not: "5 people".
    pub people_count: Plural,
    /// Joins a `people_count` and a `speaker_count` text: "{} people, {} speakers" is
    /// `{}, {}` in English, `{}，其中{}` in Chinese.
    pub people_and_speakers: &'static str,
    pub item_count: Plural,
    /// Month names as they stand in `date_pattern`, for browsers without this
    /// language's date data (e.g. some Chromium builds lack Georgian).
    pub months: [&'static str; 12],
    /// Country names by ISO code, for browsers whose `Intl` lacks this language's region
    /// names (Debian's Chromium has no Georgian, and answers Bosnian in English): the
    /// built-in forum's countries.
    pub countries: [(&'static str, &'static str); 5],
    /// A long date with `{d}`, `{m}` and `{y}`, e.g. `{d} {m} {y}`.
    pub date_pattern: &'static str,
    /// "in 3 days", for browsers without this language's relative-time data.
    pub in_days: Plural,
}

/// Interface languages, in the order they are offered.
pub const LANGUAGES: [&Strings; 6] = [
    &en::STRINGS,
    &zh::STRINGS,
    &sr::STRINGS,
    &pl::STRINGS,
    &bs::STRINGS,
    &ka::STRINGS,
];

/// The strings for the first candidate language the widget has (`zh-CN` → Chinese);
/// English when none.
pub fn choose<'a>(candidates: impl IntoIterator<Item = &'a str>) -> &'static Strings {
    candidates
        .into_iter()
        .find_map(|tag| {
            let primary = primary_subtag(tag);
            LANGUAGES
                .into_iter()
                .find(|s| primary_subtag(s.tag).eq_ignore_ascii_case(primary))
        })
        .unwrap_or(&en::STRINGS)
}

/// The strings for one language tag: `choose([tag])`.
pub fn strings_for(tag: &str) -> &'static Strings {
    choose([tag])
}

/// Replaces each `{}` in `template` with the next value.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut values = values.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        out.push_str(values.next().copied().unwrap_or(""));
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

/// Each language has exactly one `Strings`, so its tag identifies it.
impl PartialEq for Strings {
    fn eq(&self, other: &Self) -> bool {
        self.tag == other.tag
    }
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag)
    }
}

impl Strings {
    /// The country's name from `countries`, if listed.
    pub fn country(&self, code: &str) -> Option<&'static str> {
        self.countries
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(code))
            .map(|(_, name)| *name)
    }

    /// "5 speakers", "2 prelegentów", … following the language's plural rules.
    pub fn count(&self, plural: &Plural, n: usize) -> String {
        let n = n as u64;
        fill(
            plural.form(plural::category(primary_subtag(self.tag), n)),
            &[&n.to_string()],
        )
    }

    /// "5 people, 3 speakers"; just "5 people" when no one is known to have spoken.
    pub fn people_summary(&self, people: usize, speakers: usize) -> String {
        let people = self.count(&self.people_count, people);
        if speakers == 0 {
            return people;
        }
        fill(
            self.people_and_speakers,
            &[&people, &self.count(&self.speaker_count, speakers)],
        )
    }

    /// The label for the people with this part: "Speakers" or "Guests".
    pub fn part(&self, part: Part) -> &'static str {
        match part {
            Part::Speaker => self.speakers,
            Part::Attendee => self.guests,
        }
    }

    /// The label for a group of people: their part's, or the People section's name
    /// (true of anyone in it) when the data does not give their part.
    pub fn part_label(&self, part: Option<Part>) -> &'static str {
        part.map_or(self.tab_people, |p| self.part(p))
    }

    /// `text` in this language's brackets: " (text)" / "（text）".
    pub fn bracketed(&self, text: &str) -> String {
        format!("{}{text}{}", self.open_bracket, self.close_bracket)
    }

    /// `main` with an aside: "main (aside)", or "main, aside" when the aside has
    /// brackets of its own, so that no brackets stand inside brackets.
    pub fn with_aside(&self, main: &str, aside: &str) -> String {
        let has_brackets = aside.contains(['(', ')', '（', '）']);
        if has_brackets {
            format!("{main}{}{aside}", self.comma)
        } else {
            format!("{main}{}", self.bracketed(aside))
        }
    }

    /// `items` joined with `list_separator`, for text without the browser's list rules.
    pub fn plain_list(&self, items: &[&str]) -> String {
        items.join(self.list_separator)
    }

    /// The literals of a list of `n` items: before the first, between each two, after
    /// the last (`n + 1` of them), with `list_separator` between items.
    pub fn list_literals(&self, n: usize) -> Vec<String> {
        (0..=n)
            .map(|i| {
                if i == 0 || i == n {
                    String::new()
                } else {
                    self.list_separator.to_owned()
                }
            })
            .collect()
    }

    /// A long date written from `months` and `date_pattern`.
    pub fn long_date(&self, date: Date) -> String {
        let month = self.months[usize::from(date.month.clamp(1, 12)) - 1];
        self.date_pattern
            .replace("{d}", &date.day.to_string())
            .replace("{m}", month)
            .replace("{y}", &date.year.to_string())
    }

    pub fn kind(&self, kind: ProgramKind) -> &'static str {
        match kind {
            ProgramKind::Ceremony => self.kind_ceremony,
            ProgramKind::Keynote => self.kind_keynote,
            ProgramKind::Talk => self.kind_talk,
            ProgramKind::Panel => self.kind_panel,
            ProgramKind::Workshop => self.kind_workshop,
            ProgramKind::Exhibition => self.kind_exhibition,
            ProgramKind::Meeting => self.kind_meeting,
            ProgramKind::Break => self.kind_break,
            ProgramKind::Other => self.kind_other,
        }
    }

    pub fn attendance(&self, attendance: Attendance) -> &'static str {
        match attendance {
            Attendance::InPerson => self.in_person,
            Attendance::Video => self.by_video,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chooses_language_by_primary_subtag() {
        assert_eq!(strings_for("zh-Hans-CN").tag, "zh");
        assert_eq!(strings_for("ZH").tag, "zh");
        assert_eq!(strings_for("en-GB").tag, "en");
        assert_eq!(strings_for("xx").tag, "en");
    }

    #[test]
    fn first_supported_candidate_wins() {
        assert_eq!(choose(["de", "pl-PL", "en"]).tag, "pl");
        assert_eq!(choose(["sr-Latn-RS"]).tag, "sr-Latn");
        assert_eq!(choose(["sr"]).tag, "sr-Latn");
        assert_eq!(strings_for("SR-latn").tag, "sr-Latn");
        assert_eq!(choose(["", "de"]).tag, "en");
        assert_eq!(choose([]).tag, "en");
    }

    #[test]
    fn serbian_counts_follow_serbian_plural_rules() {
        let sr = strings_for("sr-Latn");
        assert_eq!(sr.tag, "sr-Latn");
        // Serbian has a "few" form for 2–4; the tag's script subtag must not hide
        // the rules (an unknown tag would give "other" for every number).
        assert_eq!(
            sr.count(&sr.speaker_count, 3),
            fill(sr.speaker_count.few, &["3"])
        );
        assert_eq!(
            sr.count(&sr.speaker_count, 21),
            fill(sr.speaker_count.one, &["21"])
        );
    }

    #[test]
    fn long_dates_follow_each_language_pattern() {
        let day = Date::new(2023, 11, 13).unwrap();
        let written: Vec<String> = LANGUAGES.iter().map(|s| s.long_date(day)).collect();
        assert_eq!(
            written,
            [
                "13 November 2023",
                "2023年11月13日",
                "13. novembar 2023.",
                "13 listopada 2023",
                "13. novembar 2023.",
                "13 ნოემბერი, 2023"
            ]
        );
    }

    #[test]
    fn fill_replaces_placeholders_in_order() {
        assert_eq!(
            fill("{} returned HTTP {}", &["a.json", "404"]),
            "a.json returned HTTP 404"
        );
        assert_eq!(fill("no placeholders", &["x"]), "no placeholders");
        assert_eq!(fill("{} and {}", &["one"]), "one and ");
    }

    #[test]
    fn every_string_has_as_many_placeholders_in_each_language() {
        let count = |s: &str| s.matches("{}").count();
        let en = &en::STRINGS;
        for other in LANGUAGES {
            for (a, b) in [
                (en.status_upcoming, other.status_upcoming),
                (en.status_took_place, other.status_took_place),
                (en.error_http, other.error_http),
                (en.error_network, other.error_network),
                (en.error_invalid, other.error_invalid),
                (en.error_internal, other.error_internal),
            ] {
                assert_eq!(count(a), count(b), "{} vs {}: {b}", en.tag, other.tag);
            }
        }
    }
}
