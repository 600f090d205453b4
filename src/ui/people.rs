//! The People section (the `speakers` section of the options): every person, how they
//! took part, and their programme items.

use super::rich::{links, rich};
use super::{country, heading, label, link_to, list, person_name, sep, text, SectionProps, Target};
use yew::prelude::*;

#[function_component]
pub fn People(props: &SectionProps) -> Html {
    let SectionProps { event, t, .. } = props;
    // Each person's programme items by their id, once per event (people are shown
    // grouped by part, not in `people` order).
    // Sorted by id, for a binary search.
    let items_of = use_memo(event.clone(), |event| {
        event
            .items_by_id()
            .into_iter()
            .map(|(id, items)| (id.to_owned(), items))
            .collect::<Vec<_>>()
    });
    if event.people.is_empty() {
        return html! { <p class="empty">{ t.no_speakers }</p> };
    }
    let person_view = |person: &crate::model::Person, level: u8| {
        let indices = items_of
            .binary_search_by(|(id, _)| id.as_str().cmp(&person.id))
            .map(|k| items_of[k].1.as_slice())
            .unwrap_or_default();
        let items: Vec<_> = indices
            .iter()
            .filter_map(|&i| event.program.get(i))
            .collect();
        let attendance = person.attendance.map(|a| {
            let class = match a {
                crate::model::Attendance::InPerson => "attendance attendance-in-person",
                crate::model::Attendance::Video => "attendance attendance-video",
            };
            (class, t.attendance(a))
        });
        html! {
            <li class="person" part="person" id={Target::Person(person.id.clone()).anchor()} tabindex="-1">
                { heading(level, "person-name", person_name(person, t)) }
                if !(person.role.is_empty() && person.organisation.is_empty()) {
                    <p class="role">
                        { text(&person.role, t) }
                        if !(person.organisation.is_empty() || person.role.is_empty()) {
                            { t.comma }
                        }
                        { text(&person.organisation, t) }
                    </p>
                }
                if person.country.is_some() || attendance.is_some() {
                    <p class="meta">
                        if let Some(code) = &person.country {
                            <span class="country">{ country(code, t) }</span>
                        }
                        if let (Some((class, said)), true) = (attendance, person.country.is_some()) {
                            { sep(" · ") }
                            <span class={class}>{ said }</span>
                        } else if let Some((class, said)) = attendance {
                            <span class={class}>{ said }</span>
                        }
                    </p>
                }
                if let (true, Some(avatar)) = (props.images, &person.avatar) {
                    <img class="avatar" part="avatar" src={avatar.clone()} alt="" loading="lazy" referrerpolicy="no-referrer" width="64" height="64" />
                }
                { rich(&person.bio, t, "bio") }
                { links(&person.links, t) }
                if !person.participation.is_empty() {
                    <p class="participation">{ text(&person.participation, t) }</p>
                }
                if !items.is_empty() {
                    <p class="takes-part">
                        { label(t, t.takes_part_in) }
                        { list(t, items.iter().map(|item| link_to(props, Target::Item(item.id.clone()), text(&item.title, t))).collect()) }
                    </p>
                }
            </li>
        }
    };
    let groups = event.all_people_by_part();
    // Grouped under their parts ("Speakers", "Guests") when the data gives any part.
    let grouped = groups.iter().any(|(part, _)| part.is_some());
    html! {
        <>
        <p class="count people-count muted">{ t.people_summary(event.people.len(), event.speaker_count()) }</p>
        if grouped {
            { for groups.iter().map(|(part, people)| html! {
                <section class="part-group">
                    { heading(props.level, "subhead part-label", html! { t.part_label(*part) }) }
                    <ul class="people">{ for people.iter().map(|p| person_view(p, props.level + 1)) }</ul>
                </section>
            }) }
        } else {
            <ul class="people">{ for event.people.iter().map(|p| person_view(p, props.level)) }</ul>
        }
        </>
    }
}
