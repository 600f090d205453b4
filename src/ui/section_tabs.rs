//! The sections as tabs, following the WAI-ARIA tabs pattern: roving tabindex, arrow keys,
//! Home/End, automatic activation.

use crate::options::Section;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SectionTabsProps {
    pub tabs: Vec<(Section, &'static str)>,
    pub selected: Section,
    pub label: &'static str,
    pub on_select: Callback<Section>,
}

pub fn tab_id(section: Section) -> String {
    format!("fw-tab-{}", section.key())
}

pub fn panel_id(section: Section) -> String {
    format!("fw-panel-{}", section.key())
}

#[function_component]
pub fn SectionTabs(props: &SectionTabsProps) -> Html {
    let refs = use_memo(props.tabs.len(), |n| {
        (0..*n).map(|_| NodeRef::default()).collect::<Vec<_>>()
    });
    let index = props
        .tabs
        .iter()
        .position(|(t, _)| *t == props.selected)
        .unwrap_or(0);

    let onkeydown = {
        let (tabs, refs, on_select) = (props.tabs.clone(), refs.clone(), props.on_select.clone());
        Callback::from(move |e: KeyboardEvent| {
            let last = tabs.len().saturating_sub(1);
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => {
                    if index >= last {
                        0
                    } else {
                        index + 1
                    }
                }
                "ArrowLeft" | "ArrowUp" => {
                    if index == 0 {
                        last
                    } else {
                        index - 1
                    }
                }
                "Home" => 0,
                "End" => last,
                _ => return,
            };
            e.prevent_default();
            if let Some(button) = refs
                .get(next)
                .and_then(|r| r.cast::<web_sys::HtmlElement>())
            {
                let _ = button.focus();
            }
            if let Some((tab, _)) = tabs.get(next) {
                on_select.emit(*tab);
            }
        })
    };

    html! {
        <div class="tabs" role="tablist" aria-label={props.label} {onkeydown} part="tabs">
            { for props.tabs.iter().zip(refs.iter()).map(|((tab, label), node)| {
                let selected = *tab == props.selected;
                let onclick = props.on_select.reform({ let tab = *tab; move |_| tab });
                html! {
                    <button type="button" role="tab" class="tab"
                        id={tab_id(*tab)}
                        aria-controls={panel_id(*tab)}
                        aria-selected={if selected { "true" } else { "false" }}
                        tabindex={if selected { "0" } else { "-1" }}
                        ref={node.clone()} {onclick} part="tab">
                        { *label }
                    </button>
                }
            }) }
        </div>
    }
}
