use yew::prelude::*;

use crate::engine::simulate::{PrecisionFile, PRECISION_FILE};
use crate::i18n::{fill, CareersMessages};
use crate::ui::components::content_status::ContentStatusView;
use crate::ui::content::fetch_text;
use crate::ui::hooks::{use_focus_on, use_messages, use_title};
use crate::ui::state::use_app;

/// The precision file as fetched: `None` while loading, `Some(None)` when it could not be
/// fetched or read.
type Fetched = Option<Option<PrecisionFile>>;

/// How often each mode shows the right level and how wide its band is, per domain, from the
/// simulation `examples/simulate.rs` writes (never typed by hand).
#[function_component]
pub fn AboutLevelsPage() -> Html {
    let app = use_app();
    let m = use_messages::<CareersMessages>();
    let heading = use_node_ref();
    use_title(m.about_title().to_string());
    use_focus_on(heading.clone(), ());
    let fetched = use_state(|| None as Fetched);
    {
        let fetched = fetched.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let file = fetch_text(PRECISION_FILE).await.ok().and_then(|text| PrecisionFile::parse(&text));
                fetched.set(Some(file));
            });
        });
    }
    let Some(content) = app.content().cloned() else {
        return html! { <ContentStatusView status={app.content.clone()} /> };
    };
    let settings = &content.settings;
    let lang = app.lang();
    let catalog = app.catalog;
    let percent =
        |x: f64| fill(m.about_percent(), &[("value", catalog.number((100.0 * x).round() as usize))]);
    // Levels are as wide as the distance between consecutive cuts (all equal in the shipped
    // settings); the band's width is shown in those units.
    let cuts: Vec<f64> = settings.levels.iter().filter_map(|l| l.from).collect();
    let level_width = match (cuts.first(), cuts.last()) {
        (Some(first), Some(last)) if cuts.len() > 1 => (last - first) / (cuts.len() - 1) as f64,
        _ => 1.0,
    };

    let body = match &*fetched {
        None => html! { <p class="muted" role="status">{ app.messages().loading_page() }</p> },
        Some(None) => html! { <p class="notice warning" role="alert">{ m.about_unavailable() }</p> },
        Some(Some(file)) => {
            let modes: Vec<_> =
                settings.modes.iter().filter_map(|mode| Some((mode, file.mode(&mode.id)?))).collect();
            let row = |label: String, cell: &dyn Fn(&crate::engine::simulate::Precision) -> String| {
                html! {
                    <tr>
                        <th scope="row">{ label }</th>
                        { for modes.iter().map(|(_, p)| html! { <td>{ cell(p) }</td> }) }
                    </tr>
                }
            };
            html! {
                <>
                    <p>{ fill(m.about_intro(), &[("n", catalog.number(file.learners_per_domain))]) }</p>
                    <div class="table-scroll">
                        <table class="about-levels">
                            <thead>
                                <tr>
                                    <th scope="col">{ m.about_measure() }</th>
                                    { for modes.iter().map(|(mode, _)| html! { <th scope="col">{ mode.title.get(lang) }</th> }) }
                                </tr>
                            </thead>
                            <tbody>
                                // A fixed length is one number, a range otherwise.
                                { row(m.about_items().to_string(), &|p| if p.items_min == p.items_max {
                                    catalog.number(p.items_min)
                                } else {
                                    fill(m.about_items_value(), &[
                                        ("min", catalog.number(p.items_min)),
                                        ("max", catalog.number(p.items_max)),
                                        ("mean", catalog.decimal(p.items_mean)),
                                    ])
                                }) }
                                { row(m.about_right().to_string(), &|p| percent(p.right_level)) }
                                { for settings.levels.iter().enumerate().map(|(i, level)| row(
                                    fill(m.about_right_level(), &[("level", level.title.get(lang).to_string())]),
                                    &move |p| p.right_by_level.get(i).copied().flatten().map_or_else(|| "–".to_string(), percent),
                                )) }
                                { row(fill(m.about_coverage(), &[("percent", settings.band.percent.to_string())]), &|p| percent(p.coverage)) }
                                { row(m.about_width().to_string(), &|p| catalog.decimal(p.band_width / level_width)) }
                                { row(m.about_settled().to_string(), &|p| percent(p.settled)) }
                                { row(m.about_retest().to_string(), &|p| percent(p.retest_repeat)) }
                            </tbody>
                        </table>
                    </div>
                    <p class="notice">{ m.about_caveat() }</p>
                </>
            }
        }
    };
    html! {
        <section class="about-levels-page">
            <h1 ref={heading} tabindex="-1">{ m.about_title() }</h1>
            { body }
        </section>
    }
}
