//! The error state: what failed, where, and the field path, announced politely.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorBoxProps {
    pub title: AttrValue,
    pub message: AttrValue,
}

#[function_component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    html! {
        <div class="error" role="status" aria-live="polite" part="error">
            <p class="error-title"><strong>{ props.title.clone() }</strong></p>
            <p class="error-message">{ props.message.clone() }</p>
        </div>
    }
}
