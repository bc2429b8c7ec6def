//! Paragraphs: blocks of text between blank lines.

use crate::chars::is_blank;

/// Byte ranges of the paragraphs of `text`, trimmed of surrounding white space.
/// A paragraph ends at a line holding only white space, or at the end of the text.
pub(crate) fn paragraphs(text: &str, out: &mut Vec<(usize, usize)>) {
    let mut open: Option<(usize, usize)> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_start_matches(is_blank);
        if content.is_empty() {
            out.extend(open.take());
        } else {
            let start = line_start + (line.len() - content.len());
            let end = line_start + line.trim_end_matches(is_blank).len();
            open = Some((open.map_or(start, |(s, _)| s), end));
        }
        line_start += line.len();
    }
    out.extend(open);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_separate() {
        let text = "  One.\nStill one.\n \r\n\nTwo.\u{a0}\n";
        let mut out = Vec::new();
        paragraphs(text, &mut out);
        let got: Vec<&str> = out.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(got, ["One.\nStill one.", "Two."]);
    }
}
