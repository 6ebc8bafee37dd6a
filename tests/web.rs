//! Component tests in headless Chromium (wasm-bindgen-test): real DOM, real events, real
//! localStorage.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use kafaa::engine::attempt::{Answer, Attempt, Plan};
use kafaa::engine::bank::{Bank, Question};
use kafaa::engine::content::Content;
use kafaa::engine::sorted::SortedSet;
use kafaa::engine::store::{self, Stored};
use kafaa::ui::app::provide;
use kafaa::ui::components::content_status::BankProblems;
use kafaa::ui::components::question_view::QuestionView;
use kafaa::ui::pages::quiz::QuizPage;
use kafaa::ui::state::{use_app, use_interface, Action, AppContext, AppState, ContentStatus};
use kafaa::ui::storage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const INDEX: &str = include_str!("../static/content/index.json");
const SETTINGS: &str = include_str!("../static/content/assessment.json");
const PROGRAMMING: &str = include_str!("../static/content/domains/programming.json");
const WEB: &str = include_str!("../static/content/domains/web.json");
const BROKEN: &str = include_str!("fixtures/broken-domain.json");

/// The shipped index and settings with two domains loaded.
fn content() -> Rc<Content> {
    let content = Content::parse(INDEX, SETTINGS).expect("shipped content is valid");
    let content = content.with_domain("programming", PROGRAMMING).expect("valid domain");
    Rc::new(content.with_domain("web", WEB).expect("valid domain"))
}

fn bank() -> Bank {
    content().bank.clone()
}

/// The first item of a type, e.g. `single_choice`.
fn first(kind: &str) -> kafaa::engine::bank::Item {
    let bank = bank();
    bank.items
        .iter()
        .find(|i| kafaa::engine::report::type_name(&i.question) == kind)
        .cloned()
        .expect("the type is present")
}

fn state(content: Rc<Content>, current: Option<Attempt>) -> AppState {
    let mut stored = Stored::new();
    stored.current = current;
    let catalog: &'static kafaa::i18n::Catalog = Box::leak(Box::new(kafaa::i18n::english().unwrap()));
    let languages = kafaa::i18n::languages("l.json", kafaa::i18n::LANGUAGES).unwrap();
    let mut s = AppState::new(catalog, Rc::new(languages), stored, vec![], Some(kafaa::ui::state::edit));
    s.content = ContentStatus::Ready(content);
    s
}

#[derive(Properties, PartialEq)]
struct HarnessProps {
    state: AppState,
    #[prop_or_default]
    children: Html,
}

/// Provides the app context, as `App` does, without fetching or saving.
#[function_component]
fn Harness(props: &HarnessProps) -> Html {
    let initial = props.state.clone();
    let state = use_reducer(move || initial);
    provide(state, props.children.clone())
}

async fn mount(state: AppState, children: Html) -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Harness>::with_root_and_props(root.clone(), HarnessProps { state, children }).render();
    yew::scheduler::flush().await;
    root
}

fn query(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn click(el: &Element) {
    el.clone().dyn_into::<HtmlElement>().unwrap().click();
}

/// Every answer a component emitted, in order.
type Log = Rc<RefCell<Vec<Option<Answer>>>>;

fn recorder() -> (Log, Callback<Option<Answer>>) {
    let log = Rc::new(RefCell::new(Vec::new()));
    let sink = log.clone();
    (log, Callback::from(move |a| sink.borrow_mut().push(a)))
}

#[wasm_bindgen_test]
async fn single_choice_is_a_labelled_radio_group_that_reports_the_choice() {
    let item = first("single_choice");
    let (log, onanswer) = recorder();
    let root = mount(
        state(content(), None),
        html! { <QuestionView item={item.clone()} answer={None} {onanswer} /> },
    )
    .await;

    let legend = query(&root, "fieldset.question > legend")[0].text_content().unwrap();
    assert_eq!(legend, item.stem.get("en"));
    let radios = query(&root, "input[type=radio]");
    assert_eq!(radios.len(), item.question.options().len());
    for radio in &radios {
        // Each input sits inside its own label: the whole option is the click target.
        assert_eq!(radio.closest("label").unwrap().unwrap().tag_name(), "LABEL");
    }
    click(&radios[1]);
    let expected = Answer::Choice(item.question.options()[1].id.clone());
    assert_eq!(*log.borrow(), vec![Some(expected)]);
    root.remove();
}

#[wasm_bindgen_test]
async fn multiple_select_toggles_options_and_clears_to_no_answer() {
    let item = first("multiple_select");
    let (log, onanswer) = recorder();
    let first = item.question.options()[0].id.clone();
    let third = item.question.options()[2].id.clone();
    let answer = Some(Answer::Choices(SortedSet::from([first.clone()])));
    let root = mount(state(content(), None), html! { <QuestionView {item} {answer} {onanswer} /> }).await;

    let boxes = query(&root, "input[type=checkbox]");
    assert!(boxes[0].clone().dyn_into::<HtmlInputElement>().unwrap().checked());
    click(&boxes[2]);
    click(&boxes[0]);
    assert_eq!(*log.borrow(), vec![Some(Answer::Choices(SortedSet::from([first, third]))), None]);
    root.remove();
}

#[wasm_bindgen_test]
async fn broken_bank_problems_are_listed_per_item_with_field_and_fault() {
    let loaded = content();
    let problems =
        kafaa::engine::bank::DomainFile::parse(&loaded.index, loaded.index.entry("web").unwrap(), BROKEN)
            .unwrap_err();
    let root = mount(state(content(), None), html! { <BankProblems {problems} /> }).await;
    let entries: Vec<String> =
        query(&root, ".bank-problems > ul > li").iter().map(|e| e.text_content().unwrap()).collect();
    assert_eq!(entries.len(), 3);
    assert!(entries[0].contains("Item web-02"));
    assert!(entries[0].contains("items[1].answer: names option \"z\", which does not exist"));
    assert!(entries[2].contains("Item web-04"));
    root.remove();
}

/// A plan for a new attempt on the shipped settings.
fn plan<'a>(
    content: &'a Content,
    mode: &'a kafaa::engine::assessment::Mode,
    domains: &'a [String],
    certainty: bool,
    seed: u64,
) -> Plan<'a> {
    Plan { mode, settings: &content.settings, domains, certainty, seed, now: 0.0, avoid: vec![] }
}

#[wasm_bindgen_test]
async fn the_full_assessment_says_where_a_sitting_may_end_and_shows_progress_by_domain() {
    let content = content();
    let domains = vec!["programming".to_string(), "web".to_string()];
    let mode = content.settings.mode("full").unwrap();
    let mut attempt = Attempt::start(&content.bank, &plan(&content, mode, &domains, false, 5)).unwrap();
    // Answer until the first question of the second domain is on screen.
    while content.bank.item(attempt.current_item_id()).unwrap().domain == "programming" {
        let item = content.bank.item(attempt.current_item_id()).unwrap();
        attempt.answer(Some(kafaa::engine::score::key(&item.question)));
        assert!(attempt.advance(&content.bank, &content.settings));
    }
    let n = attempt.current + 1;
    let root = mount(state(content.clone(), Some(attempt)), html! { <QuizPage /> }).await;
    let heading = query(&root, "h1")[0].clone();
    assert_eq!(heading.text_content().unwrap(), format!("Question {n}"));
    assert_eq!(gloo::utils::document().active_element().unwrap(), heading);
    let progress = query(&root, ".domain-progress")[0].text_content().unwrap();
    assert_eq!(progress, "Programming fundamentals: finished · Web development: in progress");
    let notice = query(&root, ".notice.sitting")[0].text_content().unwrap();
    assert!(
        notice.starts_with("Programming fundamentals: finished. Web development starts here."),
        "{notice}"
    );
    assert!(notice.ends_with("Stop for now"), "{notice}");
    root.remove();
}

#[wasm_bindgen_test]
async fn quiz_resumes_at_the_stored_question_and_moves_focus_on_next() {
    let content = content();
    let domains = vec!["programming".to_string(), "web".to_string()];
    let mode = content.settings.mode("fixed").unwrap();
    let plan = plan(&content, mode, &domains, false, 42);
    let mut attempt = Attempt::start(&content.bank, &plan).unwrap();
    // A question answered with inputs (choices or true/false), after the first.
    let at = (1..attempt.items.len())
        .find(|&i| {
            let question = &content.bank.item(&attempt.items[i]).unwrap().question;
            !matches!(question, Question::Ordering { .. } | Question::Matching { .. })
        })
        .unwrap();
    attempt.go_to(at);
    let key = kafaa::engine::score::key(&content.bank.item(attempt.current_item_id()).unwrap().question);
    attempt.answer(Some(key.clone()));
    let root = mount(state(content.clone(), Some(attempt.clone())), html! { <QuizPage /> }).await;

    let heading = query(&root, "h1")[0].clone();
    assert_eq!(heading.text_content().unwrap(), format!("Question {} of 24", at + 1));
    let active = gloo::utils::document().active_element().unwrap();
    assert_eq!(active, heading, "focus is on the question heading");
    let checked = query(&root, "input:checked");
    assert_eq!(
        checked.len(),
        match key {
            Answer::Choices(set) => set.len(),
            _ => 1,
        }
    );

    click(&query(&root, "button[type=submit]")[0]);
    yew::scheduler::flush().await;
    let heading = query(&root, "h1")[0].clone();
    assert_eq!(heading.text_content().unwrap(), format!("Question {} of 24", at + 2));
    assert_eq!(gloo::utils::document().active_element().unwrap(), heading);
    assert!(query(&root, "input:checked").is_empty());
    root.remove();
}

thread_local! {
    /// Renders of [`Leaf`] and [`Whole`], and the app state as `Whole` last saw it.
    static RENDERS: RefCell<(u32, u32)> = const { RefCell::new((0, 0)) };
    static APP: RefCell<Option<AppContext>> = const { RefCell::new(None) };
}

/// A component that reads only the interface language.
#[function_component]
fn Leaf() -> Html {
    RENDERS.with(|r| r.borrow_mut().0 += 1);
    let ui = use_interface();
    html! { <p class="leaf">{ ui.messages().nav_history() }</p> }
}

/// A component that reads the app state.
#[function_component]
fn Whole() -> Html {
    RENDERS.with(|r| r.borrow_mut().1 += 1);
    let app = use_app();
    APP.with(|a| *a.borrow_mut() = Some(app));
    html! {}
}

/// The interface language is a context of its own: answering re-renders what reads the app
/// state, not what reads only the language; switching language re-renders both.
#[wasm_bindgen_test]
async fn a_component_that_reads_only_the_language_does_not_render_again_on_an_answer() {
    let content = content();
    let mode = content.settings.mode("fixed").unwrap();
    let attempt =
        Attempt::start(&content.bank, &plan(&content, mode, &["web".to_string()], false, 3)).unwrap();
    let root = mount(state(content.clone(), Some(attempt.clone())), html! { <><Leaf /><Whole /></> }).await;
    let renders = || RENDERS.with(|r| *r.borrow());
    let dispatch = |action| APP.with(|a| a.borrow().as_ref().unwrap().dispatch(action));
    let (leaf, whole) = renders();
    let item = content.bank.item(&attempt.items[0]).unwrap();
    let answer = match &item.question {
        Question::TrueFalse { answer } => Answer::Bool(*answer),
        q => Answer::Choice(q.options()[0].id.clone()),
    };
    dispatch(Action::Answer(Some(answer)));
    yew::scheduler::flush().await;
    assert_eq!(renders(), (leaf, whole + 1), "the answer re-renders the state's reader only");

    let languages = kafaa::i18n::languages("l.json", kafaa::i18n::LANGUAGES).unwrap();
    let fr = languages.into_iter().find(|l| l.code == "fr").unwrap();
    let catalog = kafaa::i18n::Catalog::parse(fr, include_str!("../static/i18n/fr.json")).unwrap();
    dispatch(Action::Language(Ok(Box::leak(Box::new(catalog)))));
    yew::scheduler::flush().await;
    assert_eq!(renders().0, leaf + 1, "a new language re-renders it");
    assert_eq!(query(&root, "p.leaf")[0].text_content().unwrap(), "Historique");
    root.remove();
}

#[wasm_bindgen_test]
fn storage_round_trips_and_sets_aside_what_it_cannot_read() {
    let content = content();
    let domains = ["web".to_string()];
    let mode = content.settings.mode("quick").unwrap();
    let plan = plan(&content, mode, &domains, true, 7);
    let mut stored = Stored::new();
    stored.current = Some(Attempt::start(&content.bank, &plan).unwrap());
    assert_eq!(storage::save(&stored), Some(true));
    assert_eq!(storage::save(&stored), None, "nothing changed, nothing written");
    let loaded = storage::load();
    assert_eq!(loaded.stored, stored);
    assert!(loaded.set_aside.is_empty());

    let local = gloo::utils::window().local_storage().unwrap().unwrap();
    local.set_item(store::HEAD, "[1, 2").unwrap();
    let loaded = storage::load();
    assert_eq!(loaded.stored, Stored::new());
    assert_eq!(loaded.set_aside.len(), 1);
    let kept: Vec<String> = (0..local.length().unwrap())
        .filter_map(|i| local.key(i).ok().flatten())
        .filter(|k| k.starts_with(storage::SET_ASIDE_PREFIX))
        .filter_map(|k| local.get_item(&k).ok().flatten())
        .collect();
    assert!(kept.contains(&"[1, 2".to_string()));
    local.clear().unwrap();
}

#[wasm_bindgen_test]
async fn adaptive_quiz_with_certainty_needs_both_before_choosing_the_next_item() {
    let content = content();
    let domains = ["programming".to_string()];
    let mode = content.settings.mode("quick").unwrap();
    let plan = plan(&content, mode, &domains, true, 11);
    let attempt = Attempt::start(&content.bank, &plan).unwrap();
    let first = attempt.items[0].clone();
    let root = mount(state(content.clone(), Some(attempt)), html! { <QuizPage /> }).await;

    assert_eq!(query(&root, "h1")[0].text_content().unwrap(), "Question 1");
    assert!(query(&root, "button").iter().all(|b| b.text_content().unwrap() != "Previous"), "no going back");
    let submit = query(&root, "button[type=submit]")[0].clone();
    click(&submit);
    yew::scheduler::flush().await;
    assert_eq!(query(&root, "h1")[0].text_content().unwrap(), "Question 1", "blocked without an answer");
    assert_eq!(query(&root, "#next-hint")[0].text_content().unwrap(), "Choose an answer to go on.");

    click(&query(&root, "fieldset.question input")[0]);
    yew::scheduler::flush().await;
    assert_eq!(query(&root, "#next-hint")[0].text_content().unwrap(), "Say how sure you are to go on.");
    let certainty = query(&root, "fieldset.certainty input[type=radio]");
    assert_eq!(certainty.len(), 3);
    click(&certainty[2]);
    yew::scheduler::flush().await;
    assert!(query(&root, "#next-hint").is_empty());

    click(&query(&root, "button[type=submit]")[0]);
    yew::scheduler::flush().await;
    assert_eq!(query(&root, "h1")[0].text_content().unwrap(), "Question 2");
    let now_showing = query(&root, "fieldset.question")[0].get_attribute("data-item").unwrap();
    assert_ne!(now_showing, first, "a new item was selected");
    root.remove();
}

#[wasm_bindgen_test]
async fn ordering_moves_items_with_buttons_and_keeps_focus_on_the_moved_one() {
    let item = first("ordering");
    let options = item.question.options().to_vec();
    let (log, onanswer) = recorder();
    let root = mount(
        state(content(), None),
        html! { <QuestionView item={item.clone()} answer={None} {onanswer} /> },
    )
    .await;
    let rows = query(&root, "ol.ordering li");
    assert_eq!(rows.len(), options.len());
    // The first item cannot move up; moving it down swaps it with the second.
    let first_up = query(&root, "ol.ordering li button")[0].clone();
    assert!(first_up.has_attribute("disabled"));
    click(&query(&root, "ol.ordering li button")[1]);
    yew::scheduler::flush().await;
    let mut expected: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
    expected.swap(0, 1);
    assert_eq!(*log.borrow(), vec![Some(Answer::Order(expected))]);
    root.remove();
}

#[wasm_bindgen_test]
async fn matching_uses_labelled_selects_and_reports_pairs() {
    let item = first("matching");
    let (log, onanswer) = recorder();
    let root = mount(
        state(content(), None),
        html! { <QuestionView item={item.clone()} answer={None} {onanswer} /> },
    )
    .await;
    let selects = query(&root, "select");
    assert_eq!(selects.len(), item.question.options().len());
    for select in &selects {
        let id = select.id();
        assert_eq!(query(&root, &format!("label[for='{id}']")).len(), 1, "every select has a label");
    }
    let select = selects[0].clone().dyn_into::<web_sys::HtmlSelectElement>().unwrap();
    select.set_selected_index(1);
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    let entry = log.borrow().last().cloned().flatten();
    assert!(matches!(entry, Some(Answer::Pairs(p)) if p.len() == 1));
    root.remove();
}

#[wasm_bindgen_test]
async fn radar_labels_run_outwards_and_each_series_has_a_point_per_domain() {
    use kafaa::ui::components::radar_chart::RadarChart;
    let labels: Vec<String> = ["Top", "Right", "Left"].iter().map(|s| s.to_string()).collect();
    let root = mount(
        state(content(), None),
        html! {
            <RadarChart {labels} you={vec![1.5, 2.5, 0.5]} target={vec![2.5, 2.5, 1.5]} rings={4}
                title="Data analyst" you_label="You" target_label="Target" />
        },
    )
    .await;
    let anchors: Vec<(String, String)> = query(&root, "svg text")
        .iter()
        .map(|t| (t.text_content().unwrap(), t.get_attribute("text-anchor").unwrap()))
        .collect();
    assert_eq!(
        anchors,
        [("Top".into(), "middle".into()), ("Right".into(), "start".into()), ("Left".into(), "end".into())]
    );
    for series in ["you", "target"] {
        let points = query(&root, &format!("polygon.{series}"))[0].get_attribute("points").unwrap();
        assert_eq!(points.split(' ').count(), 3, "{series}");
    }
    assert_eq!(query(&root, "polygon.ring").len(), 4);
    assert_eq!(query(&root, "svg")[0].get_attribute("aria-hidden").as_deref(), Some("true"));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_interest_questionnaire_saves_each_answer_and_counts_them() {
    use kafaa::engine::content::Checks;
    use kafaa::engine::guidance::GuidanceData;
    use kafaa::ui::components::interest_form::InterestForm;
    let content = content();
    let domains: Vec<String> = content.index.domains.iter().map(|d| d.id.clone()).collect();
    let checks =
        Checks { domains: &domains, languages: &content.index.languages, settings: &content.settings };
    let data = GuidanceData::build(
        include_str!("../static/guidance/guidance.json"),
        include_str!("../static/guidance/interests.json"),
        None,
        &checks,
    )
    .expect("shipped guidance is valid");
    let total = data.interests.items.len();
    let first = data.interests.items[0].id.clone();
    let root =
        mount(state(content, None), html! { <InterestForm interests={data.interests.clone()} /> }).await;
    let summary = || query(&root, "details.interests summary")[0].text_content().unwrap();
    assert!(summary().contains(&format!("0 of {total} answered")));
    click(&query(&root, &format!("[id=\"interest-{first}-1\"]"))[0]);
    yew::scheduler::flush().await;
    assert!(summary().contains(&format!("1 of {total} answered")));
    let like = query(&root, &format!("[id=\"interest-{first}-1\"]"))[0].clone();
    assert!(like.dyn_into::<HtmlInputElement>().unwrap().checked());
    root.remove();
}

/// In Arabic, a text that starts with a Latin term still reads right to left: the term is
/// isolated in a `<bdi>` and sits at the right edge, where an Arabic reader starts.
#[wasm_bindgen_test]
async fn arabic_texts_that_start_with_a_latin_term_start_at_the_right_edge() {
    use kafaa::engine::bank::Question;
    let mut item = first("single_choice");
    item.stem.0.insert("ar".into(), "GET يقرأ فقط، وPUT يضع المورد في الحالة نفسها".into());
    if let Question::SingleChoice { options, .. } = &mut item.question {
        options[0].text.0.insert("ar".into(), "XSS منعكس (Reflected XSS)؛ ترميز المخرجات".into());
    }
    let languages = kafaa::i18n::languages("l.json", kafaa::i18n::LANGUAGES).unwrap();
    let arabic = languages.into_iter().find(|l| l.code == "ar").unwrap();
    let catalog = kafaa::i18n::Catalog::parse(arabic, include_str!("../static/i18n/ar.json")).unwrap();
    let mut state = state(content(), None);
    state.catalog = Box::leak(Box::new(catalog));
    let root =
        mount(state, html! { <QuestionView item={item} answer={None} onanswer={Callback::noop()} /> }).await;
    root.set_attribute("dir", "rtl").unwrap();
    root.set_attribute("style", "inline-size: 20rem").unwrap();

    let legend = &query(&root, "legend.stem")[0];
    let option = &query(&root, ".option span")[0];
    let runs: Vec<String> = query(legend, "bdi").iter().map(|b| b.text_content().unwrap()).collect();
    assert_eq!(runs, ["GET", "PUT"]);
    // The first run is right of the second, on the first line.
    for text in [legend, option] {
        let bdi = query(text, "bdi");
        let (first, second) = (bdi[0].get_bounding_client_rect(), bdi[1].get_bounding_client_rect());
        assert!(first.right() > second.right() && first.top() <= second.top(), "{:?}", text.text_content());
    }
    // The option's text starts at the right end of its first line.
    let first = query(option, "bdi")[0].get_bounding_client_rect();
    let line = option.get_client_rects().get(0).unwrap();
    assert!((first.right() - line.right()).abs() < 1.5, "starts at {} of {}", first.right(), line.right());
    root.remove();
}

/// On a panic the app hands the loader its notice in the interface language (here French):
/// what was kept, and the word for reloading.
#[wasm_bindgen_test]
fn a_crash_asks_the_loader_for_a_notice_in_the_interface_language() {
    let languages = kafaa::i18n::languages("l.json", kafaa::i18n::LANGUAGES).expect("language list");
    let fr = languages.iter().find(|l| l.code == "fr").expect("French is offered").clone();
    let catalog =
        kafaa::i18n::Catalog::parse(fr, include_str!("../static/i18n/fr.json")).expect("French catalog");
    let catalog: &'static kafaa::i18n::Catalog = Box::leak(Box::new(catalog));
    kafaa::ui::content::remember_catalog(catalog);
    // The loader's function, as the page defines it, recording what it is given.
    let given = Rc::new(RefCell::new(Vec::<String>::new()));
    let record = {
        let given = given.clone();
        wasm_bindgen::closure::Closure::<dyn Fn(String, String)>::new(move |text, reload| {
            given.borrow_mut().extend([text, reload]);
        })
    };
    let window = gloo::utils::window();
    js_sys::Reflect::set(&window, &"kafaaStopped".into(), record.as_ref()).unwrap();
    let root = gloo::utils::document().document_element().unwrap();
    let before = root.get_attribute("lang");
    root.set_attribute("lang", "fr").unwrap();
    kafaa::ui::crash::notify();
    match before {
        Some(lang) => root.set_attribute("lang", &lang).unwrap(),
        None => root.remove_attribute("lang").unwrap(),
    }
    js_sys::Reflect::delete_property(&window, &"kafaaStopped".into()).unwrap();
    assert_eq!(*given.borrow(), [catalog.messages.notice_crashed().to_string(), "Recharger".to_string()]);
}

// A fake camera and QR detector, as a browser with BarcodeDetector provides them: the
// camera starts only when the test says so, with a real (canvas) video track to stop.
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
let pending = [];
const tracks = [];
export function install_fake_camera() {
  window.__codes = [];
  window.BarcodeDetector = class { detect() { return Promise.resolve(window.__codes.splice(0).map((rawValue) => ({ rawValue }))); } };
  navigator.mediaDevices.getUserMedia = () => new Promise((resolve) => pending.push(resolve));
}
export function camera_requests() { return pending.length; }
export function grant_camera() {
  for (const resolve of pending.splice(0)) {
    const stream = document.createElement('canvas').captureStream();
    tracks.push(...stream.getTracks());
    resolve(stream);
  }
}
export function live_tracks() { return tracks.filter((t) => t.readyState === 'live').length; }
export function show_code(text) { window.__codes.push(text); }
"#)]
extern "C" {
    fn install_fake_camera();
    fn camera_requests() -> u32;
    fn grant_camera();
    fn live_tracks() -> u32;
    fn show_code(text: &str);
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The camera: a second click while it starts does nothing; codes reach the page's latest
/// callback, each once; "stop" turns the camera off, and so does leaving the page, even
/// when the camera comes up only after the page has gone.
#[wasm_bindgen_test]
async fn the_scanner_starts_once_reads_codes_and_always_releases_the_camera() {
    use kafaa::ui::components::qr_scanner::QrScanner;
    install_fake_camera();
    let seen = Rc::new(RefCell::new(Vec::<String>::new()));
    let onscan = {
        let seen = seen.clone();
        Callback::from(move |code: String| seen.borrow_mut().push(code))
    };
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = HarnessProps { state: state(content(), None), children: html! { <QrScanner {onscan} /> } };
    let app = yew::Renderer::<Harness>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let button = query(&root, ".qr-scanner button").pop().expect("a scan button");
    click(&button);
    yew::scheduler::flush().await;
    click(&button);
    yew::scheduler::flush().await;
    assert_eq!(camera_requests(), 1, "a second click while starting does nothing");
    grant_camera();
    sleep(50).await;
    assert_eq!(live_tracks(), 1);
    show_code("KAFAA-one");
    sleep(700).await;
    show_code("KAFAA-one");
    show_code("KAFAA-two");
    sleep(700).await;
    assert_eq!(*seen.borrow(), ["KAFAA-one", "KAFAA-two"]);
    click(&button);
    yew::scheduler::flush().await;
    assert_eq!(live_tracks(), 0, "stop turns the camera off");

    // Started, then the page goes before the camera is granted: it is turned off at once.
    click(&button);
    yew::scheduler::flush().await;
    app.destroy();
    grant_camera();
    sleep(50).await;
    assert_eq!(live_tracks(), 0, "leaving the page turns the camera off");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_large_class_is_drawn_a_hundred_rows_at_a_time() {
    use kafaa::engine::result_code::{Response, Submission};
    use kafaa::engine::session::{ClassSession, Session};
    use kafaa::ui::components::class_dashboard::ClassDashboard;
    let content = content();
    let session = Session {
        id: String::new(),
        title: "Big class".into(),
        domains: vec!["web".into()],
        mode: "fixed".into(),
        items_per_domain: Some(3),
        minutes: None,
        languages: vec!["en".into()],
        seed: 5,
        public_key: String::new(),
        questions: None,
    };
    let class = Rc::new(ClassSession::create(session, 0.0));
    let items: Vec<String> = content.bank.items_in("web").take(3).map(|i| i.id.clone()).collect();
    let opened: Vec<Rc<Submission>> = (0..130)
        .map(|i| {
            Rc::new(Submission {
                session: class.session.id.clone(),
                label: format!("Student {i}"),
                responses: items
                    .iter()
                    .map(|id| Response { item: id.clone(), answer: None, seconds: 1 })
                    .collect(),
            })
        })
        .collect();
    let root = mount(
        state(content.clone(), None),
        html! { <ClassDashboard content={content} class={class} opened={Rc::new(opened)} /> },
    )
    .await;
    assert_eq!(query(&root, "table.heatmap tbody tr").len(), 100);
    let status = query(&root, "[role=status]")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect::<String>();
    assert!(status.contains("100 of 130 students shown."), "{status}");
    let more = query(&root, "button")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default() == "Show 30 more students");
    click(&more.expect("a button shows the rest"));
    yew::scheduler::flush().await;
    assert_eq!(query(&root, "table.heatmap tbody tr").len(), 130);
    assert!(query(&root, "button")
        .iter()
        .all(|b| !b.text_content().unwrap_or_default().starts_with("Show ")));
}
