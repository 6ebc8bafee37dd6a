use qrcode::{Color, EcLevel, QrCode};

use super::*;

/// A camera frame (RGBA) of `width` × `height` holding `text` as the app draws it (error
/// correction M), `module` pixels a module, with a quiet zone, at `(left, top)`, on a light
/// grey background; `turn` turns the frame a quarter (as a phone held sideways).
fn frame(
    text: &str,
    width: usize,
    height: usize,
    module: usize,
    left: usize,
    top: usize,
    turn: bool,
) -> Vec<u8> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).unwrap();
    let n = code.width();
    let colors = code.to_colors();
    let mut rgba = vec![200u8; width * height * 4];
    for y in 0..height {
        for x in 0..width {
            let (cx, cy) = if turn { (y, width - 1 - x) } else { (x, y) };
            let inside =
                cx >= left && cy >= top && (cx - left) / module < n + 8 && (cy - top) / module < n + 8;
            let value = if !inside {
                200
            } else {
                // Four modules of quiet zone, then the code.
                let (mx, my) = ((cx - left) / module, (cy - top) / module);
                let dark = (4..n + 4).contains(&mx)
                    && (4..n + 4).contains(&my)
                    && colors[(my - 4) * n + (mx - 4)] == Color::Dark;
                if dark {
                    20
                } else {
                    235
                }
            };
            rgba[4 * (y * width + x)..4 * (y * width + x) + 3].fill(value);
        }
    }
    rgba
}

/// A real-sized result code: thirty answers of the kind a session gives.
const CODE: &str = "KAFAA-AWHTZrFy1x-Eb0Q2vrPyJ7ptm8vUGwDvxe8hrfnKqZKiK6oFUiUGNwdHljGzO8pz6r6o0jH55Ks07Oq6Gdm0mHqVsC7oH9p0jvE5J1kxj2oXKpyjB0DVzQJ4kGv5Xy8Hn0qSZrJv4kEKAsUvUUmV3lHoR0xK6rWbqj9Zb4PQ3DV5ghGv2HDHjDXS8sPbtJ8E5RVm9tTo1tFhB5n2Z6XL0o8ykq2q3X8Y8Jd4Xnc0kpS6ZxqBTe0S9nRIjkqQ2EK1QeeLkFZ5gWwQ8u3Zr7mJbmS2yWkq5sT0VwS2cQXnqU0D3g9yY4WwCkRZ3o1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";

#[test]
fn a_result_code_shown_to_the_camera_is_read() {
    let rgba = frame(CODE, 640, 480, 3, 90, 40, false);
    assert_eq!(read_rgba(640, 480, &rgba), vec![CODE.to_string()]);
}

#[test]
fn a_code_held_sideways_or_small_is_read_too() {
    let rgba = frame(CODE, 480, 640, 3, 40, 90, true);
    assert_eq!(read_rgba(480, 640, &rgba), vec![CODE.to_string()]);
    let short = "KAFAA-short";
    let rgba = frame(short, 320, 240, 4, 100, 60, false);
    assert_eq!(read_rgba(320, 240, &rgba), vec![short.to_string()]);
}

#[test]
fn frames_without_a_code_or_of_the_wrong_size_read_as_nothing() {
    assert!(read_rgba(64, 48, &vec![255; 64 * 48 * 4]).is_empty());
    // Noise: a linear congruential sequence, reproducible.
    let mut x = 12345u32;
    let noise: Vec<u8> = (0..160 * 120 * 4)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .collect();
    assert!(read_rgba(160, 120, &noise).is_empty());
    let rgba = frame(CODE, 640, 480, 3, 90, 40, false);
    assert!(read_rgba(640, 481, &rgba).is_empty(), "more pixels said than given");
    assert!(read_rgba(0, 480, &[]).is_empty());
    assert!(read_rgba(usize::MAX, 2, &rgba).is_empty());
}
