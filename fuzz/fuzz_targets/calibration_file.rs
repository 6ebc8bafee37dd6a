//! A calibration parameters file (`content/calibration.json`).
#![no_main]
use kafaa::engine::calibration::params_file::ParamsFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = ParamsFile::parse("content/calibration.json", text);
    }
});
