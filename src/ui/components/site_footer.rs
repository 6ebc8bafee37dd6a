use yew::prelude::*;

use crate::ui::route::Route;
use crate::ui::state::use_interface;

#[function_component]
pub fn SiteFooter() -> Html {
    let m = use_interface().messages();
    html! {
        <footer class="site-footer">
            <p>{ m.footer_privacy() }{ " " }<a href={Route::MyData.href()}>{ m.nav_my_data() }</a></p>
        </footer>
    }
}
