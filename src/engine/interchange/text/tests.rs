use super::*;

#[test]
fn html_is_read_for_its_words() {
    let html = "<p>Which <b>port</b> does&nbsp;HTTPS use?</p><p>Pick one.</p>";
    assert_eq!(html_to_plain(html), "Which port does HTTPS use?\nPick one.");
}

#[test]
fn scripts_styles_and_images_never_pass_as_markup() {
    let html = "<script>alert(1)</script><style>p{}</style><img src=\"http://x/t.gif\" alt=\"a router\">Text<iframe src=x></iframe>";
    assert_eq!(html_to_plain(html), "[a router]Text");
}

#[test]
fn lists_breaks_and_preformatted_text_keep_their_shape() {
    let html = "<ul><li>one</li><li>two</li></ul>a<br>b<pre>x  =  1\n  y</pre>";
    assert_eq!(html_to_plain(html), "• one\n• two\na\nb\nx  =  1\n  y");
}

#[test]
fn references_are_decoded_and_unknown_ones_kept() {
    assert_eq!(
        decode_entities("a &lt; b &amp;&amp; c &#233;&#x202F;&bogus; & d"),
        "a < b && c é\u{202f}&bogus; & d"
    );
    assert_eq!(decode_entities("&#0;&#xFFFFFFFF;"), "&#0;&#xFFFFFFFF;");
    assert_eq!(html_to_plain("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");
}

#[test]
fn markdown_marks_are_dropped() {
    let md = "# Title\n**Bold** and `code`, a [link](https://moodle.org) and \\*star\\*.\n> quoted";
    assert_eq!(
        markdown_to_plain(md),
        "Title\nBold and code, a link (https://moodle.org) and *star*.\nquoted"
    );
}

#[test]
fn formats_are_named_as_gift_and_moodle_xml_name_them() {
    assert_eq!(Format::named("plain_text"), Some(Format::Plain));
    assert_eq!(Format::named("moodle_auto_format"), Some(Format::Moodle));
    assert_eq!(Format::named("html"), Some(Format::Html));
    assert_eq!(Format::named("markdown"), Some(Format::Markdown));
    assert_eq!(Format::named("latex"), None);
}

#[test]
fn moodle_auto_format_keeps_line_breaks_that_html_collapses() {
    assert_eq!(Format::Moodle.to_plain("one\ntwo <b>three</b>"), "one\ntwo three");
    assert_eq!(Format::Html.to_plain("one\ntwo"), "one two");
    assert_eq!(Format::Plain.to_plain("  <b>as is</b> "), "<b>as is</b>");
}
