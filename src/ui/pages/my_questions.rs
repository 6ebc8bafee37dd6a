use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::engine::bank::{Difficulty, Question};
use crate::engine::interchange::{gift, moodle_xml, Draft, FileFormat, Imported};
use crate::engine::own_bank::editing::Editing;
use crate::engine::own_bank::{self, draft_of, Added};
use crate::i18n::{fill, QuestionsMessages};
use crate::ui::browser;
use crate::ui::components::confirm_danger::ConfirmDanger;
use crate::ui::components::content_status::{ContentStatusView, ProblemList};
use crate::ui::components::download_button::DownloadButton;
use crate::ui::components::quiz_file_report::QuizFileReport;
use crate::ui::hooks::{use_domains_in, use_focus_on, use_messages, use_own_bank, use_title};
use crate::ui::route::Route;
use crate::ui::state::{use_app, Action, ContentStatus};

/// What the last import did, to say so.
#[derive(Clone, PartialEq)]
struct Report {
    file: String,
    format: FileFormat,
    imported: Imported,
    added: Added,
}

/// The teacher's own questions: imported from their Moodle files (GIFT, Aiken, Moodle XML),
/// listed and deleted here, and exported — with any of Kafaa's domains — to GIFT and Moodle
/// XML.
#[function_component]
pub fn MyQuestionsPage() -> Html {
    let app = use_app();
    let c = use_messages::<QuestionsMessages>();
    let m = app.messages();
    let heading = use_node_ref();
    let ui_lang = app.catalog.language.code.clone();
    let lang = use_state(|| ui_lang.clone());
    let difficulty = use_state(|| Difficulty::Medium);
    let report = use_state(|| None::<Report>);
    let duplicated = use_state(|| false);
    // What to export: the teacher's questions (`mine`) or one of Kafaa's domains.
    let source = use_state(|| own_bank::DOMAIN.to_string());
    let export_lang = use_state(|| ui_lang.clone());
    use_title(c.questions_title().to_string());
    use_focus_on(heading.clone(), ());
    let bank = use_own_bank();
    let wanted = if *source == own_bank::DOMAIN { Vec::new() } else { vec![(*source).clone()] };
    let domain_status = use_domains_in(wanted, (*export_lang).clone());
    // Kafaa's domains, to export: offered once the content is in (the page does not wait).
    let domains: Vec<(String, String)> = app
        .content()
        .map(|content| {
            content.index.domains.iter().map(|d| (d.id.clone(), d.title.get(&ui_lang).to_string())).collect()
        })
        .unwrap_or_default();

    let onfile = {
        let (app, report, lang, difficulty, bank) =
            (app.clone(), report.clone(), lang.clone(), *difficulty, bank.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            let Ok(mut bank) = (*bank).clone() else { return };
            let (app, report, lang) = (app.clone(), report.clone(), (*lang).clone());
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let text = browser::file_text(file).await;
                let format = FileFormat::of(&name, &text);
                let imported = format.read(&text, &lang);
                let added = bank.add(&imported.drafts, &lang, difficulty);
                if !added.ids.is_empty() {
                    app.dispatch(Action::OwnQuestions(Some(bank.to_json())));
                }
                report.set(Some(Report { file: name, format, imported, added }));
            });
        })
    };
    let select = |state: UseStateHandle<String>| {
        Callback::from(move |e: Event| state.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let ondifficulty = {
        let difficulty = difficulty.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            difficulty.set(match value.as_str() {
                "easy" => Difficulty::Easy,
                "hard" => Difficulty::Hard,
                _ => Difficulty::Medium,
            });
        })
    };
    let ondelete = |id: String| {
        let (app, bank) = (app.clone(), bank.clone());
        Callback::from(move |_: MouseEvent| {
            let Ok(mut bank) = (*bank).clone() else { return };
            bank.remove(&id);
            app.dispatch(Action::OwnQuestions((!bank.items.is_empty()).then(|| bank.to_json())));
        })
    };
    let onduplicate = |id: String| {
        let (app, bank, duplicated, lang) = (app.clone(), bank.clone(), duplicated.clone(), ui_lang.clone());
        Callback::from(move |_: MouseEvent| {
            let Ok(bank) = &*bank else { return };
            let Some(item) = bank.items.iter().find(|i| i.id == id) else { return };
            let category = bank.category_of(item, &lang);
            let copy = Editing::of(item, &category).to_item(&bank.fresh_id(&item.id));
            if let Ok(next) = bank.put(copy, &category, &lang) {
                app.dispatch(Action::OwnQuestions(Some(next.to_json())));
                duplicated.set(true);
            }
        })
    };
    let ondelete_all = {
        let app = app.clone();
        Callback::from(move |()| app.dispatch(Action::OwnQuestions(None)))
    };

    // The drafts to export, in the chosen language; `None` while a domain file is on its way.
    let drafts: Option<Vec<Draft>> = if *source == own_bank::DOMAIN {
        (*bank).as_ref().ok().map(|b| b.drafts(&export_lang))
    } else if let ContentStatus::Ready(loaded) = &domain_status {
        let subtopic = |d: &str, s: &str| {
            let found = loaded.bank.domain(d).and_then(|d| d.subtopics.iter().find(|x| x.id == s));
            found.map(|x| x.title.get(&export_lang).to_string()).unwrap_or_default()
        };
        Some(
            loaded
                .bank
                .items_in(&source)
                .map(|i| draft_of(i, &export_lang, &subtopic(&i.domain, &i.subtopic)))
                .collect(),
        )
    } else {
        None
    };
    let file_stem =
        if *source == own_bank::DOMAIN { "my-questions".to_string() } else { format!("kafaa-{}", *source) };
    let orderings =
        drafts.iter().flatten().filter(|d| matches!(d.question, Question::Ordering { .. })).count();
    let make = |write: fn(&[Draft], &str) -> String| {
        let (drafts, lang) = (drafts.clone().unwrap_or_default(), (*export_lang).clone());
        Callback::from(move |()| write(&drafts, &lang))
    };
    let difficulty_value = match *difficulty {
        Difficulty::Easy => "easy",
        Difficulty::Medium => "medium",
        Difficulty::Hard => "hard",
    };
    let type_name = |q: &Question| {
        let i = match q {
            Question::SingleChoice { .. } => 0,
            Question::MultipleSelect { .. } => 1,
            Question::TrueFalse { .. } => 2,
            Question::Ordering { .. } => 3,
            Question::Matching { .. } => 4,
        };
        c.question_types[i]
    };
    let language_name = |code: &str| {
        app.languages.iter().find(|l| l.code == code).map_or(code.to_string(), |l| l.name.clone())
    };
    let format_name = |f: FileFormat| match f {
        FileFormat::Gift => "GIFT",
        FileFormat::Aiken => "Aiken",
        FileFormat::MoodleXml => "Moodle XML",
    };

    html! {
        <section class="my-questions">
            <h1 ref={heading} tabindex="-1">{ c.questions_title() }</h1>
            <p>{ c.questions_intro() }</p>
            { match &*bank {
                Err(problems) => html! {
                    <div class="notice error" role="alert">
                        <ProblemList problems={problems.clone()} />
                        <ConfirmDanger label={c.questions_delete_all()}
                            warning={fill(c.questions_unreadable(), &[("problem", problems.len().to_string())])}
                            yes={c.questions_delete()} onconfirm={ondelete_all} />
                    </div>
                },
                Ok(_) => html! {
                    <>
                        <h2>{ c.questions_import() }</h2>
                        <div class="field">
                            <label for="questions-language">{ c.questions_language() }</label>
                            <select id="questions-language" onchange={select(lang.clone())}>
                                { for app.languages.iter().map(|l| html! {
                                    <option value={l.code.clone()} selected={l.code == *lang}>{ &l.name }</option>
                                }) }
                            </select>
                        </div>
                        <div class="field">
                            <label for="questions-difficulty">{ c.questions_difficulty() }</label>
                            <select id="questions-difficulty" onchange={ondifficulty}>
                                { for ["easy", "medium", "hard"].iter().zip(m.difficulty.iter()).map(|(v, name)| html! {
                                    <option value={*v} selected={*v == difficulty_value}>{ *name }</option>
                                }) }
                            </select>
                        </div>
                        <p class="actions">
                            <label class="button" for="quiz-file">{ c.questions_file() }</label>
                            <input type="file" id="quiz-file" class="visually-hidden"
                                accept=".gift,.txt,.xml,text/plain,text/xml,application/xml" onchange={onfile} />
                        </p>
                    </>
                },
            } }
            if let Some(r) = &*report {
                <QuizFileReport file={r.file.clone()} format={format_name(r.format)} imported={r.imported.clone()} added={r.added.clone()} />
            }
            <h2>{ c.questions_list() }</h2>
            if bank.is_ok() {
                <p><a class="button" href={Route::EditQuestion { id: "new".into() }.href()}>{ c.questions_new() }</a></p>
            }
            if *duplicated {
                <p class="notice success" role="status">{ c.questions_duplicated() }</p>
            }
            { match &*bank {
                Ok(b) if !b.items.is_empty() => html! {
                    <ul class="own-questions" role="list">
                        { for b.items.iter().map(|item| {
                            let langs: Vec<String> = item.stem.0.keys().map(|k| language_name(k)).collect();
                            let stem = item.stem.get(&ui_lang).to_string();
                            html! {
                                <li class="card">
                                    <p>{ &stem }</p>
                                    <p class="muted">
                                        { type_name(&item.question) }{ " · " }{ langs.join(", ") }{ " · " }
                                        { m.difficulty[item.difficulty as usize] }
                                    </p>
                                    <p class="actions">
                                        <a class="button quiet" href={Route::EditQuestion { id: item.id.clone() }.href()}
                                            aria-label={format!("{}: {stem}", c.questions_edit())}>{ c.questions_edit() }</a>
                                        <button type="button" class="quiet" aria-label={format!("{}: {stem}", c.questions_duplicate())}
                                            onclick={onduplicate(item.id.clone())}>{ c.questions_duplicate() }</button>
                                        <button type="button" class="quiet" aria-label={format!("{}: {stem}", c.questions_delete())}
                                            onclick={ondelete(item.id.clone())}>{ c.questions_delete() }</button>
                                    </p>
                                </li>
                            }
                        }) }
                    </ul>
                },
                Ok(_) => html! { <p class="muted">{ c.questions_none() }</p> },
                Err(_) => html! {},
            } }
            <h2>{ c.questions_export() }</h2>
            <p>{ c.questions_export_intro() }</p>
            <div class="field">
                <label for="export-source">{ c.questions_export_what() }</label>
                <select id="export-source" onchange={select(source.clone())}>
                    <option value={own_bank::DOMAIN} selected={*source == own_bank::DOMAIN}>{ c.questions_title() }</option>
                    { for domains.into_iter().map(|(id, title)| {
                        let selected = id == *source;
                        html! { <option value={id} {selected}>{ title }</option> }
                    }) }
                </select>
            </div>
            if matches!(app.content, ContentStatus::Unreachable(_) | ContentStatus::Invalid(_)) {
                <ContentStatusView status={app.content.clone()} />
            }
            <div class="field">
                <label for="export-language">{ c.questions_export_language() }</label>
                <select id="export-language" onchange={select(export_lang.clone())}>
                    { for app.languages.iter().map(|l| html! {
                        <option value={l.code.clone()} selected={l.code == *export_lang}>{ &l.name }</option>
                    }) }
                </select>
            </div>
            { match &drafts {
                Some(list) if !list.is_empty() => html! {
                    <>
                        <p class="actions">
                            <DownloadButton label={c.questions_gift()} name={format!("{file_stem}-{}.gift.txt", *export_lang)}
                                mime="text/plain" make={make(|d, l| gift::write(d, l).text)} />
                            <DownloadButton label={c.questions_xml()} name={format!("{file_stem}-{}.xml", *export_lang)}
                                mime="application/xml" make={make(moodle_xml::write)} />
                        </p>
                        if orderings > 0 {
                            <p class="muted">{ c.questions_left_out.count(orderings) }</p>
                        }
                    </>
                },
                Some(_) => html! { <p class="muted">{ c.questions_none() }</p> },
                None => html! { <ContentStatusView status={domain_status.clone()} /> },
            } }
        </section>
    }
}
