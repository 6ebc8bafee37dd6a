//! Times one CAT step — the θ update (EAP) and the choice of the next item — on a 5,000-item
//! bank after 20 answers. Runs natively (`cargo run --release --example cat_step`) and in
//! WebAssembly under Node (built by `scripts/bench`); with `--fixture PATH` it also writes the
//! bank and answers as JSON so that catsim can time the same step on the same data.

use kafaa::engine::assessment::{AdaptiveRule, Mode, Rule, Settings};
use kafaa::engine::attempt::{Attempt, Plan};
use kafaa::engine::cat::next_item;
use kafaa::engine::localized::Localized;
use kafaa::engine::rng::Rng;
use kafaa::engine::score::{key, wrong_answer};
use kafaa::engine::simulate::synthetic_bank;

const BANK_SIZE: usize = 5000;
const ANSWERED: usize = 20;
const STEPS: usize = 2000;

fn main() {
    let bank = synthetic_bank(1, BANK_SIZE, 5);
    // No stopping before the maximum, so every step does the full work.
    let rule = AdaptiveRule {
        min_items: 1,
        max_items: 1000,
        se_target: 0.0001,
        classify: None,
        randomesque: 3,
        suggested_domains: None,
        sittings: false,
    };
    // The shipped levels and band (not used to stop here: no classification).
    let settings = Settings::parse("assessment.json", include_str!("../static/content/assessment.json"))
        .expect("the shipped settings are valid");
    let mode = Mode {
        id: "bench".into(),
        title: Localized::en("bench"),
        description: Localized::en("bench"),
        rule: Rule::Adaptive(rule.clone()),
    };
    let domains = vec!["d0".to_string()];
    let plan = Plan {
        mode: &mode,
        settings: &settings,
        domains: &domains,
        certainty: false,
        seed: 3,
        now: 0.0,
        avoid: Vec::new(),
    };
    let mut attempt = Attempt::start(&bank, &plan).expect("the synthetic bank has items");
    // An examinee of ability 0.5 answers the item on screen, then the next is chosen.
    let mut rng = Rng::new(8);
    for _ in 0..ANSWERED {
        let Some(item) = bank.item(attempt.current_item_id()) else { break };
        let right = rng.uniform() < item.irt.p(0.5);
        attempt.answer(Some(if right { key(&item.question) } else { wrong_answer(&item.question) }));
        let Some(next) = next_item(&bank, &attempt, &settings, &rule) else { break };
        attempt.items.push(next.id.clone());
        attempt.answers.push(None);
        attempt.certainties.push(None);
        attempt.current += 1;
    }
    // The step timed below follows the last answer.
    if let Some(item) = bank.item(attempt.current_item_id()) {
        attempt.answer(Some(key(&item.question)));
    }

    if let Some(path) = fixture_path() {
        write_fixture(&path, &bank, &attempt);
    }

    let start = clock::now_ms();
    let mut chosen = 0usize;
    for _ in 0..STEPS {
        chosen += next_item(&bank, &attempt, &settings, &rule).map_or(0, |i| i.id.len());
    }
    let elapsed = clock::now_ms() - start;
    clock::print(&format!(
        "CAT step ({BANK_SIZE} items, {} answered, {}): {:.1} µs per step ({STEPS} steps; checksum {chosen})",
        attempt.items.len(),
        clock::TARGET,
        elapsed * 1000.0 / STEPS as f64
    ));
}

fn fixture_path() -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == "--fixture").and_then(|i| args.get(i + 1).cloned())
}

/// The bank's parameters, the administered items and the responses, for catsim.
fn write_fixture(path: &str, bank: &kafaa::engine::bank::Bank, attempt: &Attempt) {
    let items: Vec<[f64; 3]> = bank.items.iter().map(|i| [i.irt.a, i.irt.b, i.irt.c]).collect();
    let administered: Vec<usize> =
        attempt.items.iter().filter_map(|id| bank.items.iter().position(|i| &i.id == id)).collect();
    let responses: Vec<bool> = attempt
        .items
        .iter()
        .zip(&attempt.answers)
        .map(|(id, a)| {
            let item = bank.item(id).expect("administered items are in the bank");
            a.as_ref().is_some_and(|a| kafaa::engine::score::is_correct(&item.question, a))
        })
        .collect();
    let json = serde_json::json!({ "items": items, "administered": administered, "responses": responses });
    std::fs::write(path, json.to_string()).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
}

#[cfg(not(target_arch = "wasm32"))]
mod clock {
    pub const TARGET: &str = "native";

    pub fn now_ms() -> f64 {
        use std::time::{SystemTime, UNIX_EPOCH};
        SystemTime::now().duration_since(UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    }

    pub fn print(line: &str) {
        println!("{line}");
    }
}

#[cfg(target_arch = "wasm32")]
mod clock {
    use wasm_bindgen::prelude::*;

    pub const TARGET: &str = "wasm";

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = performance, js_name = now)]
        fn performance_now() -> f64;
        #[wasm_bindgen(js_namespace = console, js_name = log)]
        fn console_log(line: &str);
    }

    pub fn now_ms() -> f64 {
        performance_now()
    }

    pub fn print(line: &str) {
        console_log(line);
    }
}
