use yew::prelude::*;

use crate::ui::state::use_interface;

#[derive(Properties, PartialEq)]
pub struct ConfirmDangerProps {
    /// The button that asks first.
    pub label: AttrValue,
    /// What will be lost, shown with the buttons that confirm or cancel.
    pub warning: AttrValue,
    /// The button that does it.
    pub yes: AttrValue,
    pub onconfirm: Callback<()>,
}

/// An action that cannot be undone (deleting a session, removing a key), done only after a
/// second, explicit click; cancelling leaves everything as it was.
#[function_component]
pub fn ConfirmDanger(props: &ConfirmDangerProps) -> Html {
    let m = use_interface().messages();
    let confirming = use_state(|| false);
    let set = |value: bool| {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(value))
    };
    let onyes = {
        let (confirming, onconfirm) = (confirming.clone(), props.onconfirm.clone());
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            onconfirm.emit(());
        })
    };
    html! {
        <p class="actions danger-zone">
            if *confirming {
                <span class="notice warning" role="alert">{ &props.warning }</span>
                <button type="button" class="primary danger" onclick={onyes}>{ &props.yes }</button>
                <button type="button" onclick={set(false)}>{ m.cancel() }</button>
            } else {
                <button type="button" class="danger" onclick={set(true)}>{ &props.label }</button>
            }
        </p>
    }
}
