//! The event's JSON-LD in the host page's own `<head>` (search engines may not read
//! inside a shadow root): one `<script type="application/ld+json">` per event however
//! many widgets show it, removed when the last of them goes. Each widget runs in its own
//! wasm instance, so the count of widgets sharing a block lives on the block itself.
//! The block is in the language of the first of those widgets in document order,
//! whichever of them renders first (their instances start in parallel).

use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node};

const OWNERS: &str = "data-forum-widget-owners";
/// The property of the block that holds the host element whose text it carries.
const WRITER: &str = "__forumWidgetWriter";

/// Whether `owner` should write the block's text: no live writer yet, the writer itself
/// (its language changed), or a widget before the writer in document order.
fn writes(script: &Element, owner: &Element) -> bool {
    let writer = js_sys::Reflect::get(script, &JsValue::from_str(WRITER))
        .ok()
        .and_then(|w| w.dyn_into::<Element>().ok())
        .filter(|w| w.is_connected());
    match writer {
        None => true,
        Some(writer) => {
            writer == *owner
                || owner.compare_document_position(&writer) & Node::DOCUMENT_POSITION_FOLLOWING != 0
        }
    }
}

fn write(script: &Element, owner: &Element, json: String) {
    // Text, never HTML: the JSON writer also escapes `<`, so `</script>` cannot occur.
    script.set_text_content(Some(&json));
    let _ = js_sys::Reflect::set(script, &JsValue::from_str(WRITER), owner);
}

struct Block {
    event_id: String,
    /// Host elements in this instance showing the event.
    owners: Vec<Element>,
    script: Element,
}

thread_local! {
    static PUBLISHED: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

fn shares(script: &Element) -> u32 {
    script
        .get_attribute(OWNERS)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The page's block for `event_id`, if another instance made it.
fn find(head: &Element, event_id: &str) -> Option<Element> {
    let children = head.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .find(|e| e.get_attribute("data-forum-widget").as_deref() == Some(event_id))
}

/// Adds `owner`'s share of the JSON-LD for `event_id` to `<head>`: the block is made
/// by the first widget of the event to render, and written in the language of the first
/// in document order.
pub fn publish(event_id: &str, owner: &Element, json: impl FnOnce() -> String) {
    let known = PUBLISHED.with(|p| {
        let mut p = p.borrow_mut();
        let block = p.iter_mut().find(|b| b.event_id == event_id)?;
        if !block.owners.contains(owner) {
            block.owners.push(owner.clone());
        }
        Some(())
    });
    if known.is_some() {
        return;
    }
    let share = || -> Option<Element> {
        let document = web_sys::window()?.document()?;
        let head: Element = document.head()?.into();
        let script = match find(&head, event_id) {
            Some(script) => script,
            None => {
                let script = document.create_element("script").ok()?;
                script.set_attribute("type", "application/ld+json").ok()?;
                script.set_attribute("data-forum-widget", event_id).ok()?;
                head.append_child(&script).ok()?;
                script
            }
        };
        if writes(&script, owner) {
            write(&script, owner, json());
        }
        script
            .set_attribute(OWNERS, &(shares(&script) + 1).to_string())
            .ok()?;
        Some(script)
    };
    if let Some(script) = share() {
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
            if !block.owners.is_empty() {
                return true;
            }
            match shares(&block.script) {
                0 | 1 => block.script.remove(),
                n => {
                    let _ = block.script.set_attribute(OWNERS, &(n - 1).to_string());
                }
            }
            false
        })
    });
}
