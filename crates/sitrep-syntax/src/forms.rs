//! The one place where the text layer's tokens meet the treebank's words.
//!
//! The foundation tokeniser already splits the way UD English EWT does (clitics `'s`,
//! `n't`, `'re`; hyphens; `U.S.` whole), so each token is one word of the tree. What
//! differs is spelling: news uses typographic quotes, apostrophes and dashes where EWT is
//! mostly ASCII. [`treebank_form`] maps them so the model sees the forms it was trained on:
//!
//! | news token            | form the model sees |
//! |-----------------------|---------------------|
//! | `’s` `n’t` `’re` `’`  | `'s` `n't` `'re` `'` |
//! | `“` `”` `„` `«` `»`   | `"`                 |
//! | `—` `–` `―`           | `--` (a dash, not a hyphen) |
//! | `…`                   | `...`               |
//!
//! Tokens EWT would split further (`cannot` → `can not`, `gonna` → `gon na`) stay one
//! word here; the tagger has seen them unsplit often enough in web text to tag them.

use std::borrow::Cow;

/// The form of a token as the model should see it.
///
/// ```
/// use sitrep_syntax::treebank_form;
/// assert_eq!(treebank_form("n’t"), "n't");
/// assert_eq!(treebank_form("“"), "\"");
/// assert_eq!(treebank_form("''"), "\"");
/// assert_eq!(treebank_form("—"), "--");
/// assert_eq!(treebank_form("Kyiv"), "Kyiv");
/// ```
pub fn treebank_form(token: &str) -> Cow<'_, str> {
    if token.is_ascii() {
        // The typewriter's quotation marks, as EWT writes them.
        if matches!(token, "''" | "``") {
            return Cow::Borrowed("\"");
        }
        return Cow::Borrowed(token);
    }
    match token {
        "“" | "”" | "„" | "«" | "»" | "″" => return Cow::Borrowed("\""),
        "—" | "–" | "―" => return Cow::Borrowed("--"),
        "…" => return Cow::Borrowed("..."),
        _ => {}
    }
    if !token.contains(['’', '‘', 'ʼ']) {
        return Cow::Borrowed(token);
    }
    Cow::Owned(token.replace(['’', '‘', 'ʼ'], "'"))
}
