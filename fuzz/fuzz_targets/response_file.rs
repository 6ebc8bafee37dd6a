//! An anonymous response file, as the calibrate command reads it.
#![no_main]
use kafaa::engine::calibration::responses::ResponseFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = ResponseFile::parse("responses.json", text);
    }
});
