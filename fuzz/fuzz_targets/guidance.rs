//! A specialties-and-tracks file (a school's own, or the shipped one).
#![no_main]
use kafaa::engine::assessment::Settings;
use kafaa::engine::guidance::Guidance;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let settings = Settings::parse("s", include_str!("../../static/content/assessment.json")).expect("shipped");
    let domains = vec!["data".to_string(), "web".to_string()];
    let languages = vec!["en".to_string(), "fr".to_string(), "ar".to_string()];
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Guidance::parse("local.json", text, &domains, &languages, &settings);
    }
});
