use yew::prelude::*;

use crate::ui::browser;

#[derive(Properties, PartialEq)]
pub struct DownloadButtonProps {
    pub label: AttrValue,
    /// The file's name and MIME type.
    pub name: AttrValue,
    pub mime: &'static str,
    /// Makes the file's text: called on click only, so a class's CSV or a session key is
    /// neither computed on every render nor left in the page.
    pub make: Callback<(), String>,
    #[prop_or_default]
    pub class: Classes,
}

/// A button that saves a file made on this device when clicked (see `browser::download`).
#[function_component]
pub fn DownloadButton(props: &DownloadButtonProps) -> Html {
    let onclick = {
        let (name, mime, make) = (props.name.clone(), props.mime, props.make.clone());
        Callback::from(move |_: MouseEvent| {
            browser::download(&name, mime, &make.emit(()));
        })
    };
    html! {
        <button type="button" class={props.class.clone()} {onclick}>{ props.label.clone() }</button>
    }
}
