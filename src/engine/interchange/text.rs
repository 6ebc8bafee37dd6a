//! Texts from other tools as plain text: HTML and Markdown are read for their words, never
//! passed on as markup, so a file cannot put a script or a tracking image into the page.

/// How a text is written, by the names GIFT (`[html]`) and Moodle XML (`format="html"`) use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Taken as it is.
    Plain,
    Html,
    /// Moodle's own "auto-format": HTML allowed, and a line break is a line break.
    Moodle,
    Markdown,
}

impl Format {
    /// The format a GIFT `[name]` or Moodle XML `format` attribute names, if it is one.
    pub fn named(name: &str) -> Option<Format> {
        match name {
            "plain" | "plain_text" => Some(Format::Plain),
            "html" => Some(Format::Html),
            "moodle" | "moodle_auto_format" => Some(Format::Moodle),
            "markdown" => Some(Format::Markdown),
            _ => None,
        }
    }

    /// The text's words, as plain text.
    pub fn to_plain(self, text: &str) -> String {
        match self {
            Format::Plain => text.trim().to_string(),
            Format::Html => html_to_plain(text),
            Format::Moodle => html_to_plain(&text.replace('\n', "<br>")),
            Format::Markdown => markdown_to_plain(text),
        }
    }
}

/// Elements whose end starts a new line.
const BLOCKS: [&str; 14] =
    ["p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "ul", "ol"];

/// The text of an HTML fragment: tags dropped (a line break where a block or `<br>` was, a
/// bullet before a list item, an image's description), the contents of `script` and
/// `style` dropped, character references decoded, white space collapsed outside `<pre>`.
pub fn html_to_plain(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    let mut pre = 0usize;
    while let Some(c) = rest.chars().next() {
        let starts_tag = rest[c.len_utf8()..]
            .starts_with(|n: char| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'));
        if c == '<' && starts_tag {
            let Some(end) = rest.find('>') else {
                push_text(&mut out, rest, pre > 0);
                break;
            };
            let tag = &rest[1..end];
            rest = &rest[end + 1..];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if !closing && (name == "script" || name == "style") {
                let close = format!("</{name}");
                rest = match rest.to_ascii_lowercase().find(&close) {
                    Some(at) => rest[at..].find('>').map_or("", |e| &rest[at + e + 1..]),
                    None => "",
                };
                continue;
            }
            if name == "pre" {
                pre = if closing { pre.saturating_sub(1) } else { pre + 1 };
            }
            if name == "br" || BLOCKS.contains(&name.as_str()) {
                new_line(&mut out);
            }
            if name == "li" && !closing {
                out.push_str("• ");
            }
            if name == "img" {
                if let Some(alt) = attribute(tag, "alt").filter(|a| !a.trim().is_empty()) {
                    push_text(&mut out, &format!("[{}]", alt.trim()), false);
                }
            }
        } else {
            let end = rest[c.len_utf8()..].find('<').map_or(rest.len(), |e| e + c.len_utf8());
            push_text(&mut out, &rest[..end], pre > 0);
            rest = &rest[end..];
        }
    }
    tidy(&out)
}

fn new_line(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// Appends text between tags: references decoded, and outside `<pre>` every run of white
/// space made one space.
fn push_text(out: &mut String, raw: &str, keep_space: bool) {
    let text = decode_entities(raw);
    if keep_space {
        out.push_str(&text);
        return;
    }
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !out.is_empty() && !out.ends_with(' ') && !out.ends_with('\n') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// Trims each line's end and the whole, and keeps at most one empty line in a row.
fn tidy(text: &str) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out.replace('\u{a0}', " ")
}

/// An attribute's value in a tag's text (`img src="..." alt="..."`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find(name) {
        let start = from + at;
        from = start + name.len();
        let before_ok = start == 0 || lower.as_bytes()[start - 1].is_ascii_whitespace();
        let rest = tag[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value = rest[1..].trim_start();
        let (quote, body) = match value.chars().next() {
            Some(q @ ('"' | '\'')) => (Some(q), &value[1..]),
            _ => (None, value),
        };
        let end = match quote {
            Some(q) => body.find(q).unwrap_or(body.len()),
            None => body.find(char::is_whitespace).unwrap_or(body.len()),
        };
        return Some(decode_entities(&body[..end]));
    }
    None
}

/// Decodes HTML character references: the named ones a quiz uses, and every numeric one.
/// Anything else is left as written.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).map(|e| e + 1);
        let decoded = match end {
            Some(end) if rest[end..].starts_with(';') => reference(&rest[1..end]).map(|c| (c, end + 1)),
            _ => None,
        };
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn reference(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "ndash" => '–',
        "mdash" => '—',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "eacute" => 'é',
        "egrave" => 'è',
        "agrave" => 'à',
        "ccedil" => 'ç',
        "times" => '×',
        "deg" => '°',
        _ => return None,
    })
}

/// Markdown's words: emphasis and code marks dropped, a link as its text and address,
/// heading and quote marks dropped; list marks, line breaks and everything else kept.
pub fn markdown_to_plain(markdown: &str) -> String {
    let mut lines = Vec::new();
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            continue;
        }
        let line = trimmed.trim_start_matches('#').trim_start_matches('>');
        let line = if line.len() < trimmed.len() { line.trim_start() } else { line };
        lines.push(inline_markdown(line));
    }
    tidy(&lines.join("\n"))
}

fn inline_markdown(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("**").or_else(|| rest.strip_prefix("__")) {
            rest = after;
        } else if c == '`' {
            rest = &rest[1..];
        } else if c == '\\' && rest[1..].starts_with(|n: char| n.is_ascii_punctuation()) {
            let next = rest[1..].chars().next().unwrap_or('\\');
            out.push(next);
            rest = &rest[1 + next.len_utf8()..];
        } else if let Some((text, address, len)) = link(rest) {
            out.push_str(text);
            out.push_str(" (");
            out.push_str(address);
            out.push(')');
            rest = &rest[len..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// A Markdown link `[text](address)` at the start of `s`: its text, address and length.
fn link(s: &str) -> Option<(&str, &str, usize)> {
    let body = s.strip_prefix('[')?;
    let close = body.find("](")?;
    let text = &body[..close];
    let after = &body[close + 2..];
    let end = after.find(')')?;
    if text.contains('[') {
        return None;
    }
    Some((text, &after[..end], 1 + close + 2 + end + 1))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
