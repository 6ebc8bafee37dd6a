use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::ui::browser;
use crate::ui::content::load_language;
use crate::ui::route::Route;
use crate::ui::state::use_app;

/// Skip link, app name and main navigation, with the current page marked.
#[function_component]
pub fn SiteHeader() -> Html {
    let app = use_app();
    let m = app.messages();
    let route = use_route::<Route>();
    let onlanguage = {
        let dispatcher = app.dispatcher();
        let languages = app.languages.clone();
        Callback::from(move |e: Event| {
            let code = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(language) = languages.iter().find(|l| l.code == code) {
                browser::save_language(&language.code);
                load_language(dispatcher.clone(), language.clone());
            }
        })
    };
    let current = app.lang();
    let link = |to: Route, text: &'static str| {
        let current = route.as_ref() == Some(&to);
        html! {
            <li>
                <Link<Route> {to}>
                    <span aria-current={current.then_some("page")}>{ text }</span>
                </Link<Route>>
            </li>
        }
    };
    html! {
        <header class="site-header">
            <a class="skip-link" href="#main" onclick={Callback::from(skip_to_main)}>{ m.skip_to_content }</a>
            <Link<Route> to={Route::Home} classes="brand">
                <span class="brand-mark" aria-hidden="true">{ "ك" }</span>
                { m.app_name }
            </Link<Route>>
            <nav aria-label={m.nav_label}>
                <ul>
                    { link(Route::Home, m.nav_home) }
                    { link(Route::Start, m.nav_new_quiz) }
                    { link(Route::History, m.nav_history) }
                </ul>
            </nav>
            <p class="language">
                <label for="language">{ m.language_label }</label>
                <select id="language" onchange={onlanguage}>
                    { for app.languages.iter().map(|l| html! {
                        <option value={l.code.clone()} lang={l.code.clone()} selected={l.code == current}>{ &l.name }</option>
                    }) }
                </select>
            </p>
        </header>
    }
}

/// The hash router owns the fragment, so the skip link moves focus itself instead of
/// navigating to `#main`.
fn skip_to_main(e: MouseEvent) {
    e.prevent_default();
    if let Some(main) = gloo::utils::document().get_element_by_id("main") {
        if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
            let _ = main.focus();
        }
    }
}
