use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::engine::attempt::Answer;
use crate::engine::bank::Difficulty;
use crate::engine::own_bank::editing::{Editing, Kind, Texts};
use crate::i18n::{fill, QuestionsMessages};
use crate::ui::browser;
use crate::ui::components::content_status::ProblemList;
use crate::ui::components::question_view::QuestionView;
use crate::ui::hooks::{use_focus_on, use_messages, use_own_bank, use_title};
use crate::ui::route::{replace, Route};
use crate::ui::state::{use_app, Action};

#[derive(Properties, PartialEq)]
pub struct QuestionEditorPageProps {
    /// The question's id, or `new`.
    pub id: String,
}

/// A change to the question being edited.
type Change = Rc<dyn Fn(&mut Editing, String)>;

/// Writes or edits one of the teacher's questions — all five types, in any of the
/// interface's languages — checked by the bank's own reader on saving, with a preview in
/// each of its languages as a student sees it.
#[function_component]
pub fn QuestionEditorPage(props: &QuestionEditorPageProps) -> Html {
    let app = use_app();
    let c = use_messages::<QuestionsMessages>();
    let m = app.messages();
    let heading = use_node_ref();
    let lang = app.lang().to_string();
    let bank = use_own_bank();
    let is_new = props.id == "new";
    let editing = {
        let (bank, id, lang) = (bank.clone(), props.id.clone(), lang.clone());
        use_state(move || {
            if id == "new" {
                return Some(Editing::new(&lang));
            }
            let bank = bank.as_ref().as_ref().ok()?;
            let item = bank.items.iter().find(|i| i.id == id)?;
            Some(Editing::of(item, &bank.category_of(item, &lang)))
        })
    };
    // Problems are shown once the teacher has tried to save, then as they edit.
    let tried = use_state(|| false);
    let saved = use_state(|| false);
    let preview_lang = use_state(|| None::<String>);
    let preview_answer = use_state(|| None::<Answer>);
    let new_id = use_state(|| format!("my-{:010x}", browser::fresh_seed() >> 13));
    use_title(if is_new { c.editor_new_title() } else { c.editor_edit_title() }.to_string());
    use_focus_on(heading.clone(), props.id.clone());

    let page = |body: Html| {
        html! {
            <section class="question-editor">
                <h1 ref={heading.clone()} tabindex="-1">{ if is_new { c.editor_new_title() } else { c.editor_edit_title() } }</h1>
                { body }
                <p><a href={Route::MyQuestions.href()}>{ c.editor_back() }</a></p>
            </section>
        }
    };
    let (Some(e), Ok(bank)) = ((*editing).clone(), &*bank) else {
        return page(html! { <p class="notice error" role="alert">{ c.editor_not_found() }</p> });
    };
    let id = if is_new { bank.fresh_id(&new_id) } else { props.id.clone() };
    let result = bank.put(e.to_item(&id), &e.category, &lang);

    let change = |f: Change| {
        let (editing, saved) = (editing.clone(), saved.clone());
        move |value: String| {
            if let Some(mut next) = (*editing).clone() {
                f(&mut next, value);
                editing.set(Some(next));
                saved.set(false);
            }
        }
    };
    let on_input = |f: Change| {
        let apply = change(f);
        Callback::from(move |ev: InputEvent| apply(ev.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_textarea = |f: Change| {
        let apply = change(f);
        Callback::from(move |ev: InputEvent| apply(ev.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let on_select = |f: Change| {
        let apply = change(f);
        Callback::from(move |ev: Event| apply(ev.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_click = |f: Change| {
        let apply = change(f);
        Callback::from(move |_: MouseEvent| apply(String::new()))
    };
    let on_check = |f: Change| {
        let apply = change(f);
        Callback::from(move |ev: Event| {
            let checked = ev.target_unchecked_into::<HtmlInputElement>().checked();
            apply(if checked { "1".into() } else { String::new() })
        })
    };
    let text_of = |texts: &Texts, fallback: String| {
        e.languages
            .iter()
            .find_map(|l| texts.get(l).filter(|t| !t.trim().is_empty()).cloned())
            .unwrap_or(fallback)
    };
    let option_label =
        |i: usize| text_of(&e.options[i], fill(c.editor_option(), &[("n", (i + 1).to_string())]));
    let target_label =
        |j: usize| text_of(&e.targets[j], fill(c.editor_target(), &[("n", (j + 1).to_string())]));

    let onsubmit = {
        let (app, tried, saved, result) = (app.clone(), tried.clone(), saved.clone(), result.clone());
        let (is_new, id) = (is_new, id.clone());
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            tried.set(true);
            if let Ok(next) = &result {
                app.dispatch(Action::OwnQuestions(Some(next.to_json())));
                saved.set(true);
                if is_new {
                    replace(&Route::EditQuestion { id: id.clone() });
                }
            }
        })
    };

    let kinds = html! {
        <fieldset>
            <legend>{ c.editor_type() }</legend>
            { for Kind::ALL.iter().enumerate().map(|(i, kind)| {
                let kind = *kind;
                let input_id = format!("editor-kind-{i}");
                html! {
                    <label class="option inline" for={input_id.clone()}>
                        <input type="radio" name="editor-kind" id={input_id} checked={e.kind == kind}
                            onchange={on_check(Rc::new(move |e: &mut Editing, _| {
                                e.kind = kind;
                                if kind == Kind::Single {
                                    let first = e.right.iter().next().copied().unwrap_or(0);
                                    e.right = [first].into();
                                }
                            }))} />
                        <span>{ c.question_types[i] }</span>
                    </label>
                }
            }) }
        </fieldset>
    };
    let difficulty = match e.difficulty {
        Difficulty::Easy => "easy",
        Difficulty::Medium => "medium",
        Difficulty::Hard => "hard",
    };
    let languages = html! {
        <fieldset>
            <legend>{ c.editor_languages() }</legend>
            <p class="muted" id="editor-languages-hint">{ c.editor_languages_hint() }</p>
            { for app.languages.iter().map(|l| {
                let code = l.code.clone();
                let input_id = format!("editor-lang-{code}");
                let only = e.languages.len() == 1 && e.languages.contains(&code);
                html! {
                    <label class="option inline" for={input_id.clone()}>
                        <input type="checkbox" id={input_id} checked={e.languages.contains(&code)} disabled={only}
                            aria-describedby="editor-languages-hint"
                            onchange={on_check(Rc::new(move |e: &mut Editing, on| {
                                e.languages.retain(|x| x != &code);
                                if !on.is_empty() {
                                    e.languages.push(code.clone());
                                }
                            }))} />
                        <span lang={l.code.clone()} dir={l.dir.clone()}>{ &l.name }</span>
                    </label>
                }
            }) }
        </fieldset>
    };
    let per_language = html! {
        { for app.languages.iter().filter(|l| e.languages.contains(&l.code)).map(|l| {
            let code = l.code.clone();
            let value = |t: &Texts| t.get(&code).cloned().unwrap_or_default();
            let stem_id = format!("stem-{code}");
            let explanation_id = format!("explanation-{code}");
            html! {
                <fieldset class="editor-language" lang={code.clone()} dir={l.dir.clone()}>
                    <legend>{ &l.name }</legend>
                    <p>
                        <label for={stem_id.clone()}>{ c.editor_text() }</label>
                        <textarea id={stem_id} rows="3" value={value(&e.stem)}
                            oninput={{ let code = code.clone(); on_textarea(Rc::new(move |e: &mut Editing, v| { e.stem.insert(code.clone(), v); })) }} />
                    </p>
                    if e.kind != Kind::TrueFalse {
                        { for (0..e.options.len()).map(|i| {
                            let input_id = format!("option-{i}-{code}");
                            html! {
                                <p>
                                    <label for={input_id.clone()}>{ fill(c.editor_option(), &[("n", (i + 1).to_string())]) }</label>
                                    <input type="text" id={input_id} value={value(&e.options[i])}
                                        oninput={{ let code = code.clone(); on_input(Rc::new(move |e: &mut Editing, v| { e.options[i].insert(code.clone(), v); })) }} />
                                </p>
                            }
                        }) }
                    }
                    if e.kind == Kind::Matching {
                        { for (0..e.targets.len()).map(|j| {
                            let input_id = format!("target-{j}-{code}");
                            html! {
                                <p>
                                    <label for={input_id.clone()}>{ fill(c.editor_target(), &[("n", (j + 1).to_string())]) }</label>
                                    <input type="text" id={input_id} value={value(&e.targets[j])}
                                        oninput={{ let code = code.clone(); on_input(Rc::new(move |e: &mut Editing, v| { e.targets[j].insert(code.clone(), v); })) }} />
                                </p>
                            }
                        }) }
                    }
                    <p>
                        <label for={explanation_id.clone()}>{ c.editor_explanation() }</label>
                        <textarea id={explanation_id} rows="2" value={value(&e.explanation)}
                            oninput={{ let code = code.clone(); on_textarea(Rc::new(move |e: &mut Editing, v| { e.explanation.insert(code.clone(), v); })) }} />
                    </p>
                </fieldset>
            }
        }) }
    };
    let answers = match e.kind {
        Kind::Single | Kind::Multiple => {
            let single = e.kind == Kind::Single;
            html! {
                <fieldset>
                    <legend>{ if single { c.editor_right() } else { c.editor_right_many() } }</legend>
                    { for (0..e.options.len()).map(|i| {
                        let input_id = format!("right-{i}");
                        html! {
                            <label class="option" for={input_id.clone()}>
                                <input type={if single { "radio" } else { "checkbox" }} name="editor-right" id={input_id} checked={e.right.contains(&i)}
                                    onchange={on_check(Rc::new(move |e: &mut Editing, on| {
                                        if single {
                                            e.right = [i].into();
                                        } else if on.is_empty() {
                                            e.right.remove(&i);
                                        } else {
                                            e.right.insert(i);
                                        }
                                    }))} />
                                <span>{ option_label(i) }</span>
                            </label>
                        }
                    }) }
                </fieldset>
            }
        }
        Kind::TrueFalse => html! {
            <fieldset>
                <legend>{ c.editor_right() }</legend>
                { for [(true, m.quiz_true()), (false, m.quiz_false())].into_iter().map(|(value, label)| {
                    let input_id = format!("right-{value}");
                    html! {
                        <label class="option inline" for={input_id.clone()}>
                            <input type="radio" name="editor-truth" id={input_id} checked={e.truth == value}
                                onchange={on_check(Rc::new(move |e: &mut Editing, _| e.truth = value))} />
                            <span>{ label }</span>
                        </label>
                    }
                }) }
            </fieldset>
        },
        Kind::Ordering => html! { <p class="muted">{ c.editor_order_hint() }</p> },
        Kind::Matching => html! {
            <fieldset>
                <legend>{ c.editor_pairs() }</legend>
                <p class="muted">{ c.editor_distractor_hint() }</p>
                { for (0..e.options.len()).map(|i| {
                    let input_id = format!("pair-{i}");
                    let chosen = e.pairs.get(i).copied().flatten();
                    html! {
                        <p>
                            <label for={input_id.clone()}>{ option_label(i) }</label>{ " " }
                            <select id={input_id} onchange={on_select(Rc::new(move |e: &mut Editing, v| {
                                if e.pairs.len() <= i { e.pairs.resize(i + 1, None); }
                                e.pairs[i] = v.parse().ok();
                            }))}>
                                <option value="" selected={chosen.is_none()}>{ m.quiz_match_choose() }</option>
                                { for (0..e.targets.len()).map(|j| html! {
                                    <option value={j.to_string()} selected={chosen == Some(j)}>{ target_label(j) }</option>
                                }) }
                            </select>
                        </p>
                    }
                }) }
            </fieldset>
        },
    };
    let sizes = html! {
        <p class="actions">
            if e.kind != Kind::TrueFalse {
                <button type="button" class="quiet" onclick={on_click(Rc::new(|e: &mut Editing, _| { e.options.push(Texts::new()); e.pairs.push(None); }))}>{ c.editor_add_option() }</button>
                <button type="button" class="quiet" disabled={e.options.len() <= 2}
                    onclick={on_click(Rc::new(|e: &mut Editing, _| {
                        e.options.pop();
                        e.pairs.truncate(e.options.len());
                        let n = e.options.len();
                        e.right.retain(|&i| i < n);
                    }))}>{ c.editor_remove_option() }</button>
            }
            if e.kind == Kind::Matching {
                <button type="button" class="quiet" onclick={on_click(Rc::new(|e: &mut Editing, _| e.targets.push(Texts::new())))}>{ c.editor_add_target() }</button>
                <button type="button" class="quiet" disabled={e.targets.len() <= 2}
                    onclick={on_click(Rc::new(|e: &mut Editing, _| {
                        e.targets.pop();
                        let n = e.targets.len();
                        e.pairs.iter_mut().for_each(|p| if p.is_some_and(|t| t >= n) { *p = None; });
                    }))}>{ c.editor_remove_target() }</button>
            }
        </p>
    };

    let shown =
        (*preview_lang).clone().filter(|l| e.languages.contains(l)).unwrap_or_else(|| e.languages[0].clone());
    let preview_dir =
        app.languages.iter().find(|l| l.code == shown).map_or("ltr".to_string(), |l| l.dir.clone());
    let onpreview_lang = {
        let (preview_lang, preview_answer) = (preview_lang.clone(), preview_answer.clone());
        Callback::from(move |ev: Event| {
            preview_lang.set(Some(ev.target_unchecked_into::<HtmlSelectElement>().value()));
            preview_answer.set(None);
        })
    };
    let onanswer = {
        let preview_answer = preview_answer.clone();
        Callback::from(move |a: Option<Answer>| preview_answer.set(a))
    };

    page(html! {
        <>
            <form class="card" {onsubmit} novalidate=true>
                { kinds }
                <p>
                    <label for="editor-difficulty">{ c.editor_difficulty() }</label>
                    <select id="editor-difficulty" onchange={on_select(Rc::new(|e: &mut Editing, v| {
                        e.difficulty = match v.as_str() { "easy" => Difficulty::Easy, "hard" => Difficulty::Hard, _ => Difficulty::Medium };
                    }))}>
                        { for ["easy", "medium", "hard"].iter().zip(m.difficulty.iter()).map(|(v, name)| html! {
                            <option value={*v} selected={*v == difficulty}>{ *name }</option>
                        }) }
                    </select>
                </p>
                <p>
                    <label for="editor-category">{ c.editor_category() }</label>
                    <input type="text" id="editor-category" value={e.category.clone()} maxlength="80"
                        oninput={on_input(Rc::new(|e: &mut Editing, v| e.category = v))} />
                </p>
                { languages }
                { per_language }
                { answers }
                { sizes }
                if *tried {
                    if let Err(problems) = &result {
                        <div class="notice error" role="alert">
                            <p>{ c.editor_invalid() }</p>
                            <ProblemList problems={problems.clone()} />
                        </div>
                    }
                }
                if *saved {
                    <p class="notice success" role="status">{ c.editor_saved() }</p>
                }
                <button type="submit" class="primary">{ c.editor_save() }</button>
            </form>
            <section class="preview" aria-labelledby="preview-title">
                <h2 id="preview-title">{ c.editor_preview() }</h2>
                if e.languages.len() > 1 {
                    <p>
                        <label for="preview-language">{ c.editor_preview_language() }</label>{ " " }
                        <select id="preview-language" onchange={onpreview_lang}>
                            { for app.languages.iter().filter(|l| e.languages.contains(&l.code)).map(|l| html! {
                                <option value={l.code.clone()} selected={l.code == shown}>{ &l.name }</option>
                            }) }
                        </select>
                    </p>
                }
                <div class="card" lang={shown.clone()} dir={preview_dir}>
                    <QuestionView item={e.preview(&shown)} answer={(*preview_answer).clone()} {onanswer} />
                </div>
            </section>
        </>
    })
}
