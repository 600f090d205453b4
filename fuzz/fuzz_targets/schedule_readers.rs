//! Arbitrary text to every schedule reader (the format picked by content, as in the
//! widget): no panic, and whatever converts is a valid event file for the widget.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for prefix in ["", "<schedule>", "BEGIN:VCALENDAR\r\n"] {
        let text = format!("{prefix}{text}");
        if let Ok(read) = schedule_readers::read(&text, &Default::default()) {
            let json = serde_json::to_string(&read.event).expect("serialises");
            if let Err(e) = forum_widget::model::parse_event(&json) {
                panic!("converted file refused: {e}\n{json}");
            }
        }
    }
});
