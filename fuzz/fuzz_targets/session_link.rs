//! A session link's payload, as a student's browser reads it from the fragment.
#![no_main]
use kafaa::engine::assessment::Settings;
use kafaa::engine::content::Checks;
use kafaa::engine::session::Session;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let settings = Settings::parse("s", include_str!("../../static/content/assessment.json")).expect("shipped");
    let domains = vec!["data".to_string(), "web".to_string()];
    let languages = vec!["en".to_string(), "ar".to_string()];
    let checks = Checks { domains: &domains, languages: &languages, settings: &settings };
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Session::from_payload(text, &checks);
    }
});
