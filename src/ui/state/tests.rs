use super::*;
use crate::engine::testing::{fixed_attempt, sample_bank};

fn empty() -> AppState {
    let catalog: &'static Catalog = Box::leak(Box::new(crate::i18n::english().expect("English catalog")));
    let languages = crate::i18n::languages("l.json", crate::i18n::LANGUAGES).expect("language list");
    AppState::new(catalog, Rc::new(languages), Stored::new(), vec![], Some(edit))
}

/// Content with the shipped index and settings, no domain file loaded yet.
fn ready() -> AppState {
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"));
    let content = Content::parse(&read("static/content/index.json"), &read("static/content/assessment.json"))
        .expect("valid content");
    let mut s = empty();
    s.content = ContentStatus::Ready(Rc::new(content));
    s
}

fn state_with_attempt() -> Rc<AppState> {
    let bank = sample_bank(1, 4);
    let attempt = fixed_attempt(&bank, &["d0"], 4, 9);
    Rc::new(ready()).reduce(Action::Start(attempt))
}

#[test]
fn answering_moving_and_finishing() {
    let s = state_with_attempt();
    let s = s.reduce(Action::Answer(Some(Answer::Bool(true))));
    let s = s.reduce(Action::Certainty(Some(1)));
    let s = s.reduce(Action::GoTo(2));
    let current = s.stored.current.as_ref().unwrap();
    assert_eq!(current.current, 2);
    assert_eq!(current.answers[0], Some(Answer::Bool(true)));
    assert_eq!(current.certainties[0], Some(1));
    let s = s.reduce(Action::GoTo(3));
    let s = s.reduce(Action::Finish { now: 5.0 });
    assert!(s.stored.current.is_none());
    assert_eq!(s.stored.history.len(), 1);
    assert_eq!(s.stored.history[0].finished_at, Some(5.0));
    assert_eq!(s.finished.as_deref(), Some(s.stored.history[0].id.as_str()));
}

#[test]
fn a_start_waits_for_its_domains_and_a_bad_domain_file_is_reported() {
    let s = Rc::new(ready());
    let pending = PendingStart {
        mode: "fixed".into(),
        domains: vec!["programming".into()],
        certainty: false,
        seed: 1,
        now: 2.0,
    };
    let s = s.reduce(Action::Begin(pending.clone()));
    assert!(s.stored.current.is_none());
    assert_eq!(s.domains_status(&pending.domains, "en"), ContentStatus::Loading);
    let source = std::fs::read_to_string("static/content/domains/programming.json").unwrap();
    let in_lang = |lang| crate::engine::content::split::in_language(&source, lang).unwrap();
    // A file in another language than the interface's starts the quiz (its items are known),
    // but the interface's language is still to come.
    let s = s.reduce(Action::DomainLoaded {
        id: "programming".into(),
        lang: "fr".into(),
        text: Ok(in_lang("fr")),
        instead: None,
    });
    assert!(s.pending.is_none());
    assert_eq!(s.stored.current.as_ref().unwrap().items.len(), 12);
    assert!(matches!(s.domains_status(&pending.domains, "fr"), ContentStatus::Ready(_)));
    assert_eq!(s.domains_status(&pending.domains, "en"), ContentStatus::Loading);
    // Offline, with English never kept: French stands in rather than an error.
    let offline = s.clone().reduce(Action::DomainLoaded {
        id: "programming".into(),
        lang: "en".into(),
        text: Err("offline".into()),
        instead: None,
    });
    assert!(matches!(offline.domains_status(&pending.domains, "en"), ContentStatus::Ready(_)));
    // Offline in a new document, English never kept: the French file comes instead, and the
    // quiz starts on it.
    let fresh = Rc::new(ready()).reduce(Action::Begin(pending.clone())).reduce(Action::DomainLoaded {
        id: "programming".into(),
        lang: "en".into(),
        text: Err("offline".into()),
        instead: Some(("fr".into(), in_lang("fr"))),
    });
    assert!(matches!(fresh.domains_status(&pending.domains, "en"), ContentStatus::Ready(_)));
    assert_eq!(fresh.stored.current.as_ref().unwrap().items.len(), 12);
    assert!(fresh.content().unwrap().is_loaded("programming", "fr"));
    let s = s.reduce(Action::DomainLoaded {
        id: "programming".into(),
        lang: "en".into(),
        text: Ok(in_lang("en")),
        instead: None,
    });
    assert!(matches!(s.domains_status(&pending.domains, "en"), ContentStatus::Ready(_)));
    // Both languages are kept: switching back needs no fetch.
    let item = &s.content().unwrap().bank.items[0];
    assert!(
        item.stem.0.contains_key("en") && item.stem.0.contains_key("fr") && !item.stem.0.contains_key("ar")
    );

    let s = s.reduce(Action::DomainLoaded {
        id: "web".into(),
        lang: "en".into(),
        text: Ok("{".into()),
        instead: None,
    });
    assert!(matches!(s.domains_status(&["web".into()], "en"), ContentStatus::Invalid(_)));
    let s = s.reduce(Action::DomainLoaded {
        id: "ai".into(),
        lang: "en".into(),
        text: Err("HTTP 404".into()),
        instead: None,
    });
    assert_eq!(s.domains_status(&["ai".into()], "en"), ContentStatus::Unreachable("HTTP 404".into()));
}

#[test]
fn actions_without_an_attempt_change_nothing() {
    let s = Rc::new(empty());
    for action in [
        Action::Answer(None),
        Action::Certainty(None),
        Action::GoTo(1),
        Action::Next { now: 1.0 },
        Action::Finish { now: 1.0 },
        Action::Continue { id: "x".into(), domains: vec![], extra: 3 },
        Action::Saved { ok: true },
    ] {
        let after = s.clone().reduce(action);
        assert!(Rc::ptr_eq(&s, &after));
    }
}

#[test]
fn removing_an_attempt_forgets_only_that_one() {
    let finish = |s: Rc<AppState>, now: f64| {
        let mut s = s;
        for i in 0..4 {
            s = s.reduce(Action::GoTo(i)).reduce(Action::Answer(Some(Answer::Bool(true))));
        }
        s.reduce(Action::Finish { now })
    };
    let s = finish(state_with_attempt(), 5.0);
    let bank = sample_bank(1, 4);
    let s = finish(s.reduce(Action::Start(fixed_attempt(&bank, &["d0"], 4, 11))), 6.0);
    assert_eq!(s.stored.history.len(), 2);
    let (first, second) = (s.stored.history[0].id.clone(), s.stored.history[1].id.clone());
    assert_ne!(first, second);
    let s = s.reduce(Action::RemoveAttempt(first));
    let left: Vec<&str> = s.stored.history.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(left, [second.as_str()]);
    let s = s.reduce(Action::RemoveAttempt("no such attempt".into()));
    assert_eq!(s.stored.history.len(), 1);
}

#[test]
fn a_code_added_twice_is_kept_once() {
    use crate::engine::session::ClassSession;
    let class = ClassSession::create(crate::engine::testing::session("", ""), 0.0);
    let id = class.session.id.clone();
    let s = Rc::new(empty()).reduce(Action::AddSession(class));
    let add = |codes: &[&str]| Action::AddCodes {
        session: id.clone(),
        codes: codes.iter().map(|c| c.to_string()).collect(),
    };
    let s = s.reduce(add(&["KAFAA-a", "KAFAA-b"])).reduce(add(&["KAFAA-b", "KAFAA-c"]));
    assert_eq!(s.stored.sessions[0].codes, ["KAFAA-a", "KAFAA-b", "KAFAA-c"]);
    // The teacher leaves a student out of the figures, twice, then counts them again.
    let count = |counted| Action::CountStudent { session: id.clone(), id: "student-1".into(), counted };
    let s = s.reduce(count(false)).reduce(count(false));
    assert_eq!(s.stored.sessions[0].excluded, ["student-1"]);
    let s = s.reduce(count(true));
    assert!(s.stored.sessions[0].excluded.is_empty());
}

#[test]
fn a_language_switch_tries_failed_domains_again_but_keeps_a_sessions_broken_questions_broken() {
    let s = Rc::new(ready());
    let catalog = s.catalog;
    let s = s.reduce(Action::DomainLoaded {
        id: "ai".into(),
        lang: "en".into(),
        text: Err("offline".into()),
        instead: None,
    });
    let s = s.reduce(Action::OwnLoaded { title: "2B".into(), text: "{".into() });
    assert!(matches!(s.domains_status(&[own_bank::DOMAIN.into()], "en"), ContentStatus::Invalid(_)));
    let s = s.reduce(Action::Language(Ok(catalog)));
    assert_eq!(s.domains_status(&["ai".into()], "en"), ContentStatus::Loading, "fetched again");
    assert!(matches!(s.domains.get(own_bank::DOMAIN), Some(ContentStatus::Invalid(_))));
}

#[test]
fn the_edits_of_other_documents_apply_only_where_the_document_links_them() {
    let note = || Action::Note { key: "r1".into(), text: "Call back".into() };
    let with = Rc::new(empty()).reduce(note());
    assert_eq!(with.stored.notes.get("r1").map(String::as_str), Some("Call back"));
    // index.html starts without edits: the action changes nothing, and the state is the same.
    let without = Rc::new(AppState { edits: None, ..empty() });
    assert!(Rc::ptr_eq(&without.clone().reduce(note()), &without));
    // What every document does still applies.
    assert!(without.reduce(Action::Saved { ok: false }).save_failed);
}
