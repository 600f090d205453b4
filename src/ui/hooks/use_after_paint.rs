//! Content drawn in two steps: what fills the first screen at once, the rest right after
//! the browser has painted that (a day of a conference's timetable is thousands of
//! elements, most of them below the schedule's scroll box).

use super::after_paint::after_paint;
use yew::prelude::*;

/// Whether everything of the view named `key` may be drawn: `false` on its first render,
/// `true` from the render that follows the next paint. A new key starts again.
#[hook]
pub fn use_after_paint<K: PartialEq + Clone + 'static>(key: K) -> bool {
    let drawn = use_state_eq(|| None::<K>);
    let done = drawn.as_ref() == Some(&key);
    {
        let drawn = drawn.clone();
        use_effect_with((key, done), move |(key, done)| {
            // A key that has changed by then is not marked drawn.
            let key = key.clone();
            let later = (!done).then(|| after_paint(move || drawn.set(Some(key))));
            move || drop(later)
        });
    }
    done
}
