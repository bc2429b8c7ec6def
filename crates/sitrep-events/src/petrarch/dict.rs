//! Readers for the PETRARCH/TABARI actor, agent and verb dictionaries.
//!
//! Supported: actors with synonyms (`+NAME`), code blocks on their own lines, date
//! restrictions (`[CODE <D]`, `[CODE >D]`, `[CODE D1-D2]`, six- or eight-digit dates) and
//! null codes (`[---]`); agents with plural lists (`{...}`, `{}` for none, else regular
//! plurals), `!MACRO! = A, B` substitutions and prefix/suffix forms (`[NGO~]`, `[~GOV]`);
//! verbs in both the PETRARCH-1 and the UD-PETRARCH format: blocks `--- NAME [CODE] ---`,
//! member verbs with their own code and irregular forms (`BAN {BANS BANNED}`), phrasal
//! verbs (`+BREAK_DOWN`, `LASH OUT`), synsets (`&NAME`, nested), and patterns of words
//! and synsets before and after the verb (`- SAID * TO ATTEND [082]`, `- * (FOR &X) [172]`),
//! `_` requiring adjacent words, paired codes (`[032:033]`).
//!
//! Actor slots in patterns (`$` source, `+` target) say where the pattern's actors are;
//! `^` skips a phrase (up to the next preposition) after the verb and is ignored before
//! it; `%` is read as "any words here". Discard lists apply to the whole sentence
//! (story-level discards too, records being one sentence).
//!
//! Not supported: TABARI `replace:` rules and the PICO internal code conversion.

use std::collections::HashMap;

/// Parse a date of a restriction: `950601` (YYMMDD, 19xx) or `19950601`.
fn date(s: &str) -> Option<u32> {
    let d: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    match d.len() {
        8 => d.parse().ok(),
        6 => d.parse::<u32>().ok().map(|v| v + if v / 10000 < 30 { 20_000_000 } else { 19_000_000 }),
        _ => None,
    }
}

/// Strip a `#` comment and `<!-- -->` markup from a dictionary line.
fn clean(line: &str) -> &str {
    let line = line.split('#').next().unwrap_or("");
    let t = line.trim_start();
    if t.starts_with('<') {
        return "";
    }
    line.trim_end()
}

/// The words of a dictionary name: `NEW_ZEALAND`, `CARAS GALADHON`. A word is matched as a
/// stem (prefix) unless it is followed by `_` or is short; inner words are exact.
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    /// Upper-cased words.
    pub words: Vec<String>,
    /// Whether the last word may match as a prefix ("ARGENTIN" → "Argentine").
    pub stem: bool,
}

impl Name {
    fn parse(s: &str) -> Option<Name> {
        let s = s.trim();
        let stem = !s.ends_with('_');
        let words: Vec<String> = s.split(|c: char| c == '_' || c.is_whitespace()).filter(|w| !w.is_empty()).map(|w| w.to_uppercase()).collect();
        if words.is_empty() {
            return None;
        }
        Some(Name { words, stem })
    }

    /// The name with each hyphen a word of its own, as the tokenizer splits "Al-Qaeda";
    /// `None` when no word holds a hyphen between letters.
    ///
    /// ```
    /// # use sitrep_events::petrarch::dict::ActorDict;
    /// let d = ActorDict::parse("AL-QAEDA [IMGMOSALQ]");
    /// let words: Vec<String> = ["AL", "-", "QAEDA", "LEADER"].map(String::from).to_vec();
    /// assert_eq!(d.match_at(&words), Some((3, 0)));
    /// ```
    fn hyphens_apart(&self) -> Option<Name> {
        if !self.words.iter().any(|w| w.len() > 2 && w[1..w.len() - 1].contains('-')) {
            return None;
        }
        let mut words = Vec::new();
        for w in &self.words {
            let mut parts = w.split('-').peekable();
            while let Some(p) = parts.next() {
                if !p.is_empty() {
                    words.push(p.to_string());
                }
                if parts.peek().is_some() {
                    words.push("-".to_string());
                }
            }
        }
        Some(Name { words, stem: self.stem })
    }

    /// Whether `name` matches the words `text` (upper-cased) from position 0; the number of
    /// words matched.
    fn matches(&self, text: &[String]) -> bool {
        if text.len() < self.words.len() {
            return false;
        }
        let n = self.words.len();
        self.words.iter().zip(text).enumerate().all(|(i, (d, t))| d == t || (i + 1 == n && self.stem && d.len() >= 4 && t.starts_with(d.as_str())))
    }
}

/// One code of an actor, with its date restriction (YYYYMMDD, inclusive bounds).
#[derive(Debug, Clone, PartialEq)]
pub struct ActorCode {
    /// The code (`GON`, `HOBGOV`); `---` for a named non-actor.
    pub code: String,
    /// Valid from this date.
    pub from: Option<u32>,
    /// Valid until this date.
    pub until: Option<u32>,
}

/// An actor: its names and its codes.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// The primary name and synonyms.
    pub names: Vec<Name>,
    /// Codes, in dictionary order; restricted ones are tried first, in order.
    pub codes: Vec<ActorCode>,
}

impl Actor {
    /// The code on `day` (YYYYMMDD): the first restricted code whose dates hold, else the
    /// unrestricted one.
    pub fn code_on(&self, day: u32) -> Option<&str> {
        let mut restricted = self.codes.iter().filter(|c| c.from.is_some() || c.until.is_some());
        restricted
            .find(|c| c.from.is_none_or(|f| day >= f) && c.until.is_none_or(|u| day <= u))
            .or_else(|| self.codes.iter().find(|c| c.from.is_none() && c.until.is_none()))
            .map(|c| c.code.as_str())
    }
}

fn parse_code_block(s: &str) -> Option<ActorCode> {
    let inner = s.trim().trim_start_matches('[').trim_end_matches(']').trim();
    let mut parts = inner.splitn(2, char::is_whitespace);
    let code = parts.next()?.trim();
    // The first of alternatives ("ELR/GAL").
    let code = code.split('/').next().unwrap_or(code).to_uppercase();
    let rest = parts.next().unwrap_or("").trim();
    let (mut from, mut until) = (None, None);
    if let Some(d) = rest.strip_prefix('<') {
        until = date(d).map(|d| d - 1);
    } else if let Some(d) = rest.strip_prefix('>') {
        from = date(d);
    } else if let Some((a, b)) = rest.split_once('-') {
        from = date(a);
        until = date(b);
    }
    if code.is_empty() {
        return None;
    }
    Some(ActorCode { code, from, until })
}

/// Code blocks `[...]` in a line, and the text before the first.
fn split_codes(line: &str) -> (&str, Vec<ActorCode>) {
    let name_end = line.find('[').unwrap_or(line.len());
    let mut codes = Vec::new();
    let mut rest = &line[name_end..];
    while let Some(a) = rest.find('[') {
        let Some(b) = rest[a..].find(']') else { break };
        if let Some(c) = parse_code_block(&rest[a..a + b + 1]) {
            codes.push(c);
        }
        rest = &rest[a + b + 1..];
    }
    (&line[..name_end], codes)
}

/// A PETRARCH/TABARI actor dictionary.
#[derive(Debug, Clone, Default)]
pub struct ActorDict {
    /// The actors, in file order.
    pub actors: Vec<Actor>,
    index: HashMap<String, Vec<(usize, usize)>>,
}

impl ActorDict {
    /// Read a dictionary's text; several files may be added to one dictionary.
    pub fn parse(text: &str) -> ActorDict {
        let mut d = ActorDict::default();
        d.add(text);
        d
    }

    /// Add the entries of another dictionary file.
    pub fn add(&mut self, text: &str) {
        let mut current: Option<Actor> = None;
        for raw in text.lines() {
            let line = clean(raw);
            if line.trim().is_empty() {
                continue;
            }
            let t = line.trim();
            if let Some(syn) = t.strip_prefix('+') {
                let (name, codes) = split_codes(syn);
                if let Some(a) = current.as_mut() {
                    a.names.extend(Name::parse(name));
                    a.codes.extend(codes);
                }
                continue;
            }
            if t.starts_with('[') {
                if let Some(a) = current.as_mut() {
                    a.codes.extend(split_codes(t).1);
                }
                continue;
            }
            let (name, codes) = split_codes(t);
            self.push(current.take());
            current = Name::parse(name).map(|n| Actor { names: vec![n], codes });
        }
        self.push(current);
    }

    fn push(&mut self, a: Option<Actor>) {
        let Some(mut a) = a else { return };
        // "AL-QAEDA" is one word in a dictionary but three tokens in sitrep ("Al", "-",
        // "Qaeda"): each hyphenated name is also kept in that form.
        let split: Vec<Name> = a.names.iter().filter_map(Name::hyphens_apart).collect();
        a.names.extend(split);
        let i = self.actors.len();
        for (k, n) in a.names.iter().enumerate() {
            self.index.entry(n.words[0].clone()).or_default().push((i, k));
        }
        self.actors.push(a);
    }

    /// Number of actors.
    pub fn len(&self) -> usize {
        self.actors.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }

    /// The longest actor name starting at `words[0]`: (words matched, actor index).
    pub fn match_at(&self, words: &[String]) -> Option<(usize, usize)> {
        let first = words.first()?;
        let mut best: Option<(usize, usize)> = None;
        let mut keys = vec![first.as_str()];
        for k in 4..first.len() {
            if first.is_char_boundary(k) {
                keys.push(&first[..k]);
            }
        }
        for key in keys {
            for &(i, k) in self.index.get(key).map_or(&[][..], Vec::as_slice) {
                let n = &self.actors[i].names[k];
                if n.matches(words) && best.is_none_or(|(l, _)| n.words.len() > l) {
                    best = Some((n.words.len(), i));
                }
            }
        }
        best
    }
}

/// Where an agent's code goes: `~GOV` after the actor's, `NGO~` before.
#[derive(Debug, Clone, PartialEq)]
pub struct Agent {
    /// Code placed before the actor's (`NGO`).
    pub prefix: String,
    /// Code placed after the actor's (`GOV`).
    pub suffix: String,
}

/// A PETRARCH/TABARI agent dictionary.
#[derive(Debug, Clone, Default)]
pub struct AgentDict {
    /// (name, agent), one per singular and plural form.
    pub names: Vec<(Vec<String>, Agent)>,
    index: HashMap<String, Vec<usize>>,
}

/// Regular English plural of an upper-case word.
fn plural(w: &str) -> String {
    if let Some(s) = w.strip_suffix("MAN") {
        return format!("{s}MEN");
    }
    if w.ends_with('Y') && !w.ends_with("AY") && !w.ends_with("EY") && !w.ends_with("OY") {
        return format!("{}IES", &w[..w.len() - 1]);
    }
    if w.ends_with('S') || w.ends_with('X') || w.ends_with("CH") || w.ends_with("SH") {
        return format!("{w}ES");
    }
    format!("{w}S")
}

impl AgentDict {
    /// Read a dictionary's text.
    pub fn parse(text: &str) -> AgentDict {
        let mut d = AgentDict::default();
        d.add(text);
        d
    }

    /// Add the entries of another dictionary file.
    pub fn add(&mut self, text: &str) {
        let mut macros: Vec<(String, Vec<String>)> = Vec::new();
        for raw in text.lines() {
            let line = clean(raw).trim();
            if line.is_empty() {
                continue;
            }
            if line.starts_with('!') {
                if let Some((k, v)) = line.split_once('=') {
                    macros.push((k.trim().to_string(), v.split(',').map(|x| x.trim().to_uppercase()).filter(|x| !x.is_empty()).collect()));
                }
                continue;
            }
            let Some(open) = line.find('[') else { continue };
            let Some(close) = line[open..].find(']') else { continue };
            let code = line[open + 1..open + close].trim().to_uppercase();
            let agent = match code.split_once('~') {
                Some((pre, suf)) => Agent { prefix: pre.trim().to_string(), suffix: suf.trim().to_string() },
                None => Agent { prefix: String::new(), suffix: code.clone() },
            };
            let head = &line[..open];
            let (name, plurals) = match (head.find('{'), head.find('}')) {
                (Some(a), Some(b)) if a < b => (&head[..a], Some(head[a + 1..b].split_whitespace().map(str::to_string).collect::<Vec<_>>())),
                _ => (head, None),
            };
            // Expand macros.
            let mut names = vec![name.trim().to_uppercase()];
            for (k, vals) in &macros {
                names = names.into_iter().flat_map(|n| if n.contains(k.as_str()) { vals.iter().map(|v| n.replace(k.as_str(), v)).collect() } else { vec![n] }).collect();
            }
            let mut forms: Vec<String> = Vec::new();
            for n in &names {
                forms.push(n.clone());
                if plurals.is_none() {
                    let mut w: Vec<&str> = n.split(|c: char| c == '_' || c.is_whitespace()).filter(|w| !w.is_empty()).collect();
                    if let Some(last) = w.pop() {
                        let p = plural(last);
                        w.push(&p);
                        forms.push(w.join(" "));
                    }
                }
            }
            for p in plurals.unwrap_or_default() {
                forms.push(p.to_uppercase());
            }
            for f in forms {
                let words: Vec<String> = f.split(|c: char| c == '_' || c.is_whitespace()).filter(|w| !w.is_empty()).map(str::to_string).collect();
                if words.is_empty() {
                    continue;
                }
                self.index.entry(words[0].clone()).or_default().push(self.names.len());
                self.names.push((words, agent.clone()));
            }
        }
    }

    /// Number of names (all forms).
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The longest agent name starting at `words[0]`: (words matched, agent).
    pub fn match_at(&self, words: &[String]) -> Option<(usize, &Agent)> {
        let first = words.first()?;
        self.index
            .get(first)?
            .iter()
            .map(|&i| &self.names[i])
            .filter(|(n, _)| words.len() >= n.len() && n.iter().zip(words).all(|(a, b)| a == b))
            .max_by_key(|(n, _)| n.len())
            .map(|(n, a)| (n.len(), a))
    }
}

/// One element of a verb pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum Elem {
    /// A word (upper case; matched as a stem when four letters or more).
    Word(String),
    /// A synset (`&NAME`), matched by any of its members.
    Syn(String),
    /// The source actor's slot (`$`): takes no word in matching; where it stands says
    /// where the source is.
    Source,
    /// The target actor's slot (`+`).
    Target,
    /// A skipped phrase (`^`): one word or more, up to the next preposition.
    Skip,
}

/// Words that end a phrase skipped by `^`.
const PREPOSITIONS: &[&str] = &["WITH", "IN", "AT", "OF", "TO", "FROM", "FOR", "ON", "BY", "ABOUT", "AGAINST", "OVER", "INTO"];

/// Where a pattern's actor slot fell in the sentence: the phrase starting at a word
/// (slots after the verb, or after a word before it), or ending just before one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The actor phrase starts at this word.
    From(usize),
    /// The actor phrase ends just before this word.
    Before(usize),
}

/// A verb dictionary's coding of a verb: code, words taken, and actor slots of the
/// matching pattern (source, target).
#[derive(Debug, Clone, PartialEq)]
pub struct VerbCoding {
    /// The code (`064`, `032:033`).
    pub code: String,
    /// Words the verb took (1 plus particles).
    pub width: usize,
    /// The source slot (`$`), if the pattern names one.
    pub source: Option<Slot>,
    /// The target slot (`+`), if the pattern names one.
    pub target: Option<Slot>,
}

/// A verb pattern: words before and after the verb, and the code.
#[derive(Debug, Clone, PartialEq)]
pub struct VerbPattern {
    /// Elements before the verb, in text order; the bool says the element must be
    /// adjacent to the next one (`_`).
    pub before: Vec<(Elem, bool)>,
    /// Elements after the verb, in text order; the bool says it must be adjacent to the
    /// previous one (or the verb).
    pub after: Vec<(Elem, bool)>,
    /// The code (`064`, `032:033`, `---`).
    pub code: String,
}

/// A verb of a block: its forms, its particles (phrasal verbs) and its own code.
#[derive(Debug, Clone, PartialEq)]
pub struct Verb {
    /// Base form (upper case).
    pub base: String,
    /// Inflected forms, base included.
    pub forms: Vec<String>,
    /// Words that must follow the verb ("DOWN" of BREAK_DOWN).
    pub particles: Vec<String>,
    /// The verb's own code, else the block's.
    pub code: Option<String>,
    /// The block.
    pub block: usize,
}

/// A block: `--- NAME [CODE] ---`, its verbs and patterns.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VerbBlock {
    /// The header name.
    pub name: String,
    /// The header code.
    pub code: String,
    /// Patterns.
    pub patterns: Vec<VerbPattern>,
}

/// A PETRARCH/TABARI verb dictionary.
#[derive(Debug, Clone, Default)]
pub struct VerbDict {
    /// Blocks in file order.
    pub blocks: Vec<VerbBlock>,
    /// Verbs.
    pub verbs: Vec<Verb>,
    /// Synsets: name (without `&`) → members (each a word sequence; may name other synsets).
    pub synsets: HashMap<String, Vec<Vec<Elem>>>,
    index: HashMap<String, Vec<usize>>,
}

/// Regular inflections of an upper-case verb.
fn inflect(base: &str) -> Vec<String> {
    let mut v = vec![base.to_string()];
    let stem = base.strip_suffix('E').unwrap_or(base);
    if base.ends_with('Y') && !base.ends_with("AY") && !base.ends_with("EY") && !base.ends_with("OY") {
        let s = &base[..base.len() - 1];
        v.extend([format!("{s}IES"), format!("{s}IED"), format!("{base}ING")]);
    } else {
        v.extend([plural(base), format!("{stem}ED"), format!("{stem}ING")]);
        // Doubled final consonant (STAB → STABBED).
        if let Some(last) = base.chars().last() {
            if !"AEIOUYWX".contains(last) && base.len() <= 5 {
                v.extend([format!("{base}{last}ED"), format!("{base}{last}ING")]);
            }
        }
    }
    v
}

fn parse_elems(s: &str) -> Vec<(Elem, bool)> {
    // Tokens with connectors: split on whitespace; inside a token `_` joins adjacent words.
    let mut out = Vec::new();
    for tok in s.split_whitespace() {
        let tok = tok.trim_matches(|c| matches!(c, '(' | ')' | '{' | '}'));
        let parts: Vec<&str> = tok.split('_').collect();
        for (i, p) in parts.iter().enumerate() {
            let p = p.trim_matches(|c| matches!(c, '(' | ')' | '{' | '}'));
            if p.is_empty() || p == "%" {
                continue;
            }
            if p == "^" {
                out.push((Elem::Skip, i > 0));
                continue;
            }
            if p == "$" || p == "+" {
                out.push((if p == "$" { Elem::Source } else { Elem::Target }, i > 0));
                continue;
            }
            let adjacent = i > 0;
            if let Some(name) = p.strip_prefix('&') {
                out.push((Elem::Syn(name.to_uppercase()), adjacent));
            } else if p == "*" {
                out.push((Elem::Word("*".into()), adjacent));
            } else {
                out.push((Elem::Word(p.trim_start_matches('+').to_uppercase()), adjacent));
            }
        }
    }
    out
}

fn code_of(line: &str) -> Option<(String, String)> {
    let a = line.rfind('[')?;
    let b = line[a..].find(']')? + a;
    Some((line[..a].to_string(), line[a + 1..b].trim().to_uppercase()))
}

impl VerbDict {
    /// Read a dictionary's text.
    pub fn parse(text: &str) -> VerbDict {
        let mut d = VerbDict::default();
        d.add(text);
        d
    }

    /// Add the entries of another dictionary file.
    pub fn add(&mut self, text: &str) {
        let mut synset: Option<String> = None;
        let mut block: Option<usize> = None;
        for raw in text.lines() {
            let line = clean(raw);
            let t = line.trim();
            if t.is_empty() {
                synset = None;
                continue;
            }
            if t.starts_with("---") {
                synset = None;
                let inner = t.trim_matches('-').trim();
                let name = inner.split('[').next().unwrap_or("").trim().to_uppercase();
                let code = inner.find('[').and_then(|a| inner[a..].find(']').map(|b| inner[a + 1..a + b].trim().to_uppercase())).unwrap_or_else(|| "---".into());
                self.blocks.push(VerbBlock { name, code, patterns: Vec::new() });
                block = Some(self.blocks.len() - 1);
                continue;
            }
            if let Some(name) = t.strip_prefix('&') {
                let name = name.split_whitespace().next().unwrap_or("").trim_end_matches('_').to_uppercase();
                self.synsets.entry(name.clone()).or_default();
                synset = Some(name);
                block = None;
                continue;
            }
            if let Some(s) = &synset {
                if let Some(m) = t.strip_prefix('+') {
                    let elems: Vec<Elem> = parse_elems(m).into_iter().map(|(e, _)| e).collect();
                    if !elems.is_empty() {
                        self.synsets.get_mut(s).expect("synset").push(elems);
                    }
                }
                continue;
            }
            let Some(b) = block else { continue };
            let is_pattern = t.starts_with('-') || (t.contains('*') && t.contains('['));
            if is_pattern {
                let Some((body, code)) = code_of(t.trim_start_matches('-')) else { continue };
                let elems = parse_elems(&body);
                let Some(star) = elems.iter().position(|(e, _)| *e == Elem::Word("*".into())) else { continue };
                let star_adjacent_next = elems.get(star + 1).is_some_and(|(_, a)| *a);
                let before: Vec<(Elem, bool)> = elems[..star]
                    .iter()
                    .enumerate()
                    .map(|(i, (e, _))| (e.clone(), elems[i + 1].1))
                    .collect();
                let mut after: Vec<(Elem, bool)> = elems[star + 1..].to_vec();
                if let Some(first) = after.first_mut() {
                    first.1 = star_adjacent_next;
                }
                self.blocks[b].patterns.push(VerbPattern { before, after, code });
                continue;
            }
            // A verb line: `BAN {BANS BANNED} [191]`, `+BREAK_DOWN {...}`, `LASH OUT`.
            let (head, own) = match code_of(t) {
                Some((h, c)) => (h, Some(c)),
                None => (t.to_string(), None),
            };
            let (name, forms) = match (head.find('{'), head.find('}')) {
                (Some(a), Some(z)) if a < z => (head[..a].to_string(), head[a + 1..z].split_whitespace().map(str::to_string).collect::<Vec<_>>()),
                _ => (head.clone(), Vec::new()),
            };
            let words: Vec<String> = name.split(|c: char| c == '_' || c.is_whitespace()).filter(|w| !w.is_empty()).map(|w| w.to_uppercase()).collect();
            if words.is_empty() {
                continue;
            }
            let hi = words.iter().position(|w| w.starts_with('+')).unwrap_or(0);
            let base = words[hi].trim_start_matches('+').to_string();
            // Words before the head of a phrasal entry ("WIRE_+TAP") are not supported; such
            // an entry is read as its head with the following words as particles.
            let particles: Vec<String> = words[hi + 1..].to_vec();
            let mut all = inflect(&base);
            for f in forms {
                let fw: Vec<&str> = f.split('_').collect();
                let h = fw.iter().find(|w| w.starts_with('+')).copied().unwrap_or(fw[0]);
                all.push(h.trim_start_matches('+').to_uppercase());
            }
            let i = self.verbs.len();
            for f in &all {
                let e = self.index.entry(f.clone()).or_default();
                if !e.contains(&i) {
                    e.push(i);
                }
            }
            self.verbs.push(Verb { base, forms: all, particles, code: own, block: b });
        }
    }

    /// Number of verbs.
    pub fn len(&self) -> usize {
        self.verbs.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.verbs.is_empty()
    }

    /// The verbs a word (upper case, surface or lemma) may be.
    pub fn lookup(&self, word: &str) -> impl Iterator<Item = &Verb> {
        self.index.get(word).map_or(&[][..], Vec::as_slice).iter().map(|&i| &self.verbs[i])
    }

    /// Code the verb at position `v` of the sentence `words` (upper case) whose lemmas
    /// are `lemmas`: the most specific matching pattern of its block, else the verb's or
    /// the block's code. Returns the code and the number of words the verb took (1 plus
    /// particles).
    pub fn code(&self, words: &[String], lemmas: &[String], v: usize) -> Option<(String, usize)> {
        self.coding(words, lemmas, v).map(|c| (c.code, c.width))
    }

    /// [`VerbDict::code`], with the actor slots (`$`, `+`) of the pattern that matched.
    pub fn coding(&self, words: &[String], lemmas: &[String], v: usize) -> Option<VerbCoding> {
        let mut best: Option<(VerbCoding, usize)> = None; // coding, specificity
        for verb in self.lookup(&words[v]).chain(self.lookup(&lemmas[v])) {
            let mut width = 1;
            if !verb.particles.is_empty() {
                // Particles must follow within the next three words, in order.
                let mut k = v + 1;
                let mut ok = true;
                for p in &verb.particles {
                    match (k..(k + 3).min(words.len())).find(|&j| words[j] == *p) {
                        Some(j) => k = j + 1,
                        None => {
                            ok = false;
                            break;
                        }
                    }
                }
                if !ok {
                    continue;
                }
                width = k - v;
            }
            let block = &self.blocks[verb.block];
            let mut coding = VerbCoding { code: verb.code.clone().unwrap_or_else(|| block.code.clone()), width, source: None, target: None };
            let mut spec = verb.particles.len();
            let mut best_p = 0usize;
            for p in &block.patterns {
                let n = p.before.iter().chain(&p.after).filter(|(e, _)| !matches!(e, Elem::Source | Elem::Target | Elem::Skip)).count();
                if n < best_p {
                    continue;
                }
                let mut slots = Vec::new();
                if self.matches_after(words, v + width, &p.after, &mut slots) && self.matches_before(words, v, &p.before, &mut slots) {
                    best_p = n + 1;
                    coding.code = p.code.clone();
                    coding.source = slots.iter().find(|(e, _)| *e == Elem::Source).map(|&(_, s)| s);
                    coding.target = slots.iter().find(|(e, _)| *e == Elem::Target).map(|&(_, s)| s);
                }
            }
            spec += best_p * 10;
            if best.as_ref().is_none_or(|b| spec > b.1) {
                best = Some((coding, spec));
            }
        }
        best.map(|(c, _)| c)
    }

    /// Whether `e` matches at `words[i..]`; the number of words taken.
    fn elem_at(&self, words: &[String], i: usize, e: &Elem, depth: usize) -> Option<usize> {
        match e {
            Elem::Word(w) => {
                let t = words.get(i)?;
                (t == w || (w.len() >= 4 && t.starts_with(w.as_str())) || *t == plural(w)).then_some(1)
            }
            Elem::Source | Elem::Target | Elem::Skip => Some(0),
            Elem::Syn(name) => {
                if depth > 4 {
                    return None;
                }
                let members = self.synsets.get(name)?;
                members.iter().filter_map(|m| {
                    let mut k = i;
                    for e in m {
                        k += self.elem_at(words, k, e, depth + 1)?;
                    }
                    Some(k - i)
                }).max()
            }
        }
    }

    fn matches_after(&self, words: &[String], from: usize, after: &[(Elem, bool)], slots: &mut Vec<(Elem, Slot)>) -> bool {
        let mut k = from;
        for (e, adjacent) in after {
            if matches!(e, Elem::Source | Elem::Target) {
                slots.push((e.clone(), Slot::From(k)));
                continue;
            }
            if *e == Elem::Skip {
                if k >= words.len() {
                    return false;
                }
                k += 1;
                while k < words.len() && !PREPOSITIONS.contains(&words[k].as_str()) {
                    k += 1;
                }
                continue;
            }
            let found = if *adjacent {
                self.elem_at(words, k, e, 0).map(|n| k + n)
            } else {
                (k..words.len()).find_map(|j| self.elem_at(words, j, e, 0).map(|n| j + n))
            };
            match found {
                Some(j) => k = j,
                None => return false,
            }
        }
        true
    }

    fn matches_before(&self, words: &[String], v: usize, before: &[(Elem, bool)], slots: &mut Vec<(Elem, Slot)>) -> bool {
        // Right to left: the last element nearest the verb.
        let mut end = v; // elements must end at or before `end`
        let mut must_touch = before.last().is_some_and(|(_, a)| *a);
        for (e, _) in before.iter().rev() {
            if matches!(e, Elem::Source | Elem::Target | Elem::Skip) {
                if *e != Elem::Skip {
                    slots.push((e.clone(), Slot::Before(end)));
                }
                must_touch = false;
                continue;
            }
            let found = (0..end).rev().find(|&j| self.elem_at(words, j, e, 0).is_some_and(|n| if must_touch { j + n == end } else { j + n <= end }));
            match found {
                Some(j) => end = j,
                None => return false,
            }
            must_touch = false;
        }
        // Adjacency between earlier elements is not enforced beyond the one next to the verb.
        true
    }
}

/// The dictionaries a records file or a user names; any may be absent.
#[derive(Debug, Clone, Default)]
pub struct Dicts {
    /// Actors (names → codes).
    pub actors: Option<ActorDict>,
    /// Agents (role words → code affixes).
    pub agents: Option<AgentDict>,
    /// Verbs (→ event codes, overriding the built-in lexicon where they know the verb).
    pub verbs: Option<VerbDict>,
    /// Discard phrases (`<Discardfile>`): a sentence naming one is not coded (sports,
    /// weather, "years later"…). Upper-case words; a `+` (story-level) mark is dropped.
    pub discards: Vec<Vec<String>>,
    /// Files that could not be read (named but absent), for the report.
    pub missing: Vec<String>,
}

/// Read a discard list: one phrase a line, `#` comments, `+` for story-level discards.
pub fn parse_discards(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(clean)
        .map(|l| l.trim().trim_start_matches('+').trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.split(|c: char| c == '_' || c.is_whitespace()).filter(|w| !w.is_empty()).map(|w| w.to_uppercase()).collect::<Vec<_>>())
        .filter(|w| !w.is_empty())
        .collect()
}

impl Dicts {
    /// Whether the words (upper case) contain a discard phrase; the phrase's last word may
    /// match as a stem ("TYPHOON" → "TYPHOONS").
    pub fn discarded(&self, words: &[String]) -> bool {
        self.discards.iter().any(|d| {
            (0..words.len()).any(|i| {
                words.len() - i >= d.len()
                    && d.iter().zip(&words[i..]).enumerate().all(|(k, (a, b))| {
                        let b = b.trim_matches(|c: char| !c.is_alphanumeric());
                        a == b || (k + 1 == d.len() && a.len() >= 4 && b.starts_with(a.as_str()) && b.len() <= a.len() + 2)
                    })
            })
        })
    }
}

/// Which kind of dictionary a file's text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DictKind {
    /// Actor dictionary.
    Actors,
    /// Agent dictionary.
    Agents,
    /// Verb dictionary.
    Verbs,
}

/// Guess the kind of a dictionary from its text: verb blocks (`--- X ---`), agent
/// codes (`[~GOV]`, `[NGO~]`), else actors.
pub fn sniff(text: &str) -> DictKind {
    let lines = || text.lines().map(clean).map(str::trim);
    if lines().any(|l| l.starts_with("---") && l.ends_with("---") && l.len() > 6) {
        DictKind::Verbs
    } else if lines().filter(|l| l.contains('~') && l.contains('[')).count() * 2 >= lines().filter(|l| l.contains('[')).count().max(1) {
        DictKind::Agents
    } else {
        DictKind::Actors
    }
}

impl Dicts {
    /// Add a dictionary file's text of the given kind.
    pub fn add_text(&mut self, kind: DictKind, text: &str) {
        match kind {
            DictKind::Actors => self.actors.get_or_insert_with(Default::default).add(text),
            DictKind::Agents => self.agents.get_or_insert_with(Default::default).add(text),
            DictKind::Verbs => self.verbs.get_or_insert_with(Default::default).add(text),
        }
    }

    /// Add a dictionary file (`--dict FILE`), its kind guessed from its text.
    pub fn add_file(&mut self, path: &std::path::Path) -> std::io::Result<DictKind> {
        let bytes = std::fs::read(path)?;
        let text = String::from_utf8_lossy(&bytes);
        let kind = sniff(&text);
        self.add_text(kind, &text);
        Ok(kind)
    }

    /// The dictionaries a records file names in its `<Environment>` (`<Actorfile>`,
    /// `<Agentfile>`, `<Verbfile>`, comma-separated, relative to the records file); absent
    /// files are listed in [`Dicts::missing`].
    pub fn from_environment(records: &std::path::Path) -> std::io::Result<Dicts> {
        let bytes = std::fs::read(records)?;
        let text = String::from_utf8_lossy(&bytes);
        let dir = records.parent().unwrap_or(std::path::Path::new("."));
        let mut d = Dicts::default();
        if let Some(files) = env_files(&text, "Discardfile") {
            for f in files {
                match std::fs::read(dir.join(&f)) {
                    Ok(bytes) => d.discards.extend(parse_discards(&String::from_utf8_lossy(&bytes))),
                    Err(_) => d.missing.push(f),
                }
            }
        }
        for (tag, kind) in [("Actorfile", DictKind::Actors), ("Agentfile", DictKind::Agents), ("Verbfile", DictKind::Verbs)] {
            let open = format!("<{tag}>");
            let close = format!("</{tag}>");
            let Some(a) = text.find(&open) else { continue };
            let Some(b) = text[a..].find(&close) else { continue };
            for f in text[a + open.len()..a + b].split(',').map(str::trim).filter(|f| !f.is_empty()) {
                let p = dir.join(f);
                match std::fs::read(&p) {
                    Ok(bytes) => d.add_text(kind, &String::from_utf8_lossy(&bytes)),
                    Err(_) => d.missing.push(f.to_string()),
                }
            }
        }
        Ok(d)
    }
}

/// The files an `<Environment>` names under `tag` (comma-separated).
fn env_files(text: &str, tag: &str) -> Option<Vec<String>> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let a = text.find(&open)?;
    let b = text[a..].find(&close)?;
    Some(text[a + open.len()..a + b].split(',').map(str::trim).filter(|f| !f.is_empty()).map(str::to_string).collect())
}
