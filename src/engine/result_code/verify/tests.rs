use super::*;
use crate::engine::result_code::Response;
use crate::engine::score::{key, wrong_answer};
use crate::engine::testing::{sample_bank, SETTINGS};

fn session(mode: &str, minutes: Option<u32>) -> Session {
    Session {
        id: "00112233aabbccdd".into(),
        title: "Class".into(),
        domains: vec!["d0".into(), "d1".into()],
        mode: mode.into(),
        items_per_domain: Some(5),
        minutes,
        languages: vec!["en".into()],
        seed: 7,
        public_key: String::new(),
        questions: None,
    }
}

/// A student taking the session's quiz to its end, right on every other question.
fn honest(session: &Session, bank: &Bank) -> Submission {
    let mode = session.mode(&SETTINGS).unwrap();
    let plan = session.plan(&mode, &SETTINGS, 0.0);
    let mut attempt = Attempt::start(bank, &plan).unwrap();
    loop {
        let question = &bank.item(attempt.current_item_id()).unwrap().question;
        let right = attempt.items.len().is_multiple_of(2);
        attempt.answer(Some(if right { key(question) } else { wrong_answer(question) }));
        attempt.note_time(attempt.started_at + 20_000.0 * attempt.items.len() as f64);
        if !attempt.advance(bank, &SETTINGS) {
            break;
        }
    }
    Submission::of(&session.id, "Amal", &attempt)
}

#[test]
fn honest_codes_match_their_session_fixed_or_adaptive() {
    let bank = sample_bank(3, 20);
    for mode in ["fixed", "quick"] {
        let s = session(mode, None);
        let code = honest(&s, &bank);
        assert!(code.responses.len() >= 5, "{mode}");
        assert_eq!(code.verify(&s, &bank, &SETTINGS), [], "{mode}");
        // A quiz cut short by the time limit is still the session's quiz.
        let mut short = code.clone();
        short.responses.truncate(3);
        assert_eq!(short.verify(&s, &bank, &SETTINGS), [], "{mode}");
    }
}

#[test]
fn forged_codes_are_flagged() {
    let bank = sample_bank(3, 20);
    let s = session("fixed", Some(2));
    let one = |item: &str| Response {
        item: item.into(),
        answer: Some(key(&bank.item(item).unwrap().question)),
        seconds: 5,
    };
    // The hardest item answered right forty times, and one of another domain.
    let mut forged =
        Submission { session: s.id.clone(), label: "Bilal".into(), responses: vec![one("d0-3"); 40] };
    forged.responses.push(one("d2-0"));
    let found = forged.verify(&s, &bank, &SETTINGS);
    assert!(found.contains(&Mismatch::Repeated { item: "d0-3".into() }), "{found:?}");
    assert!(found.contains(&Mismatch::OtherDomain { item: "d2-0".into() }), "{found:?}");
    assert!(found.iter().any(|m| matches!(m, Mismatch::NotTheQuiz { .. })), "{found:?}");

    // An honest list with one item swapped, too much time, a name too long.
    let mut tampered = honest(&s, &bank);
    let other = ["d0-0", "d0-1", "d1-0", "d1-1"]
        .into_iter()
        .find(|i| tampered.responses.iter().all(|r| &r.item != i))
        .unwrap();
    tampered.responses[2].item = other.into();
    tampered.responses[0].seconds = 400;
    tampered.label = "x".repeat(MAX_LABEL + 1);
    let found = tampered.verify(&s, &bank, &SETTINGS);
    assert!(found.contains(&Mismatch::NotTheQuiz { from: 3 }), "{found:?}");
    assert!(found.contains(&Mismatch::LongLabel { chars: MAX_LABEL + 1 }), "{found:?}");
    assert!(found.iter().any(|m| matches!(m, Mismatch::OverTime { limit: 120, .. })), "{found:?}");
    // An adaptive code whose second item is not the one its first answer leads to.
    let s = session("quick", None);
    let mut tampered = honest(&s, &bank);
    let taken: Vec<String> = tampered.responses.iter().map(|r| r.item.clone()).collect();
    let other = bank.items.iter().find(|i| i.domain == "d0" && !taken.contains(&i.id)).unwrap();
    tampered.responses[1].item = other.id.clone();
    assert!(tampered.verify(&s, &bank, &SETTINGS).contains(&Mismatch::NotTheQuiz { from: 2 }));
}
