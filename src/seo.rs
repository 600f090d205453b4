//! The event's JSON-LD in the host page's own `<head>` (search engines may not read
//! inside a shadow root): one `<script type="application/ld+json">` per event however
//! many widgets show it, removed when the last of them goes.

use std::cell::RefCell;
use web_sys::Element;

struct Block {
    event_id: String,
    /// Host elements of the widgets showing the event.
    owners: Vec<Element>,
    script: Element,
}

thread_local! {
    static PUBLISHED: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

/// Adds the JSON-LD for `event_id` to `<head>` unless another widget already did.
pub fn publish(event_id: &str, owner: &Element, json: impl FnOnce() -> String) {
    let shared = PUBLISHED.with(|p| {
        let mut p = p.borrow_mut();
        let block = p.iter_mut().find(|b| b.event_id == event_id)?;
        if !block.owners.contains(owner) {
            block.owners.push(owner.clone());
        }
        Some(())
    });
    if shared.is_some() {
        return;
    }
    let insert = || -> Option<Element> {
        let document = web_sys::window()?.document()?;
        let script = document.create_element("script").ok()?;
        script.set_attribute("type", "application/ld+json").ok()?;
        script.set_attribute("data-forum-widget", event_id).ok()?;
        // Text, never HTML: the JSON writer also escapes `<`, so `</script>` cannot occur.
        script.set_text_content(Some(&json()));
        document.head()?.append_child(&script).ok()?;
        Some(script)
    };
    if let Some(script) = insert() {
        PUBLISHED.with(|p| {
            p.borrow_mut().push(Block {
                event_id: event_id.to_owned(),
                owners: vec![owner.clone()],
                script,
            })
        });
    }
}

/// Withdraws `owner`'s share of `event_id` (of every event when `None`), removing
/// blocks no widget shows any more.
pub fn withdraw(owner: &Element, event_id: Option<&str>) {
    PUBLISHED.with(|p| {
        p.borrow_mut().retain_mut(|block| {
            if event_id.is_none_or(|id| id == block.event_id) {
                block.owners.retain(|o| o != owner);
            }
            let keep = !block.owners.is_empty();
            if !keep {
                block.script.remove();
            }
            keep
        })
    });
}
