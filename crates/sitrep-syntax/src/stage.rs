//! The pipeline stage that lays the syntax layer into a [`Doc`].

use sitrep_core::{Doc, Stage, TokenSyntax};

use crate::words::WordInfo;
use crate::{Analysis, Syntax, Workspace};

/// Fills [`Doc::syntax`]: one entry per token, heads as indices into the report's token
/// list. Every sentence is tagged before any is parsed, so that the tagger's tables and
/// then the parser's stay in the CPU's caches over the report.
///
/// ```
/// use sitrep_core::{Doc, Meta, Stage};
/// let mut doc = Doc::new(Meta::new("r", jiff::civil::date(2022, 2, 25)), "Troops seized the airport.");
/// sitrep_text::Segmenter::new().annotate(&mut doc);
/// sitrep_syntax::SyntaxStage::builtin().unwrap().annotate(&mut doc);
/// assert_eq!(doc.syntax.tokens[1].deprel, "root");
/// assert_eq!(doc.syntax.lemma(1), "seize");
/// ```
pub struct SyntaxStage {
    model: &'static Syntax,
}

impl SyntaxStage {
    /// The stage with the built-in model.
    pub fn builtin() -> Result<SyntaxStage, crate::ModelError> {
        Ok(SyntaxStage { model: Syntax::builtin()? })
    }

    /// The stage with a model loaded elsewhere (leaked to live as long as the process).
    pub fn with_model(model: Syntax) -> SyntaxStage {
        SyntaxStage { model: Box::leak(Box::new(model)) }
    }
}

thread_local! {
    /// Each thread's buffers and lemma cache, kept from report to report.
    static WORKSPACE: std::cell::RefCell<(Workspace, Analysis, Tagged)> = std::cell::RefCell::default();
}

/// A report's words tagged and not yet parsed: the hashed views and the tags of every
/// part of every sentence, back to back.
#[derive(Default)]
struct Tagged {
    infos: Vec<WordInfo>,
    tags: Vec<u8>,
}

impl Stage for SyntaxStage {
    fn annotate(&self, doc: &mut Doc) {
        WORKSPACE.with(|cell| match cell.try_borrow_mut() {
            Ok(mut buffers) => {
                let (ws, a, tagged) = &mut *buffers;
                self.annotate_with(doc, ws, a, tagged);
            }
            // Re-entered on this thread (never in sitrep itself): fresh buffers.
            Err(_) => self.annotate_with(doc, &mut Workspace::default(), &mut Analysis::default(), &mut Tagged::default()),
        });
    }
}

impl SyntaxStage {
    fn annotate_with(&self, doc: &mut Doc, ws: &mut Workspace, a: &mut Analysis, tagged: &mut Tagged) {
        let mut layer = std::mem::take(&mut doc.syntax);
        layer.clear();
        let text = doc.text();
        let tokens = &doc.text_layer.tokens;
        // One entry per token, and lemmas about as long as the words: room made once.
        layer.tokens.reserve(tokens.len());
        layer.lemmas.reserve(text.len());
        // "BEIRUT — Israeli warplanes struck …": the dateline's capitals mislead the
        // tagger about the words after it ("warplanes" read as a verb), so the dateline
        // and the sentence are read apart, and the dateline hangs from the sentence's
        // root (`dep`).
        let parts_of = |range: &std::ops::Range<usize>, dash: Option<usize>| match dash {
            Some(d) => [range.start..range.start + d + 1, range.start + d + 1..range.end],
            None => [range.clone(), range.end..range.end],
        };
        // Every part is tagged first, then every part parsed: the tagger's tables, then
        // the parser's, stay in the caches over the whole report. The words, the
        // datelines and the tags are worked out once, in the first pass.
        let dashes: Vec<Option<usize>> = doc.text_layer.sentences.iter().map(|s| sitrep_core::dateline_end(tokens[s.tokens()].iter().map(|t| t.span.of(text)))).collect();
        let mut words: Vec<&str> = Vec::with_capacity(tokens.len());
        tagged.infos.clear();
        tagged.tags.clear();
        for (sentence, &dash) in doc.text_layer.sentences.iter().zip(&dashes) {
            for part in parts_of(&sentence.tokens(), dash).into_iter().filter(|p| !p.is_empty()) {
                let from = words.len();
                words.extend(tokens[part].iter().map(|t| t.span.of(text)));
                self.model.tag_sentence(&words[from..], ws, &mut tagged.infos, &mut a.tags);
                tagged.tags.extend_from_slice(&a.tags);
            }
        }
        let mut done = 0;
        for (sentence, &dash) in doc.text_layer.sentences.iter().zip(&dashes) {
            let range = sentence.tokens();
            let at = layer.tokens.len();
            for part in parts_of(&range, dash).into_iter().filter(|p| !p.is_empty()) {
                let first = part.start as u32;
                let n = part.len();
                let (Some(infos), Some(tags), Some(part_words)) = (tagged.infos.get(done..done + n), tagged.tags.get(done..done + n), words.get(done..done + n)) else { break };
                done += n;
                a.tags.clear();
                a.tags.extend_from_slice(tags);
                self.model.parse_tagged(part_words, infos, ws, a);
                for i in 0..a.tags.len() {
                    let token = TokenSyntax {
                        upos: a.upos(self.model, i),
                        xpos: a.xpos(self.model, i),
                        lemma: (0, 0),
                        head: a.heads[i].map(|h| h + first),
                        deprel: a.deprel(self.model, i),
                    };
                    layer.push(token, a.lemma(i));
                }
            }
            if let Some(d) = dash {
                let root = |from: usize, to: usize| (from..to).find(|&k| layer.tokens[k].head.is_none());
                let (dateline, rest) = (root(at, at + d + 1), root(at + d + 1, layer.tokens.len()));
                if let (Some(x), Some(r)) = (dateline, rest) {
                    layer.tokens[x].head = Some((range.start + (r - at)) as u32);
                    layer.tokens[x].deprel = "dep";
                }
            }
        }
        doc.syntax = layer;
    }
}
