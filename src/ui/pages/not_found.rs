use yew::prelude::*;

use crate::ui::hooks::{use_focus_on, use_title};
use crate::ui::route::Route;
use crate::ui::state::use_app;

#[function_component]
pub fn NotFoundPage() -> Html {
    let m = use_app().messages();
    let heading = use_node_ref();
    use_title(m.not_found_title().to_string());
    use_focus_on(heading.clone(), ());
    html! {
        <section>
            <h1 ref={heading} tabindex="-1">{ m.not_found_title() }</h1>
            <p>{ m.not_found_body() }</p>
            <a href={Route::Home.href()} class="button">{ m.nav_home() }</a>
        </section>
    }
}
