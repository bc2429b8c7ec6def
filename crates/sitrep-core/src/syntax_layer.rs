//! The syntax layer: part of speech, lemma and dependency head and relation per token.

/// Syntax of one token, parallel to [`crate::TextLayer::tokens`].
///
/// Tags and relations are the model's interned label strings; the lemma lives in the
/// layer's arena (read it with [`SyntaxLayer::lemma`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenSyntax {
    /// Universal POS tag (`NOUN`, `VERB`, `PROPN`, …).
    pub upos: &'static str,
    /// Penn Treebank tag (`NNS`, `VBD`, `NNP`, …).
    pub xpos: &'static str,
    /// Byte range of the lemma in [`SyntaxLayer::lemmas`].
    pub lemma: (u32, u32),
    /// Index of the head token in the report's token list; `None` for the sentence root.
    pub head: Option<u32>,
    /// Universal Dependencies relation to the head (`nsubj`, `obj`, `obl:tmod`, `root`).
    pub deprel: &'static str,
}

/// Tags, lemmas and dependency trees of one report's tokens.
///
/// ```
/// use sitrep_core::{SyntaxLayer, TokenSyntax};
/// let mut layer = SyntaxLayer::default();
/// layer.push(TokenSyntax { upos: "VERB", xpos: "VBD", lemma: (0, 0), head: None, deprel: "root" }, "seize");
/// assert_eq!(layer.lemma(0), "seize");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyntaxLayer {
    /// One entry per token of the text layer, in the same order (empty if the stage did
    /// not run).
    pub tokens: Vec<TokenSyntax>,
    /// All lemmas, back to back.
    pub lemmas: String,
}

impl SyntaxLayer {
    /// Append a token's syntax, storing `lemma` in the arena (its `lemma` field is set here).
    pub fn push(&mut self, mut token: TokenSyntax, lemma: &str) {
        let start = self.lemmas.len() as u32;
        self.lemmas.push_str(lemma);
        token.lemma = (start, self.lemmas.len() as u32);
        self.tokens.push(token);
    }

    /// The lemma of token `i`.
    pub fn lemma(&self, i: usize) -> &str {
        let (s, e) = self.tokens[i].lemma;
        &self.lemmas[s as usize..e as usize]
    }

    /// Whether the layer is filled.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Remove everything, keeping allocations.
    pub fn clear(&mut self) {
        self.tokens.clear();
        self.lemmas.clear();
    }
}

