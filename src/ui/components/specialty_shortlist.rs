use std::rc::Rc;

use yew::prelude::*;

use crate::engine::sorted::SortedMap;
use crate::i18n::{CareersMessages, ClassroomMessages};

use crate::engine::attempt::Attempt;
use crate::engine::cat::estimates;
use crate::engine::content::Content;
use crate::engine::guidance::{GuidanceData, Profile};
use crate::i18n::fill;
use crate::ui::components::content_status::ContentStatusView;
use crate::ui::content::load_guidance;
use crate::ui::hooks::use_messages;
use crate::ui::state::{use_app, ContentStatus};

/// How many specialties the shortlist names.
const SHOWN: usize = 3;

#[derive(Properties, PartialEq)]
pub struct SpecialtyShortlistProps {
    pub attempt: Rc<Attempt>,
    pub content: Rc<Content>,
    /// The learner's answers to the interest questions, when they sent them.
    #[prop_or_default]
    pub interests: Rc<SortedMap<String, i8>>,
}

/// The specialties that best fit a student's measured levels and, when the learner sent
/// them, interests (neutral otherwise, and said so), each with its match, gaps and demand:
/// what a counselor talks through.
#[function_component]
pub fn SpecialtyShortlist(props: &SpecialtyShortlistProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let g = use_messages::<CareersMessages>();
    let c = use_messages::<ClassroomMessages>();
    let data = use_state(|| None::<Result<Rc<GuidanceData>, ContentStatus>>);
    {
        let (data, content, local) = (data.clone(), props.content.clone(), app.stored.guidance_file.clone());
        use_effect_with(local.clone(), move |_| {
            load_guidance(content, local, Callback::from(move |result| data.set(Some(result))));
        });
    }
    let data = match &*data {
        Some(Ok(data)) => data.clone(),
        Some(Err(status)) => return html! { <ContentStatusView status={status.clone()} /> },
        None => return html! { <ContentStatusView status={ContentStatus::Loading} /> },
    };
    let (content, guidance) = (&props.content, &data.guidance);
    let settings = &content.settings;
    let profile: Profile =
        estimates(&content.bank, &props.attempt).into_iter().map(|d| (d.domain, d.estimate)).collect();
    let interest = data.interests.scores(&props.interests);
    let domain = |id: &str| content.index.entry(id).map_or(id.to_string(), |e| e.title.get(lang).to_string());
    let level = |i: usize| settings.levels.get(i).map(|l| l.title.get(lang).to_string()).unwrap_or_default();
    html! {
        <section class="shortlist">
            <h2>{ c.counselor_recommendations() }</h2>
            <p class="muted">{ if props.interests.is_empty() { c.counselor_interests_none() } else { c.counselor_interests_sent() } }</p>
            <ol>
                { for guidance.rank(settings, &profile, &interest, guidance.weights).into_iter().take(SHOWN).map(|r| {
                    let tier = guidance.demand_tiers.iter().find(|t| t.id == r.specialty.demand.tier);
                    html! {
                        <li>
                            <strong>{ r.specialty.title.get(lang) }</strong>{ " · " }
                            { fill(g.guidance_match(), &[("percent", ((r.score * 100.0).round() as i32).to_string())]) }{ " · " }
                            { tier.map(|t| t.title.get(lang).to_string()).unwrap_or_default() }
                            if !r.gaps.is_empty() {
                                <ul>
                                    { for r.gaps.iter().map(|gap| html! {
                                        <li>{ fill(g.guidance_gap(), &[("domain", domain(&gap.domain)), ("have", gap.have.map(level).unwrap_or_default()), ("need", level(gap.need))]) }</li>
                                    }) }
                                </ul>
                            }
                            if !r.unmeasured.is_empty() {
                                <p class="unmeasured">{ fill(g.guidance_unmeasured(), &[("domains", r.unmeasured.iter().map(|d| domain(d)).collect::<Vec<_>>().join(", "))]) }</p>
                            }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
