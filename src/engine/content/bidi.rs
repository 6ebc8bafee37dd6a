//! Latin runs inside right-to-left text. An Arabic question often names a term as
//! practitioners write it ("GET", "Reflected XSS", "index.html", "C++"). The app lays each
//! text out in the interface language's direction and isolates these runs, so a run's own
//! punctuation stays with it and the Arabic clauses around it keep their order, without any
//! invisible mark in the bank.

/// One piece of a text: a Latin run to isolate, or text to lay out in the paragraph's
/// direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Latin(&'a str),
    Plain(&'a str),
}

/// Arabic and Hebrew letters, digits and punctuation: they end a Latin run (the Arabic comma
/// between two terms belongs to the Arabic sentence).
fn right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

fn latin(c: char) -> bool {
    c.is_alphabetic() && !right_to_left(c)
}

/// Marks written against a term's start: ".docx", "$HOME", "<div", "--force", "2FA".
fn leads(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | '-' | '_' | '/' | '$' | '@' | '#' | '~' | '<' | '\\')
}

/// Marks written against a term's end: "C++", "C#", "<p>", "50%". Sentence punctuation is
/// not one: it belongs to the Arabic sentence.
fn trails(c: char) -> bool {
    matches!(c, '+' | '#' | '%' | '>')
}

/// Splits `text` into Latin runs and the rest. A run starts at a Latin letter (with the marks
/// written against it) and ends at the last Latin letter or digit before the next
/// right-to-left character, so "password managers" and "x + 3" are one run each, while the
/// brackets around "(cookies)" stay in the Arabic sentence and are mirrored with it.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map_or(text.len(), |(b, _)| *b);
    let mut out = Vec::new();
    let (mut plain, mut i) = (0, 0);
    while i < chars.len() {
        if !latin(chars[i].1) {
            i += 1;
            continue;
        }
        let mut start = i;
        while start > plain && leads(chars[start - 1].1) {
            start -= 1;
        }
        let mut last = i;
        let mut j = i;
        while j < chars.len() && !right_to_left(chars[j].1) {
            if latin(chars[j].1) || chars[j].1.is_ascii_digit() {
                last = j;
            }
            j += 1;
        }
        let mut end = last + 1;
        while end < chars.len() && trails(chars[end].1) {
            end += 1;
        }
        if start > plain {
            out.push(Segment::Plain(&text[at(plain)..at(start)]));
        }
        out.push(Segment::Latin(&text[at(start)..at(end)]));
        plain = end;
        i = end;
    }
    if plain < chars.len() {
        out.push(Segment::Plain(&text[at(plain)..]));
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::Segment::{Latin, Plain};
    use super::*;

    #[test]
    fn terms_in_arabic_are_runs_and_the_arabic_around_them_is_not() {
        assert_eq!(
            segments("GET يقرأ فقط، وPUT يضع المورد"),
            [Latin("GET"), Plain(" يقرأ فقط، و"), Latin("PUT"), Plain(" يضع المورد")]
        );
        assert_eq!(
            segments("XSS منعكس (Reflected XSS)؛ ترميز"),
            [Latin("XSS"), Plain(" منعكس ("), Latin("Reflected XSS"), Plain(")؛ ترميز")]
        );
        assert_eq!(
            segments("مستند .docx أو C++."),
            [Plain("مستند "), Latin(".docx"), Plain(" أو "), Latin("C++"), Plain(".")]
        );
        assert_eq!(segments("x + 3"), [Latin("x + 3")]);
        assert_eq!(segments("lab-vm03، لأن 9.8"), [Latin("lab-vm03"), Plain("، لأن 9.8")]);
        assert_eq!(segments("53"), [Plain("53")]);
        assert_eq!(segments(""), []);
    }

    proptest! {
        /// The pieces put back together are the text, and no piece is empty.
        #[test]
        fn segments_cover_the_text(text in "[a-zA-Z0-9 .,()+#<>/؛،\u{0600}-\u{06FF}-]{0,40}") {
            let pieces = segments(&text);
            let joined: String = pieces.iter().map(|s| match s { Latin(t) | Plain(t) => *t }).collect();
            prop_assert_eq!(&joined, &text);
            let empty = pieces.iter().any(|s| match s { Latin(t) | Plain(t) => t.is_empty() });
            prop_assert!(!empty, "an empty piece in {:?}", pieces);
        }
    }
}
