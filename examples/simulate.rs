//! Prints bias, RMSE and mean test length of every mode, on a synthetic 200-item 2PL bank and
//! on the shipped bank (uncalibrated: parameters from authored difficulty).
//! Run by `scripts/bench`: `cargo run --release --example simulate`.

use kafaa::engine::assessment::Settings;
use kafaa::engine::content::whole_bank;
use kafaa::engine::simulate::{simulate, synthetic_bank, Report};

const EXAMINEES: usize = 1000;

fn main() {
    let read = |path: &str| {
        let path = format!("static/content/{path}");
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
    };
    let settings = Settings::parse("content/assessment.json", &read("assessment.json"))
        .unwrap_or_else(|problems| panic!("invalid settings: {problems:?}"));
    let (bank, problems) = whole_bank(read).unwrap_or_else(|problems| panic!("invalid index: {problems:?}"));
    assert!(problems.is_empty(), "invalid content: {problems:?}");
    let synthetic = synthetic_bank(1, 200, 2026);
    println!("Simulated examinees (θ ~ N(0, 1) per domain, {EXAMINEES} per row)");
    println!("  {:<34} {:<16} {:>8} {:>8} {:>8} {:>8}", "bank", "mode", "length", "bias", "RMSE", "mean SE");
    for (name, bank) in
        [("synthetic 2PL, 200 items, 1 domain", &synthetic), ("shipped bank (11 domains)", &bank)]
    {
        for mode in &settings.modes {
            let r = simulate(bank, &settings, mode, EXAMINEES, 99);
            println!(
                "  {name:<34} {:<16} {:>8.1} {:>+8.3} {:>8.3} {:>8.3}",
                mode.id, r.mean_length, r.bias, r.rmse, r.mean_se
            );
            if name.starts_with("synthetic") && mode.id == "quick" {
                verdict(&r);
            }
        }
    }
}

/// The targets for the quick check on the synthetic bank.
fn verdict(r: &Report) {
    let ok = r.rmse <= 0.40 && r.mean_length <= 20.0 && r.bias.abs() <= 0.05;
    println!(
        "    targets RMSE ≤ 0.40, mean length ≤ 20, |bias| ≤ 0.05: {}",
        if ok { "met" } else { "NOT MET" }
    );
}
