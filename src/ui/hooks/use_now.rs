//! The current time: the host's fixed clock (`now` option), or the browser's, read again
//! every half minute so that "now" and "under way" follow the clock.

use yew::prelude::*;

#[hook]
pub fn use_now(fixed: Option<f64>) -> f64 {
    let tick = use_state(js_sys::Date::now);
    {
        let tick = tick.clone();
        use_effect_with(fixed.is_some(), move |fixed| {
            let timer = (!fixed).then(|| {
                gloo::timers::callback::Interval::new(30_000, move || tick.set(js_sys::Date::now()))
            });
            move || drop(timer)
        });
    }
    fixed.unwrap_or(*tick)
}
