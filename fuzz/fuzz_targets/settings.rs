//! The assessment settings file, and the precision file simulated from them.
#![no_main]
use kafaa::engine::assessment::Settings;
use kafaa::engine::simulate::PrecisionFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Settings::parse("assessment.json", text);
        let _ = PrecisionFile::parse(text);
    }
});
