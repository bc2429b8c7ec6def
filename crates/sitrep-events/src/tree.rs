//! Reading the dependency tree of the syntax layer: children, relations, subtrees.

use std::borrow::Cow;
use std::cell::Cell;

use sitrep_core::Doc;

/// `word` in lower case ([`str::to_lowercase`]), borrowed when it is plain ASCII without
/// capitals, as nearly every word is.
pub fn lower(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Whether `word` in lower case ([`lower`]) is one of `words`, which must be written in
/// lower case; without a new string when `word` is ASCII, as nearly every word is.
pub fn lower_is_one_of(word: &str, words: &[&str]) -> bool {
    if word.is_ascii() {
        // The lower case of an ASCII word is its ASCII lower case.
        words.iter().any(|w| word.eq_ignore_ascii_case(w))
    } else {
        words.contains(&&*lower(word))
    }
}

/// A view of one report's dependency trees, with the parser's known slips on news
/// sentences mended ([`crate::repair`]); the syntax layer itself is left as it is.
pub struct Tree<'a> {
    doc: &'a Doc,
    /// For each token, its head.
    heads: Vec<Option<u32>>,
    /// For each token, its relation to its head.
    rels: Vec<&'static str>,
    /// The children of all tokens (token indices), token after token, each token's in
    /// order: those of token `i` are `children[first_child[i]..first_child[i + 1]]`.
    children: Vec<u32>,
    /// Where each token's children start in `children`, and one past the last token's.
    first_child: Vec<u32>,
    /// [`Tree::subtree`] of each token once asked for.
    subtrees: Vec<Cell<Option<(u32, u32)>>>,
}

impl<'a> Tree<'a> {
    /// Index the tree of `doc` (the syntax layer must be filled), mending datelines read
    /// as subjects and main verbs read as modifiers before a reporting clause.
    pub fn new(doc: &'a Doc) -> Tree<'a> {
        let mut heads: Vec<Option<u32>> = doc.syntax.tokens.iter().map(|t| t.head).collect();
        let mut rels: Vec<&'static str> = doc.syntax.tokens.iter().map(|t| t.deprel).collect();
        crate::repair::mend(doc, &mut heads, &mut rels);
        cut_cycles(&mut heads, &mut rels);
        let (children, first_child) = children_of(&heads);
        let subtrees = vec![Cell::new(None); heads.len()];
        Tree { doc, heads, rels, children, first_child, subtrees }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.heads.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    /// The word of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        self.doc.text_layer.tokens[i].span.of(self.doc.text())
    }

    /// Whether token `i` is a quotation mark (straight, curly or doubled as in PTB text).
    pub fn quote_mark(&self, i: usize) -> bool {
        matches!(self.word(i), "\"" | "“" | "”" | "``" | "''")
    }

    /// The lemma of token `i`, lower-cased.
    /// Borrowed from the syntax layer unless it has capitals, so the coder's pass over
    /// every token does not allocate.
    pub fn lemma(&self, i: usize) -> Cow<'a, str> {
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
        let (a, b) = (self.first_child[i] as usize, self.first_child[i + 1] as usize);
        self.children[a..b].iter().map(|&c| c as usize)
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

    /// Whether clause `c` is opened by "that" as its marker: a content clause ("allegations
    /// *that* hackers broke in"), not a relative one ("the shelling that sliced through").
    pub fn opened_by_that(&self, c: usize) -> bool {
        self.children(c).any(|k| self.rel(k) == "mark" && self.lower(k) == "that")
    }

    /// Whether token `k` is a participle adjunct with no subject of its own: "…, *killing*
    /// seven people" after the clause it hangs from.
    pub fn participle_adjunct(&self, k: usize) -> bool {
        self.rel(k) == "advcl" && self.xpos(k) == "VBG" && self.child(k, "nsubj").is_none()
    }

    /// Whether `k` is the second of two participle adjuncts joined by "and" ("…, killing
    /// 12 people and *wounding* dozens more"): it hangs from the first, and shares its host.
    pub fn joined_participle(&self, k: usize) -> bool {
        self.rel(k) == "conj" && self.xpos(k) == "VBG" && self.child(k, "nsubj").is_none() && self.head(k).is_some_and(|h| self.participle_adjunct(h))
    }

    /// The word of token `i` in lower case, borrowed when it has no capitals.
    pub fn lower(&self, i: usize) -> Cow<'a, str> {
        lower(self.word(i))
    }

    /// The preposition (`case` child) of a nominal, lower-cased.
    pub fn case(&self, i: usize) -> Option<Cow<'a, str>> {
        self.child(i, "case").map(|c| self.lower(c))
    }

    /// First and last token of the subtree of `i` (bounded to its sentence); worked out
    /// once per token.
    pub fn subtree(&self, i: usize) -> (usize, usize) {
        if let Some((lo, hi)) = self.subtrees[i].get() {
            return (lo as usize, hi as usize);
        }
        let (lo, hi) = self.find_subtree(i);
        self.subtrees[i].set(Some((lo as u32, hi as u32)));
        (lo, hi)
    }

    /// [`Tree::subtree`], walked.
    fn find_subtree(&self, i: usize) -> (usize, usize) {
        if self.first_child[i] == self.first_child[i + 1] {
            return (i, i);
        }
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

/// Make every token reach a root: a head outside the report is dropped, and where heads
/// go round in a circle the last arc walked is cut (that token becomes a root). The
/// parser only makes trees, but a syntax layer from elsewhere may not be one, and every
/// walk up the tree relies on reaching the top.
fn cut_cycles(heads: &mut [Option<u32>], rels: &mut [&'static str]) {
    let n = heads.len();
    // 0: not seen; 1: on the path being walked; 2: reaches a root.
    let mut state = vec![0u8; n];
    let mut path = Vec::new();
    for i in 0..n {
        path.clear();
        let mut k = i;
        loop {
            match state[k] {
                2 => break,
                1 => {
                    if let Some(&last) = path.last() {
                        heads[last] = None;
                        rels[last] = "root";
                    }
                    break;
                }
                _ => {}
            }
            state[k] = 1;
            path.push(k);
            match heads[k] {
                Some(h) if (h as usize) < n => k = h as usize,
                Some(_) => {
                    heads[k] = None;
                    rels[k] = "root";
                    break;
                }
                None => break,
            }
        }
        for &p in &path {
            state[p] = 2;
        }
    }
}

/// The children of every token by their heads, in token order, as one list with the start
/// of each token's part (see [`Tree`]).
fn children_of(heads: &[Option<u32>]) -> (Vec<u32>, Vec<u32>) {
    let n = heads.len();
    let mut first_child = vec![0u32; n + 1];
    for h in heads.iter().flatten().map(|&h| h as usize).filter(|&h| h < n) {
        first_child[h + 1] += 1;
    }
    for i in 0..n {
        first_child[i + 1] += first_child[i];
    }
    let mut next: Vec<u32> = first_child[..n].to_vec();
    let mut children = vec![0u32; first_child[n] as usize];
    for (i, h) in heads.iter().enumerate() {
        if let Some(h) = h.map(|h| h as usize).filter(|&h| h < n) {
            children[next[h] as usize] = i as u32;
            next[h] += 1;
        }
    }
    (children, first_child)
}
