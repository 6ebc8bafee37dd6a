//! Calibrates the bank from anonymous response files (exported from class dashboards):
//! merges them, fits the chosen model by marginal maximum likelihood, checks item fit and
//! DIF between languages, prints a table, writes the parameters file, and with `--apply`
//! writes each calibrated item's parameters into its domain file's `irt` block.
//!
//! ```text
//! cargo run --release --bin calibrate -- [--model rasch|1pl|2pl|3pl] [--out static/content/calibration.json]
//!     [--c-from-types static/content] [--link static/content/calibration.json]
//!     [--apply static/content] files...
//! ```
//!
//! A native tool, not part of the app; it compiles for wasm32 too only because
//! `cargo clippy --all-targets` builds every target there.

#![forbid(unsafe_code)]

use std::process::ExitCode;

use kafaa::engine::bank::Index;
use kafaa::engine::calibration::apply::{apply, rounded};
use kafaa::engine::calibration::dif::{language_pairs, mantel_haenszel, Dif, EtsClass};
use kafaa::engine::calibration::fit::{fit, Calibration, Model, Options};
use kafaa::engine::calibration::item_fit::{item_fit, ItemFit, ALPHA};
use kafaa::engine::calibration::linking::mean_sigma;
use kafaa::engine::calibration::matrix::Matrix;
use kafaa::engine::calibration::params_file::ParamsFile;
use kafaa::engine::calibration::responses::{ResponseFile, MAX_BYTES};
use kafaa::engine::content::{whole_bank, INDEX_FILE};
use kafaa::engine::irt::ItemParams;
use kafaa::engine::sorted::SortedMap;

const USAGE: &str = "usage: calibrate [--model rasch|1pl|2pl|3pl] [--out FILE] [--c-from-types CONTENT_DIR] \
[--link CALIBRATION_FILE] [--apply CONTENT_DIR] RESPONSE_FILE...

  --model         the IRT model (default 2pl); 3pl fixes each item's c at its type's chance rate
  --out           write the calibrated parameters there (e.g. static/content/calibration.json)
  --c-from-types  read the bank in this folder (index.json and its domains) for the items' types
  --link          put the estimates on the scale of this parameters file, through the items in both
  --apply         write each calibrated item's a, b and c (3 decimals) into the irt block of its
                  domain file in this folder (index.json and its domains); all files or none";

/// The psychometrics review's planning figure: 500–1,000 responses per item for a 2PL.
const ADVISED_N: usize = 500;
/// c stays below the bank's limit of 0.5 (a true/false item's chance is exactly 0.5).
const MAX_C: f64 = 0.49;

struct Args {
    model: Model,
    out: Option<String>,
    content: Option<String>,
    link: Option<String>,
    apply: Option<String>,
    files: Vec<String>,
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args(mut list: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut args =
        Args { model: Model::TwoPl, out: None, content: None, link: None, apply: None, files: Vec::new() };
    while let Some(arg) = list.next() {
        let mut value = |name: &str| list.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--model" => {
                let id = value("--model")?;
                args.model = Model::from_id(&id).ok_or(format!("unknown model \"{id}\""))?;
            }
            "--out" => args.out = Some(value("--out")?),
            "--c-from-types" => args.content = Some(value("--c-from-types")?),
            "--link" => args.link = Some(value("--link")?),
            "--apply" => args.apply = Some(value("--apply")?),
            "-h" | "--help" => {
                return Err("Calibrates the bank's items from anonymous response files.".into())
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file => args.files.push(file.to_string()),
        }
    }
    if args.files.is_empty() {
        return Err("no response file given".into());
    }
    Ok(args)
}

/// A file's text, refusing files larger than `max` bytes before reading them.
fn read(path: &str, max: usize) -> Result<String, String> {
    let size = std::fs::metadata(path).map_err(|e| format!("{path}: {e}"))?.len();
    if size > max as u64 {
        return Err(format!("{path}: {size} bytes, more than the {max} this file may hold"));
    }
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn run(args: &Args) -> Result<(), String> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in &args.files {
        match ResponseFile::parse(path, &read(path, MAX_BYTES)?) {
            Ok(file) => files.push(file),
            Err(p) => problems.extend(p.iter().map(ToString::to_string)),
        }
    }
    if !problems.is_empty() {
        return Err(format!(
            "{} problem(s); nothing calibrated:\n  {}",
            problems.len(),
            problems.join("\n  ")
        ));
    }
    let data = Matrix::new(&ResponseFile::merge(files));
    if data.items().is_empty() {
        return Err("the files hold no response".into());
    }
    let mut options = Options::new(args.model);
    if let Some(dir) = &args.content {
        options.guessing = chance_by_type(dir, data.items())?;
        if args.model != Model::ThreePl {
            println!("note: --c-from-types sets c only for the 3pl model; {} keeps c = 0", args.model.id());
        }
    } else if args.model == Model::ThreePl {
        println!("note: no --c-from-types: every c is 0, which makes the 3pl a 2pl");
    }
    let mut calibration = fit(&data, &options);
    let linking = match &args.link {
        Some(path) => {
            let current =
                ParamsFile::parse(path, &read(path, kafaa::engine::calibration::params_file::MAX_BYTES)?)
                    .map_err(|p| p.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))?;
            let anchors = current.items.iter().map(|(id, c)| (id.clone(), c.params)).collect();
            let linking = mean_sigma(&calibration, &anchors)
                .ok_or(format!("{path} shares no item with the responses: nothing to link through"))?;
            linking.apply(&mut calibration);
            Some(linking)
        }
        None => None,
    };
    let fits = item_fit(&data, &calibration);
    let difs = mantel_haenszel(&data, &calibration.abilities);
    print_table(&data, &calibration, &fits, &difs);
    print_summary(&data, &calibration, &fits, &difs);
    if let Some(l) = &linking {
        println!(
            "linked to {} through {} anchor item(s): θ_current = {:.3} θ + {:+.3}",
            args.link.as_deref().unwrap_or_default(),
            l.anchors.len(),
            l.slope,
            l.shift
        );
    }
    let (file, left_out) = ParamsFile::from_calibration(&calibration);
    for id in &left_out {
        println!("not written, estimates outside the bank's ranges (a in (0, 4], b in [-4, 4]): {id}");
    }
    if let Some(out) = &args.out {
        std::fs::write(out, file.to_json()).map_err(|e| format!("{out}: {e}"))?;
        println!("wrote {} item(s) to {out}", file.items.len());
    }
    if let Some(dir) = &args.apply {
        // The items the parameters file holds, from the estimates themselves (not from the
        // file's 4 decimals, which would round twice).
        let mut params = SortedMap::new();
        for item in calibration.items.iter().filter(|i| file.items.contains_key(&i.id)) {
            match rounded(item.params) {
                Some(p) => {
                    params.insert(item.id.clone(), p);
                }
                None => println!("not applied, outside the bank's ranges at 3 decimals: {}", item.id),
            }
        }
        apply_to_bank(dir, &params)?;
    }
    Ok(())
}

/// Writes `params` into the domain files of the bank in `dir`: every file is edited and
/// checked first, and none is written unless all are fine.
fn apply_to_bank(dir: &str, params: &SortedMap<String, ItemParams>) -> Result<(), String> {
    let path = |file: &str| format!("{dir}/{file}");
    let index_path = path("index.json");
    let index = Index::parse(INDEX_FILE, &read(&index_path, MAX_BYTES)?).map_err(|p| {
        format!(
            "{index_path}: {}; nothing applied",
            p.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
        )
    })?;
    let mut edited = Vec::new();
    let mut refused = Vec::new();
    for entry in &index.domains {
        let file = path(&entry.file);
        match apply(&index, entry, &read(&file, MAX_BYTES)?, params) {
            Ok(applied) if applied.items.is_empty() => {}
            Ok(applied) => edited.push((file, applied)),
            Err(why) => refused.push(format!("{file}: {why}")),
        }
    }
    if !refused.is_empty() {
        return Err(format!("nothing applied:\n  {}", refused.join("\n  ")));
    }
    let applied: Vec<&String> = edited.iter().flat_map(|(_, a)| &a.items).collect();
    let missing: Vec<&str> = params.keys().filter(|id| !applied.contains(id)).map(String::as_str).collect();
    if !missing.is_empty() {
        println!("not applied, not in the bank in {dir}: {}", missing.join(", "));
    }
    for (file, applied) in &edited {
        std::fs::write(file, &applied.text).map_err(|e| format!("{file}: {e}"))?;
        println!("applied {} item(s) to {file}", applied.items.len());
    }
    if !edited.is_empty() {
        println!(
            "now run `cargo run --release --example simulate -- --write {dir}/precision.json`: \
the levels' figures rest on the items' parameters"
        );
    }
    Ok(())
}

/// Each item's chance of a right guess, from its type in the bank read from `dir`.
fn chance_by_type(dir: &str, items: &[String]) -> Result<SortedMap<String, f64>, String> {
    let (bank, problems) =
        whole_bank(|path| std::fs::read_to_string(format!("{dir}/{path}")).unwrap_or_default()).map_err(
            |p| {
                format!(
                    "{dir}: the bank's index cannot be read: {}",
                    p.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
                )
            },
        )?;
    for p in &problems {
        println!("note: {p}");
    }
    let mut guessing = SortedMap::new();
    let mut unknown = Vec::new();
    for id in items {
        match bank.item(id) {
            Some(item) => {
                // The type's chance rate as scored (`Question::chance`), below the bank's limit for c.
                guessing.insert(id.clone(), item.question.chance().min(MAX_C));
            }
            None => unknown.push(id.as_str()),
        }
    }
    if !unknown.is_empty() {
        println!("note: not in the bank, c = 0: {}", unknown.join(", "));
    }
    Ok(guessing)
}

fn print_table(data: &Matrix, calibration: &Calibration, fits: &[Option<ItemFit>], difs: &[Dif]) {
    let languages = data.languages();
    let pairs = language_pairs(languages);
    let width = data.items().iter().map(|i| i.chars().count()).max().unwrap_or(4).max(4);
    let mut header = format!(
        "{:<width$} {:>6} {:>5} {:>15} {:>15} {:>5} {:>13} {:>7}",
        "item", "n", "p", "a (se)", "b (se)", "c", "fit χ²/df", "fit p"
    );
    for &(r, f) in &pairs {
        header.push_str(&format!(" {:>7}", format!("{}-{}", languages[r], languages[f])));
    }
    println!("{header}");
    for (i, (item, fit)) in calibration.items.iter().zip(fits).enumerate() {
        let p = item.right as f64 / item.n.max(1) as f64;
        let a = match item.se_a {
            Some(se) => format!("{:.2} ({:.2})", item.params.a, se),
            None => format!("{:.2} (fixed)", item.params.a),
        };
        let b = format!("{:.2} ({:.2})", item.params.b, item.se_b);
        let (statistic, p_value) = match fit {
            Some(f) => (
                format!("{:.1}/{}", f.chi_square, f.df),
                format!("{:.3}{}", f.p_value, if f.misfit { "*" } else { " " }),
            ),
            None => ("-".to_string(), "- ".to_string()),
        };
        let mut line = format!(
            "{:<width$} {:>6} {:>5.2} {:>15} {:>15} {:>5.2} {:>13} {:>7}",
            item.id, item.n, p, a, b, item.params.c, statistic, p_value
        );
        for &(r, f) in &pairs {
            let label = difs
                .iter()
                .find(|d| d.item == i && d.reference == r && d.focal == f)
                .and_then(|d| d.mh)
                .map_or("-".to_string(), |m| m.label());
            line.push_str(&format!(" {label:>7}"));
        }
        println!("{line}");
    }
}

fn print_summary(data: &Matrix, calibration: &Calibration, fits: &[Option<ItemFit>], difs: &[Dif]) {
    let responses: usize = calibration.items.iter().map(|i| i.n).sum();
    let mut by_language = vec![0usize; data.languages().len()];
    for l in data.learners() {
        if let Some(n) = by_language.get_mut(l.language) {
            *n += 1;
        }
    }
    let languages: Vec<String> =
        data.languages().iter().zip(&by_language).map(|(l, n)| format!("{l} {n}")).collect();
    println!();
    println!(
        "{} learners ({}), {} items, {} responses; model {}",
        data.learners().len(),
        languages.join(", "),
        calibration.items.len(),
        responses,
        calibration.model.id()
    );
    println!(
        "EM: {} iteration(s), {}, last change {:.2e}; marginal log-likelihood {:.2}",
        calibration.iterations,
        if calibration.converged { "converged" } else { "NOT converged (iteration cap)" },
        calibration.last_change,
        calibration.log_likelihood
    );
    let misfit: Vec<&str> = calibration
        .items
        .iter()
        .zip(fits)
        .filter(|(_, f)| f.as_ref().is_some_and(|f| f.misfit))
        .map(|(i, _)| i.id.as_str())
        .collect();
    let unfitted = fits.iter().filter(|f| f.is_none()).count();
    println!(
        "item fit (rest-posterior Q1, * = p < {ALPHA}): {} misfitting{}{}",
        misfit.len(),
        if misfit.is_empty() { String::new() } else { format!(": {}", misfit.join(", ")) },
        if unfitted > 0 {
            format!("; {unfitted} item(s) with too few learners for a statistic")
        } else {
            String::new()
        }
    );
    for class in [EtsClass::C, EtsClass::B] {
        let items: Vec<String> = difs
            .iter()
            .filter_map(|d| {
                let mh = d.mh.filter(|m| m.class == class)?;
                let langs = data.languages();
                Some(format!(
                    "{} ({}-{} {})",
                    data.items()[d.item],
                    langs[d.reference],
                    langs[d.focal],
                    mh.label()
                ))
            })
            .collect();
        println!(
            "DIF class {class:?}: {}",
            if items.is_empty() { "none".to_string() } else { items.join(", ") }
        );
    }
    let thin = calibration.items.iter().filter(|i| i.n < ADVISED_N).count();
    if thin > 0 {
        println!(
            "{thin} item(s) with fewer than {ADVISED_N} responses: plan 500–1,000 per item for a 2PL (more for a 3PL); \
their estimates lean on the priors"
        );
    }
}
