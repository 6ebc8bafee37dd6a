use yew::prelude::*;

use crate::i18n::ClassroomMessages;
use crate::ui::browser;
use crate::ui::hooks::use_messages;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// What the button puts on the clipboard (a session link, a result code).
    pub text: AttrValue,
    /// Whether it is the page's main action.
    #[prop_or_default]
    pub primary: bool,
}

/// "Copy", and a status that says when the text is on the clipboard: screen readers hear it,
/// and nothing is claimed where the browser refused.
#[function_component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let c = use_messages::<ClassroomMessages>();
    let copied = use_state(|| false);
    let oncopy = {
        let (text, copied) = (props.text.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let (text, copied) = (text.clone(), copied.clone());
            wasm_bindgen_futures::spawn_local(async move { copied.set(browser::copy(&text).await) });
        })
    };
    html! {
        <>
            <button type="button" class={classes!(props.primary.then_some("primary"))} onclick={oncopy}>{ c.session_copy() }</button>
            <span role="status" class="muted">{ if *copied { c.session_copied() } else { "" } }</span>
        </>
    }
}
