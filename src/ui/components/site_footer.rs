use yew::prelude::*;

use crate::ui::route::Route;
use crate::ui::state::use_app;

#[function_component]
pub fn SiteFooter() -> Html {
    let m = use_app().messages();
    html! {
        <footer class="site-footer">
            <p>{ m.footer_privacy() }{ " " }<a href={Route::MyData.href()}>{ m.nav_my_data() }</a></p>
        </footer>
    }
}
