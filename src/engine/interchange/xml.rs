//! A small XML reader for Moodle XML: elements, attributes, text, CDATA, character
//! references; comments, processing instructions and the document type skipped. Enough for
//! the files Moodle writes, in a few hundred bytes of wasm rather than a general parser's
//! tens of kilobytes; it never panics and never recurses, so no file can exhaust the stack.

use super::text::decode_entities;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Element {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Node>,
    /// The line the element starts on (1-based).
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Node {
    Element(Element),
    Text(String),
}

/// Where the file stops being XML (1-based line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct XmlError {
    pub line: usize,
}

/// Elements nested deeper than this are refused: Moodle's files nest five or six deep.
const MAX_DEPTH: usize = 64;

impl Element {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements(name).next()
    }

    pub fn elements<'a, 'n>(&'a self, name: &'n str) -> impl Iterator<Item = &'a Element> + use<'a, 'n> {
        self.children.iter().filter_map(move |n| match n {
            Node::Element(e) if e.name == name => Some(e),
            _ => None,
        })
    }

    /// The element's own text (its text and CDATA children, joined).
    pub fn text(&self) -> String {
        self.children
            .iter()
            .filter_map(|n| match n {
                Node::Text(t) => Some(t.as_str()),
                Node::Element(_) => None,
            })
            .collect()
    }

    /// The text of its `<text>` child, Moodle's way of holding a text.
    pub fn text_child(&self) -> String {
        self.child("text").map(Element::text).unwrap_or_default()
    }
}

/// Reads a document: its root element.
pub(super) fn parse(source: &str) -> Result<Element, XmlError> {
    let mut reader = Reader { source, at: 0, line: 1, counted: 0 };
    let mut stack: Vec<Element> = Vec::new();
    let mut root = None;
    while reader.at < source.len() {
        let rest = &source[reader.at..];
        if let Some(after) = rest.strip_prefix("<!--") {
            reader.skip_past(after, "-->")?;
        } else if let Some(after) = rest.strip_prefix("<![CDATA[") {
            let end = after.find("]]>").ok_or_else(|| reader.error())?;
            let text = after[..end].to_string();
            reader.at += 9 + end + 3;
            stack.last_mut().ok_or_else(|| reader.error())?.children.push(Node::Text(text));
        } else if let Some(after) = rest.strip_prefix("<?") {
            reader.skip_past(after, "?>")?;
        } else if let Some(after) = rest.strip_prefix("<!") {
            // The document type, with or without an internal subset.
            let close = if after.contains('[') && after.find('[') < after.find('>') { "]>" } else { ">" };
            reader.skip_past(after, close)?;
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').ok_or_else(|| reader.error())?;
            let name = after[..end].trim();
            let element = stack.pop().filter(|e| e.name == name).ok_or_else(|| reader.error())?;
            reader.at += 2 + end + 1;
            match stack.last_mut() {
                Some(parent) => parent.children.push(Node::Element(element)),
                None if root.is_none() => root = Some(element),
                None => return Err(reader.error()),
            }
        } else if let Some(after) = rest.strip_prefix('<') {
            let line = reader.line_at();
            let (element, closed, len) = open_tag(after).ok_or_else(|| reader.error())?;
            reader.at += 1 + len;
            let element = Element { line, ..element };
            if closed {
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(element)),
                    None if root.is_none() => root = Some(element),
                    None => return Err(reader.error()),
                }
            } else if stack.len() >= MAX_DEPTH {
                return Err(reader.error());
            } else {
                stack.push(element);
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..end];
            match stack.last_mut() {
                Some(parent) => parent.children.push(Node::Text(decode_entities(text))),
                None if text.trim().is_empty() => {}
                None => return Err(reader.error()),
            }
            reader.at += end;
        }
    }
    if !stack.is_empty() {
        return Err(reader.error());
    }
    root.ok_or(XmlError { line: reader.line_at() })
}

struct Reader<'s> {
    source: &'s str,
    at: usize,
    /// The line at byte `counted`, advanced as the reader goes so lines are counted once.
    line: usize,
    counted: usize,
}

impl Reader<'_> {
    fn line_at(&mut self) -> usize {
        let upto = self.at.min(self.source.len());
        if upto > self.counted {
            self.line += self.source.as_bytes()[self.counted..upto].iter().filter(|&&b| b == b'\n').count();
            self.counted = upto;
        }
        self.line
    }

    fn error(&mut self) -> XmlError {
        XmlError { line: self.line_at() }
    }

    /// Moves past `close` in `after` (the text following a two-or-more byte opener).
    fn skip_past(&mut self, after: &str, close: &str) -> Result<(), XmlError> {
        let opener = self.source.len() - self.at - after.len();
        let end = after.find(close).ok_or_else(|| self.error())?;
        self.at += opener + end + close.len();
        Ok(())
    }
}

/// A start tag after its `<`: the element (without children), whether it closes itself,
/// and the tag's length up to and including its `>`.
fn open_tag(tag: &str) -> Option<(Element, bool, usize)> {
    let name_end = tag.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
    let name = &tag[..name_end];
    if name.is_empty() {
        return None;
    }
    let mut attributes = Vec::new();
    let mut rest = &tag[name_end..];
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("/>") {
            return Some((element(name, attributes), true, tag.len() - after.len()));
        }
        if let Some(after) = rest.strip_prefix('>') {
            return Some((element(name, attributes), false, tag.len() - after.len()));
        }
        let eq = rest.find('=')?;
        let key = rest[..eq].trim();
        if key.is_empty() || key.contains(|c: char| c.is_whitespace() || c == '<' || c == '>') {
            return None;
        }
        let value = rest[eq + 1..].trim_start();
        let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let end = value[1..].find(quote)?;
        attributes.push((key.to_string(), decode_entities(&value[1..1 + end])));
        rest = &value[1 + end + 1..];
    }
}

fn element(name: &str, attributes: Vec<(String, String)>) -> Element {
    Element { name: name.to_string(), attributes, children: Vec::new(), line: 0 }
}

/// Text escaped for an XML element or attribute.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            // Not allowed in XML 1.0 at all.
            c if c < ' ' && c != '\t' && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}
