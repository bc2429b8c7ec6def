//! Reading the dependency tree of the syntax layer: children, relations, subtrees.

use sitrep_core::Doc;

/// A view of one report's dependency trees, with the parser's known slips on news
/// sentences mended ([`crate::repair`]); the syntax layer itself is left as it is.
pub struct Tree<'a> {
    doc: &'a Doc,
    /// For each token, its head.
    heads: Vec<Option<u32>>,
    /// For each token, its relation to its head.
    rels: Vec<&'static str>,
    /// For each token, its children (token indices), in order.
    children: Vec<Vec<u32>>,
}

impl<'a> Tree<'a> {
    /// Index the tree of `doc` (the syntax layer must be filled), mending datelines read
    /// as subjects and main verbs read as modifiers before a reporting clause.
    pub fn new(doc: &'a Doc) -> Tree<'a> {
        let mut heads: Vec<Option<u32>> = doc.syntax.tokens.iter().map(|t| t.head).collect();
        let mut rels: Vec<&'static str> = doc.syntax.tokens.iter().map(|t| t.deprel).collect();
        crate::repair::mend(doc, &mut heads, &mut rels);
        let mut children = vec![Vec::new(); heads.len()];
        for (i, h) in heads.iter().enumerate() {
            if let Some(c) = h.and_then(|h| children.get_mut(h as usize)) {
                c.push(i as u32);
            }
        }
        Tree { doc, heads, rels, children }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.children.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.children.is_empty()
    }

    /// The word of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        self.doc.text_layer.tokens[i].span.of(self.doc.text())
    }

    /// The lemma of token `i`, lower-cased.
    /// Borrowed from the syntax layer unless it has capitals, so the coder's pass over
    /// every token does not allocate.
    pub fn lemma(&self, i: usize) -> std::borrow::Cow<'a, str> {
        let lemma = self.doc.syntax.lemma(i);
        if lemma.chars().any(char::is_uppercase) {
            lemma.to_lowercase().into()
        } else {
            lemma.into()
        }
    }

    /// UPOS of token `i`.
    pub fn upos(&self, i: usize) -> &'static str {
        self.doc.syntax.tokens[i].upos
    }

    /// XPOS of token `i`.
    pub fn xpos(&self, i: usize) -> &'static str {
        self.doc.syntax.tokens[i].xpos
    }

    /// Relation of token `i` to its head.
    pub fn rel(&self, i: usize) -> &'static str {
        self.rels[i]
    }

    /// Head of token `i`.
    pub fn head(&self, i: usize) -> Option<usize> {
        self.heads[i].map(|h| h as usize)
    }

    /// Children of token `i`.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.children[i].iter().map(|&c| c as usize)
    }

    /// Children of `i` whose relation is `rel` or a subtype of it (`obl` matches `obl:tmod`).
    pub fn with_rel<'b>(&'b self, i: usize, rel: &'b str) -> impl Iterator<Item = usize> + 'b {
        self.children(i).filter(move |&c| {
            let r = self.rel(c);
            r == rel || (r.starts_with(rel) && r.as_bytes().get(rel.len()) == Some(&b':'))
        })
    }

    /// The first child with relation `rel`.
    pub fn child(&self, i: usize, rel: &str) -> Option<usize> {
        self.with_rel(i, rel).next()
    }

    /// The preposition (`case` child) of a nominal, lower-cased.
    pub fn case(&self, i: usize) -> Option<String> {
        self.child(i, "case").map(|c| self.word(c).to_lowercase())
    }

    /// First and last token of the subtree of `i` (bounded to its sentence).
    pub fn subtree(&self, i: usize) -> (usize, usize) {
        let (mut lo, mut hi) = (i, i);
        let mut stack = vec![i];
        let mut seen = 0;
        while let Some(t) = stack.pop() {
            seen += 1;
            if seen > 4096 {
                break;
            }
            lo = lo.min(t);
            hi = hi.max(t);
            stack.extend(self.children(t));
        }
        (lo, hi)
    }

    /// Whether `a` is `b` or below it.
    pub fn dominates(&self, b: usize, mut a: usize) -> bool {
        for _ in 0..256 {
            if a == b {
                return true;
            }
            match self.head(a) {
                Some(h) => a = h,
                None => return false,
            }
        }
        false
    }
}
