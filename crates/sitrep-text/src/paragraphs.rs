//! Paragraphs: blocks of text between blank lines.

/// Byte ranges of the paragraphs of `text`, trimmed of surrounding white space.
/// A paragraph ends at a line holding only white space, or at the end of the text.
pub(crate) fn paragraphs(text: &str, out: &mut Vec<(usize, usize)>) {
    let b = text.as_bytes();
    let mut start: Option<usize> = None;
    let mut last_non_space = 0;
    let mut line_blank = true;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            if line_blank {
                if let Some(s) = start.take() {
                    out.push((s, last_non_space));
                }
            }
            line_blank = true;
            i += 1;
            continue;
        }
        let (is_space, width) = if c < 0x80 {
            (c.is_ascii_whitespace() || c == 0x0b, 1)
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            (ch.is_whitespace() || matches!(ch, '\u{200B}' | '\u{FEFF}'), ch.len_utf8())
        };
        if !is_space {
            if line_blank && start.is_none() {
                start = Some(i);
            }
            line_blank = false;
            last_non_space = i + width;
        }
        i += width;
    }
    if let Some(s) = start {
        out.push((s, last_non_space));
    }
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
