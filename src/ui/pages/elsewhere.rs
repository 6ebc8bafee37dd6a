use yew::prelude::*;

use crate::ui::route::{replace, Route};
use crate::ui::state::use_app;

#[derive(Properties, PartialEq)]
pub struct ElsewherePageProps {
    pub route: Route,
}

/// A route of another document (an old link, or one typed by hand): the browser is sent
/// there in place of this entry, so "back" skips it.
#[function_component]
pub fn ElsewherePage(props: &ElsewherePageProps) -> Html {
    let m = use_app().messages();
    use_effect_with(props.route.clone(), replace);
    html! { <p aria-busy="true">{ m.loading_page() }</p> }
}
