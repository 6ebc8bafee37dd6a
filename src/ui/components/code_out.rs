use yew::prelude::*;

use crate::i18n::ClassroomMessages;
use crate::ui::components::copy_button::CopyButton;
use crate::ui::components::download_button::DownloadButton;
use crate::ui::components::qr_code::QrCodeView;
use crate::ui::hooks::use_messages;

#[derive(Properties, PartialEq)]
pub struct CodeOutProps {
    /// The sealed code.
    pub code: AttrValue,
    /// The file name it downloads as.
    pub file: AttrValue,
    /// The text area's id (a page may show more than one code).
    #[prop_or(AttrValue::Static("result-code"))]
    pub id: AttrValue,
}

/// A sealed code in every form it can travel: text to copy, a file and a QR code.
#[function_component]
pub fn CodeOut(props: &CodeOutProps) -> Html {
    let c = use_messages::<ClassroomMessages>();
    let code = props.code.to_string();
    html! {
        <>
            <p>
                <label for={props.id.clone()}>{ c.code_text() }</label>
                <textarea id={props.id.clone()} class="code-text" readonly=true rows="6" dir="ltr" spellcheck="false" value={code.clone()} />
            </p>
            <p class="actions">
                <CopyButton text={code.clone()} primary=true />
                <DownloadButton label={c.code_download()} name={props.file.to_string()} mime="text/plain" make={{ let code = code.clone(); Callback::from(move |()| code.clone()) }} />
            </p>
            <div class="qr-box"><QrCodeView text={code} label={c.code_qr()} /></div>
        </>
    }
}

/// A file name for a code, from the name it carries: letters and digits only.
pub fn code_file(prefix: &str, label: &str) -> String {
    format!("{prefix}-{}.txt", label.chars().filter(|c| c.is_alphanumeric()).take(30).collect::<String>())
}
