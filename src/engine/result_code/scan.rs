//! Result codes read from a camera's frames, where the browser has no QR reader of its own
//! (`BarcodeDetector` is missing from Chrome on Windows and Linux, and from Firefox: most
//! school computers). Pure: a frame's pixels in, the texts of the QR codes in it out.

/// The text of every QR code found in a frame `width` × `height` pixels wide, given as RGBA
/// bytes (what a canvas's `getImageData` holds). A frame of the wrong size reads as empty.
pub fn read_rgba(width: usize, height: usize, rgba: &[u8]) -> Vec<String> {
    if width == 0
        || height == 0
        || width.checked_mul(height).and_then(|n| n.checked_mul(4)) != Some(rgba.len())
    {
        return Vec::new();
    }
    // Luma (ITU-R BT.601), in integers.
    let luma: Vec<u8> = rgba
        .chunks_exact(4)
        .map(|p| ((299 * u32::from(p[0]) + 587 * u32::from(p[1]) + 114 * u32::from(p[2])) / 1000) as u8)
        .collect();
    let mut reader = quircs::Quirc::default();
    reader
        .identify(width, height, &luma)
        .filter_map(|code| code.ok()?.decode().ok())
        .filter_map(|data| String::from_utf8(data.payload).ok())
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
