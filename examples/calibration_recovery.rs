//! Parameter recovery of the calibration pipeline, and its DIF check, on simulated data.
//!
//! One domain of 30 items with true a ~ lognormal(0, 0.35²) and b ~ N(0, 1), learners
//! θ ~ N(0, 1), N = 500, 1,000 and 2,000 (fixed seeds). For each N it writes the response
//! matrix (`responses_<N>.csv`: a header of item ids, then one row of 0/1 per learner) and
//! the true parameters (`true_params.csv`) into the folder given as argument, fits the 2PL
//! with the default priors (and without, for comparison), and prints RMSE(a), RMSE(b) and the
//! time; `scripts/calibration/girth_recovery.py` fits the same files with girth and prints
//! the same lines, and `scripts/calibration/recovery` compares them.
//!
//! Run: `cargo run --release --example calibration_recovery -- target/bench/calibration`

use std::fmt::Write as _;
use std::time::Instant;

use kafaa::engine::calibration::dif::{language_pairs, mantel_haenszel, EtsClass};
use kafaa::engine::calibration::fit::{fit, Calibration, Model, Options};
use kafaa::engine::calibration::matrix::Matrix;
use kafaa::engine::calibration::simulate::{draw_items, Design};
use kafaa::engine::irt::ItemParams;
use kafaa::engine::rng::Rng;

const SIZES: [usize; 3] = [500, 1_000, 2_000];
const ITEMS: usize = 30;

fn main() {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: calibration_recovery <output folder>");
        std::process::exit(2);
    };
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("cannot create {out}: {e}");
        std::process::exit(1);
    }
    let items = draw_items(ITEMS, 0.35, &mut Rng::new(2026));
    let mut truth = String::from("item,a,b\n");
    for (id, p) in &items {
        let _ = writeln!(truth, "{id},{},{}", p.a, p.b);
    }
    write(&format!("{out}/true_params.csv"), &truth);
    println!("Parameter recovery, 2PL, {ITEMS} items, a ~ lognormal(0, 0.35²), b ~ N(0, 1), θ ~ N(0, 1)");
    for n in SIZES {
        let mut rng = Rng::new(7_000 + n as u64);
        let learners: Vec<(String, f64)> = (0..n).map(|_| ("en".to_string(), rng.normal())).collect();
        let file = Design::complete(items.clone()).run(&learners, &mut rng);
        let data = Matrix::new(&file);
        write(&format!("{out}/responses_{n}.csv"), &csv(&data));
        for (label, options) in [("ours", Options::new(Model::TwoPl)), ("ours-ml", no_priors())] {
            let start = Instant::now();
            let calibration = fit(&data, &options);
            let seconds = start.elapsed().as_secs_f64();
            report(label, n, &calibration, &items, seconds);
        }
    }
    dif_check();
}

fn no_priors() -> Options {
    Options { priors: None, ..Options::new(Model::TwoPl) }
}

/// One line per fit, in the format the girth script prints too.
fn report(label: &str, n: usize, calibration: &Calibration, truth: &[(String, ItemParams)], seconds: f64) {
    let (mut sa, mut sb, mut se_a, mut se_b) = (0.0, 0.0, 0.0, 0.0);
    for (estimate, (id, p)) in calibration.items.iter().zip(truth) {
        assert_eq!(&estimate.id, id, "items in the same order");
        sa += (estimate.params.a - p.a).powi(2);
        sb += (estimate.params.b - p.b).powi(2);
        se_a += estimate.se_a.unwrap_or(0.0);
        se_b += estimate.se_b;
    }
    let k = truth.len() as f64;
    println!(
        "{label} N={n} rmse_a={:.4} rmse_b={:.4} seconds={seconds:.3} (iterations {}, mean SE(a) {:.4}, mean SE(b) {:.4}, log-likelihood {:.1})",
        (sa / k).sqrt(),
        (sb / k).sqrt(),
        calibration.iterations,
        se_a / k,
        se_b / k,
        calibration.log_likelihood
    );
}

/// The matrix as CSV: item ids, then 0/1 per learner (complete data only).
fn csv(data: &Matrix) -> String {
    let mut out = data.items().join(",");
    out.push('\n');
    for learner in data.learners() {
        let row: Vec<&str> =
            learner.responses.iter().map(|(_, right)| if *right { "1" } else { "0" }).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

fn write(path: &str, text: &str) {
    if let Err(e) = std::fs::write(path, text) {
        eprintln!("cannot write {path}: {e}");
        std::process::exit(1);
    }
}

/// Three languages, 1,000 learners each; item i07 is 0.8 logit harder in Arabic.
fn dif_check() {
    let items = draw_items(ITEMS, 0.35, &mut Rng::new(2027));
    let a = items.iter().find(|(id, _)| id == "i07").map_or(1.0, |(_, p)| p.a);
    let mut design = Design::complete(items);
    design.dif.push(("i07".into(), "ar".into(), 0.8));
    let mut rng = Rng::new(99);
    let learners: Vec<(String, f64)> =
        ["en", "fr", "ar"].iter().flat_map(|l| (0..1_000).map(|_| (l.to_string(), 0.0))).collect();
    let learners: Vec<(String, f64)> = learners.into_iter().map(|(l, _)| (l, rng.normal())).collect();
    let data = Matrix::new(&design.run(&learners, &mut rng));
    let calibration = fit(&data, &Options::new(Model::TwoPl));
    let difs = mantel_haenszel(&data, &calibration.abilities);
    println!("\nDIF check (Mantel–Haenszel, ETS classes): 3 × 1,000 learners, item i07 b + 0.8 in ar");
    println!("  i07 has a = {a:.2}: expected |Δ| about 2.35 × a × 0.8 = {:.2} against ar", 2.35 * a * 0.8);
    let languages = data.languages();
    for (r, f) in language_pairs(languages) {
        let pair: Vec<_> = difs.iter().filter(|d| d.reference == r && d.focal == f).collect();
        let planted = pair.iter().find(|d| data.items()[d.item] == "i07").and_then(|d| d.mh);
        let clean: Vec<_> =
            pair.iter().filter(|d| data.items()[d.item] != "i07").filter_map(|d| d.mh).collect();
        let count = |c: EtsClass| clean.iter().filter(|m| m.class == c).count();
        println!(
            "  {} vs {}: i07 {} (Δ {:+.2}, SE {:.2}); clean items A {} / B {} / C {}",
            languages[r],
            languages[f],
            planted.map_or("-".into(), |m| m.label()),
            planted.map_or(f64::NAN, |m| m.delta),
            planted.map_or(f64::NAN, |m| m.se_delta),
            count(EtsClass::A),
            count(EtsClass::B),
            count(EtsClass::C)
        );
    }
}
