use qrcode::{EcLevel, QrCode};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QrCodeViewProps {
    /// What the code holds (a link, a result code).
    pub text: AttrValue,
    /// Its accessible name: what the code is of.
    pub label: AttrValue,
}

/// A QR code drawn as one SVG path of dark modules, with the quiet zone the standard asks
/// for; it scales to any size (projected in a classroom, or on a phone).
#[function_component]
pub fn QrCodeView(props: &QrCodeViewProps) -> Html {
    let path = use_memo(props.text.clone(), |text| {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
        let width = code.width();
        let mut d = String::new();
        for (i, color) in code.to_colors().iter().enumerate() {
            if *color == qrcode::Color::Dark {
                d.push_str(&format!("M{} {}h1v1h-1z", i % width + 4, i / width + 4));
            }
        }
        Some((d, width + 8))
    });
    let Some((d, size)) = (*path).clone() else { return html! {} };
    html! {
        <svg class="qr" viewBox={format!("0 0 {size} {size}")} role="img" aria-label={props.label.clone()}
            shape-rendering="crispEdges">
            <rect width={size.to_string()} height={size.to_string()} fill="#fff" />
            <path {d} fill="#000" />
        </svg>
    }
}
