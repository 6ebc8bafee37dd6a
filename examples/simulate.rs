//! Simulated learners taking every mode on the shipped bank: how often the level shown is
//! right, how often the band holds the true ability, lengths and item exposure, each beside
//! its goal. Run by `scripts/bench` (`cargo run --release --example simulate`), which fails
//! when a goal is missed; `-- --write static/content/precision.json` also writes the figures
//! the "About these levels" page shows; `-- --compare` prints the quick check under other
//! stopping rules and lengths, and each adaptive mode with other randomesque sizes: the
//! evidence for the shipped settings.

use kafaa::engine::assessment::{Rule, Settings};
use kafaa::engine::content::whole_bank;
use kafaa::engine::simulate::{is_adaptive, measure, precision_file, Precision};

/// Learners per domain and mode (11 domains: 22,000 attempts per mode).
const LEARNERS: usize = 2000;

/// `KAFAA_LEARNERS` overrides [`LEARNERS`] for quick trials while tuning settings.
fn learners() -> usize {
    std::env::var("KAFAA_LEARNERS").ok().and_then(|v| v.parse().ok()).unwrap_or(LEARNERS)
}

fn main() {
    let read = |path: &str| {
        let path = format!("static/content/{path}");
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
    };
    let settings_text = read("assessment.json");
    let settings = Settings::parse("content/assessment.json", &settings_text)
        .unwrap_or_else(|problems| panic!("invalid settings: {problems:?}"));
    let (bank, problems) = whole_bank(read).unwrap_or_else(|problems| panic!("invalid index: {problems:?}"));
    assert!(problems.is_empty(), "invalid content: {problems:?}");
    let bank = bank.with_pilots(&settings.pilots);
    let all: Vec<String> = bank.domains.iter().map(|d| d.id.clone()).collect();
    if std::env::args().any(|a| a == "--compare") {
        compare(&settings, &bank);
        return;
    }
    let file = precision_file(&settings_text, &settings, &bank, learners());
    let args: Vec<String> = std::env::args().collect();
    if let Some(path) = args.iter().position(|a| a == "--write").and_then(|i| args.get(i + 1)) {
        let text = serde_json::to_string_pretty(&file).expect("figures serialize") + "\n";
        std::fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
        println!("wrote {path}");
    }
    println!(
        "Simulated learners on the shipped bank (θ ~ N(0, 1); guessing at each type's chance rate; \
         {} per domain and mode, one domain each, then a retest)",
        file.learners_per_domain
    );
    let mut missed = 0;
    for (mode, p) in settings.modes.iter().zip(&file.modes) {
        // Pilot items included: the lengths the start page states.
        let (min, max) = settings.length(mode, &all).per_domain;
        println!("  {}", mode.id);
        let mut goal = |name: &str, value: String, goal: &str, met: bool| {
            println!("    {name:<44} {value:>14}   goal {goal:<18} {}", if met { "met" } else { "NOT MET" });
            missed += usize::from(!met);
        };
        goal(
            "items per domain (min / mean / max)",
            format!("{} / {:.1} / {}", p.items_min, p.items_mean, p.items_max),
            &format!("{min}–{max}, ≥ 6"),
            p.items_min >= 6 && p.items_min >= min && p.items_max <= max,
        );
        goal("right level shown", pct(p.right_level), "≥ 60%", p.right_level >= 0.60);
        let by_level: Vec<String> = p.right_by_level.iter().map(|r| r.map_or("–".into(), pct)).collect();
        println!("    {:<44} {:>14}", "  … by true level (low → high)", by_level.join(" "));
        goal(
            "80% band holds the true ability",
            pct(p.coverage),
            "77–83%",
            (0.77..=0.83).contains(&p.coverage),
        );
        if is_adaptive(mode) {
            goal("most-seen item seen by", pct(p.max_exposure), "≤ 40%", p.max_exposure <= 0.40);
        }
        // The goal for overlap is the one-domain quick check's (a test of one domain).
        if mode.id == "quick" {
            goal("items two learners share", pct(p.overlap), "≤ 50%", p.overlap <= 0.50);
        } else {
            println!("    {:<44} {:>14}", "items two learners share", pct(p.overlap));
        }
        info(p);
    }
    if missed > 0 {
        eprintln!("{missed} goal(s) missed");
        std::process::exit(1);
    }
}

fn info(p: &Precision) {
    println!(
        "    band width {:.2} logit, inside one level {}, bias {:+.3}, RMSE {:.3}, retest repeats {}",
        p.band_width,
        pct(p.settled),
        p.bias,
        p.rmse,
        pct(p.retest_repeat)
    );
}

fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

/// The quick check with other stopping rules and caps, then each adaptive mode with other
/// randomesque sizes (500 learners per domain): how long it is, how often the level is right,
/// and how concentrated the items are.
fn compare(settings: &Settings, bank: &kafaa::engine::bank::Bank) {
    let Some(quick) = settings.mode("quick") else { return };
    println!("Quick check under other rules (500 learners per domain, one domain each)");
    header("stop when P(level) ≥ / cap");
    for classify in [None, Some(0.6), Some(0.7), Some(0.75), Some(0.8), Some(0.9)] {
        for cap in [10, 13, 16] {
            let p = with_rule(bank, settings, &quick.id, |rule| {
                rule.classify = classify;
                rule.max_items = cap;
            });
            row(&format!("{} / {cap}", classify.map_or("never".to_string(), |c| format!("{c:.2}"))), &p);
        }
    }
    println!("\nExposure control: the next item drawn among the k most informative");
    header("mode / k");
    for mode in settings.modes.iter().filter(|m| is_adaptive(m)) {
        for k in [12, 20, 30, 40, 48, 60] {
            let p = with_rule(bank, settings, &mode.id, |rule| rule.randomesque = k);
            row(&format!("{} / {k}", mode.id), &p);
        }
    }
}

fn header(first: &str) {
    println!(
        "  {first:<28} {:>9} {:>12} {:>12} {:>12} {:>10}",
        "items", "right level", "band covers", "top item", "overlap"
    );
}

fn row(label: &str, p: &Precision) {
    println!(
        "  {label:<28} {:>9.1} {:>12} {:>12} {:>12} {:>10}",
        p.items_mean,
        pct(p.right_level),
        pct(p.coverage),
        pct(p.max_exposure),
        pct(p.overlap)
    );
}

/// The mode `id` measured with its adaptive rule changed by `change` (attempts look their
/// mode's rule up in the settings, so it is changed there).
fn with_rule(
    bank: &kafaa::engine::bank::Bank,
    settings: &Settings,
    id: &str,
    change: impl Fn(&mut kafaa::engine::assessment::AdaptiveRule),
) -> Precision {
    let mut variant = settings.clone();
    for mode in variant.modes.iter_mut().filter(|m| m.id == id) {
        if let Rule::Adaptive(rule) = &mut mode.rule {
            change(rule);
        }
    }
    let mode = variant.mode(id).expect("the mode exists");
    measure(bank, &variant, mode, 500, 7)
}
