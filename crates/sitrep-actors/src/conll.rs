//! Reading CoNLL-format NER files: one token per line with its tag in the last column,
//! sentences separated by blank lines, documents by `-DOCSTART-` lines. Tags may be IOB1,
//! IOB2 (BIO) or BILOU; [`spans`] turns any of them into entity spans.

/// One sentence: tokens and their gold tags as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// The tokens.
    pub words: Vec<String>,
    /// The tag column (`B-PER`, `I-ORG`, `O`, …).
    pub tags: Vec<String>,
}

/// A document: its sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
}

/// An entity span over a sentence's tokens: `[start, end)` and its type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Entity type (`PER`, `ORG`, …).
    pub kind: String,
}

/// Parse a CoNLL file: whitespace-separated columns (tab or space), the first is the
/// word and the last the tag. Files without `-DOCSTART-` are one document.
///
/// ```
/// let text = "-DOCSTART- -X- O O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\n";
/// let docs = sitrep_actors::conll::parse(text);
/// assert_eq!(docs[0].sentences[0].tags, ["B-ORG", "O"]);
/// ```
pub fn parse(text: &str) -> Vec<Document> {
    let mut docs = vec![Document::default()];
    let mut sentence = Sentence::default();
    let flush = |docs: &mut Vec<Document>, sentence: &mut Sentence| {
        if !sentence.words.is_empty() {
            if let Some(d) = docs.last_mut() {
                d.sentences.push(std::mem::take(sentence));
            }
        }
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut docs, &mut sentence);
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            flush(&mut docs, &mut sentence);
            if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                docs.push(Document::default());
            }
            continue;
        }
        let mut cols = line.split(['\t', ' ']).filter(|c| !c.is_empty());
        let Some(word) = cols.next() else { continue };
        let tag = cols.next_back().unwrap_or("O");
        sentence.words.push(word.to_string());
        sentence.tags.push(tag.to_string());
    }
    flush(&mut docs, &mut sentence);
    docs.retain(|d| !d.sentences.is_empty());
    docs
}

/// Entity spans of a tag sequence in IOB1, IOB2 or BILOU, by conlleval's rules: an entity
/// starts at `B-`/`U-`/`S-`, or at `I-`/`L-`/`E-` whose type differs from the previous
/// tag's or after `O`; it ends before `O`, `B-`, `U-` or a change of type, or after `L-`/`U-`.
///
/// ```
/// use sitrep_actors::conll::spans;
/// let s = spans(&["B-PER", "I-PER", "O", "I-LOC", "B-LOC"]);
/// assert_eq!(s.iter().map(|s| (s.start, s.end, s.kind.as_str())).collect::<Vec<_>>(),
///            [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC")]);
/// ```
pub fn spans<S: AsRef<str>>(tags: &[S]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let tag = tag.as_ref();
        let (prefix, kind) = match tag.split_once('-') {
            Some((p, k)) if tag != "O" => (p, k),
            _ => ("O", ""),
        };
        let starts = matches!(prefix, "B" | "U" | "S") || (prefix != "O" && open.is_none_or(|(_, k)| k != kind));
        if prefix == "O" || starts {
            if let Some((s, k)) = open.take() {
                out.push(Span { start: s, end: i, kind: k.to_string() });
            }
        }
        if prefix != "O" && open.is_none() {
            open = Some((i, kind));
        }
        if matches!(prefix, "L" | "U" | "E" | "S") {
            if let Some((s, k)) = open.take() {
                out.push(Span { start: s, end: i + 1, kind: k.to_string() });
            }
        }
    }
    if let Some((s, k)) = open {
        out.push(Span { start: s, end: tags.len(), kind: k.to_string() });
    }
    out
}
