//! Numbers written with a fixed number of decimals, by integer formatting only: the standard
//! float formatter (`{:.2}`) brings about 10 KB of tables and code into a document's wasm
//! (9.5 KB before gzip in the classroom's), for a few figures.

/// `x` rounded to `places` decimals (at most 9), halves away from zero: `fixed(0.349, 2)` is
/// "0.35", `fixed(-1.5, 2)` is "-1.50". What `{:.N}` writes, but at exact halves.
pub fn fixed(x: f64, places: u32) -> String {
    let places = places.min(9);
    let scale = 10u64.pow(places);
    // A saturating cast: NaN is 0, and no figure shown comes near u64::MAX.
    let units = (x.abs() * scale as f64).round() as u64;
    let sign = if x.is_sign_negative() && units != 0 { "-" } else { "" };
    match places {
        0 => format!("{sign}{units}"),
        _ => format!("{sign}{}.{:0width$}", units / scale, units % scale, width = places as usize),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
