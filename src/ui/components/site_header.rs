use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::ui::browser;
use crate::ui::content::load_language;
use crate::ui::route::Route;
use crate::ui::state::use_interface;

/// Skip link, app name, main navigation with the current page marked, language switcher.
#[derive(Properties, PartialEq)]
pub struct SiteHeaderProps {
    /// The page shown, marked in the navigation.
    pub route: Route,
}

#[function_component]
pub fn SiteHeader(props: &SiteHeaderProps) -> Html {
    let app = use_interface();
    let m = app.messages();
    let onlanguage = {
        let dispatcher = app.dispatcher.clone();
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
        let current = props.route == to;
        html! {
            <li>
                <a href={to.href()} aria-current={current.then_some("page")}>{ text }</a>
            </li>
        }
    };
    html! {
        <header class="site-header">
            <a class="skip-link" href="#main" onclick={Callback::from(skip_to_main)}>{ m.skip_to_content() }</a>
            <a href={Route::Home.href()} class="brand">
                <span class="brand-mark" aria-hidden="true">{ "ك" }</span>
                { m.app_name() }
            </a>
            <nav aria-label={m.nav_label()}>
                <ul>
                    { link(Route::Home, m.nav_home()) }
                    { link(Route::Start, m.nav_new_quiz()) }
                    { link(Route::History, m.nav_history()) }
                    { link(Route::Guidance { id: None }, m.nav_guidance()) }
                    { link(Route::Classroom, m.nav_classroom()) }
                </ul>
            </nav>
            <p class="language">
                <label for="language">{ m.language_label() }</label>
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
