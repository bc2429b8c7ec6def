//! Direct quotes and their speakers: quotation marks paired within a paragraph, the
//! speaker from a speech verb beside the quote (before or after it), and paragraphs that
//! continue the previous speaker's quote.

use sitrep_core::{Participant, Quote, Span};

use crate::coder::subject;
use crate::context::Context;
use crate::lexicon::Lexicon;

/// Verbs that introduce speech besides the reporting verbs of the lexicon.
const SPEECH: &[&str] = &["say", "tell", "ask", "add", "state", "write", "declare", "shout", "reply", "explain", "insist", "warn", "tweet", "announce", "claim", "urge", "give"];

/// Quote spans (without the marks) in the text, in order.
fn quote_spans(cx: &Context) -> Vec<Span> {
    let text = cx.doc.text();
    let mut out = Vec::new();
    for p in &cx.doc.text_layer.paragraphs {
        let para = p.of(text);
        let mut open: Option<usize> = None;
        // Byte by byte, reading a character only where a mark may start: at '"', at the
        // first byte of "“", "”" (0xE2) or "«", "»" (0xC2), or of the typewriter's
        // "``" (opening) and "''" (either way, as '"').
        let bytes = para.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if !matches!(b, b'"' | b'\'' | b'`' | 0xC2 | 0xE2) {
                i += 1;
                continue;
            }
            let double = matches!(b, b'\'' | b'`') && bytes.get(i + 1) == Some(&b);
            if matches!(b, b'\'' | b'`') && !double {
                i += 1;
                continue;
            }
            let Some(c) = para[i..].chars().next() else { break };
            let (c, width) = match (double, b) {
                (true, b'`') => ('“', 2),
                (true, _) => ('"', 2),
                _ => (c, c.len_utf8()),
            };
            let at = p.start as usize + i;
            match c {
                '“' | '«' => open = Some(at + width),
                '”' | '»' => {
                    if let Some(s) = open.take() {
                        out.push(Span::from_usize(s, at));
                    }
                }
                '"' => match open.take() {
                    Some(s) => out.push(Span::from_usize(s, at)),
                    None => open = Some(at + width),
                },
                _ => {}
            }
            i += width;
        }
    }
    out.retain(|s| s.of(text).split_whitespace().count() >= 3);
    out
}

fn is_speech(cx: &Context, lex: &Lexicon, v: usize) -> bool {
    let l = cx.tree.lemma(v);
    cx.tree.upos(v) == "VERB" && (SPEECH.contains(&&*l) || lex.reporting(&l).is_some())
}

/// The quotes of the report with their speakers.
pub fn quotes(cx: &Context, lex: &Lexicon) -> Vec<Quote> {
    let tokens = &cx.doc.text_layer.tokens;
    let mut out: Vec<Quote> = Vec::new();
    let mut last_paragraph: Option<usize> = None;
    for span in quote_spans(cx) {
        let paragraph = cx.doc.text_layer.paragraphs.iter().position(|p| p.start <= span.start && span.end <= p.end);
        let first = tokens.partition_point(|t| t.span.end <= span.start);
        let last = tokens.partition_point(|t| t.span.start < span.end).saturating_sub(1);
        if first >= tokens.len() || last < first {
            continue;
        }
        // Speech verbs outside the quote in the sentences it touches (and the one after it
        // in the same paragraph): the nearest one wins.
        let (s0, s1) = (cx.sentence(first), cx.sentence(last));
        let sentences = &cx.doc.text_layer.sentences;
        let mut candidates: Vec<usize> = Vec::new();
        for (si, s) in sentences.iter().enumerate().take((s1 + 2).min(sentences.len())).skip(s0) {
            if si > s1 && cx.doc.text_layer.paragraphs.iter().position(|p| p.start <= s.span.start && s.span.end <= p.end) != paragraph {
                break;
            }
            candidates.extend(s.tokens().filter(|&k| (k < first || k > last) && is_speech(cx, lex, k)));
            if si >= s1 && !candidates.is_empty() {
                break;
            }
        }
        candidates.sort_by_key(|&k| if k < first { first - k } else { k - last });
        let spoken = candidates.into_iter().find_map(|v| {
            // "…,” said one of the workers: after a quote the speaker may follow the verb,
            // and parsers often read it as the object.
            // A subject inside the quote is the quote's own ("We don't know …, said one
            // of the workers" read with "said" joined to "know"), not its speaker.
            let who = subject(cx, v).filter(|&s| s < first || s > last).or_else(|| if v > last { cx.tree.child(v, "obj") } else { None });
            let speaker = who.map(|s| cx.participant(s)).filter(|p| p.entity.is_some() || p.actor.is_some())?;
            Some((speaker, cx.tree.word(v).to_string()))
        });
        let (speaker, cue) = match spoken {
            Some((p, cue)) => (Some(p), Some(cue)),
            // A quote with no speech verb of its own continues the previous speaker's, in
            // the same paragraph or the next one.
            None => match out.last() {
                Some(prev) if paragraph.is_some() && last_paragraph.is_some_and(|lp| Some(lp) == paragraph || Some(lp + 1) == paragraph) => {
                    (prev.speaker.clone(), prev.cue.clone())
                }
                _ => (None, None),
            },
        };
        last_paragraph = paragraph;
        out.push(Quote { span, speaker: speaker.map(|p: Participant| p), cue });
    }
    out
}
