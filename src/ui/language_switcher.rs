//! A native `<select>` of the interface languages, each named in its own language.

use crate::i18n::{strings_for, Strings, LANGUAGES};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LanguageSwitcherProps {
    pub current: &'static Strings,
    pub on_pick: Callback<&'static Strings>,
}

#[function_component]
pub fn LanguageSwitcher(props: &LanguageSwitcherProps) -> Html {
    let onchange = props.on_pick.reform(|e: yew::Event| {
        let value = e
            .target_dyn_into::<web_sys::HtmlSelectElement>()
            .map(|select| select.value())
            .unwrap_or_default();
        strings_for(&value)
    });
    html! {
        <label class="lang-switch" part="language">
            <span class="lang-label">{ props.current.language }</span>
            <select {onchange}>
                { for LANGUAGES.into_iter().map(|s| html! {
                    <option value={s.tag} lang={s.tag} selected={s.tag == props.current.tag}>{ s.name }</option>
                }) }
            </select>
        </label>
    }
}
