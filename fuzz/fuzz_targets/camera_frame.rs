//! A camera frame, as the teacher's page reads it when the browser has no QR reader: any
//! pixels must not stop the page. Half the inputs are raw frames of any shape; the other half
//! draw a QR code of fuzzed text and damage it with fuzzed bytes, so the reader's decoding
//! (not only its search for finder patterns) is reached.
#![no_main]
use kafaa::engine::result_code::scan::read_rgba;
use libfuzzer_sys::fuzz_target;
use qrcode::{Color, EcLevel, QrCode};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    if first % 2 == 0 {
        // The first byte gives the width (1 to 128 pixels); the rest is RGBA, cut to whole rows.
        let width = usize::from(first / 2) + 1;
        let height = rest.len() / 4 / width;
        let _ = read_rgba(width, height, &rest[..width * height * 4]);
        // And a frame whose size says more than it holds.
        let _ = read_rgba(width, height + 1, &rest[..width * height * 4]);
        return;
    }
    // Text up to the first zero byte; what follows damages the drawn frame.
    let cut = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
    let (text, damage) = (&rest[..cut], rest.get(cut + 1..).unwrap_or_default());
    let level = [EcLevel::L, EcLevel::M, EcLevel::Q, EcLevel::H][usize::from(first >> 1) % 4];
    let Ok(code) = QrCode::with_error_correction_level(text, level) else { return };
    let (n, colors) = (code.width(), code.to_colors());
    let module = 2;
    let size = (n + 8) * module;
    let mut rgba = vec![255u8; size * size * 4];
    for (i, color) in colors.iter().enumerate() {
        if *color == Color::Dark {
            let (mx, my) = (i % n + 4, i / n + 4);
            for y in my * module..(my + 1) * module {
                for x in mx * module..(mx + 1) * module {
                    rgba[4 * (y * size + x)..4 * (y * size + x) + 3].fill(0);
                }
            }
        }
    }
    // Each pair of damage bytes flips a block of 4 × 4 pixels somewhere in the frame.
    for pair in damage.chunks_exact(2) {
        let (x, y) = (usize::from(pair[0]) * size / 256, usize::from(pair[1]) * size / 256);
        for yy in y..(y + 4).min(size) {
            for xx in x..(x + 4).min(size) {
                let at = 4 * (yy * size + xx);
                let v = 255 - rgba[at];
                rgba[at..at + 3].fill(v);
            }
        }
    }
    let _ = read_rgba(size, size, &rgba);
});
