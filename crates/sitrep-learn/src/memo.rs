//! A memory of what was worked out for the forms met lately, with each form's bytes kept
//! inline beside its value, two slots to a hash: news repeats its words, and a form found
//! here costs a hash and one look at memory, with no string compared through a pointer.

use crate::buf::prefetch_all;
use crate::hash::bytes_hash;

/// Values of type `V` for forms of up to `FORM` bytes (longer or empty forms are worked
/// out every time). The slots are made only after `after` forms were asked for, so a memory
/// used for one sentence costs nothing.
///
/// ```
/// use sitrep_learn::memo::FormMemo;
/// let mut memo: FormMemo<usize, 16> = FormMemo::new(1 << 8, 0, 0);
/// let mut worked = 0;
/// for _ in 0..3 {
///     assert_eq!(memo.get_or_work_out(b"Kyiv", || { worked += 1; 4 }), 4);
/// }
/// assert_eq!(worked, 1);
/// ```
pub struct FormMemo<V: Copy, const FORM: usize> {
    slots: Vec<Slot<V, FORM>>,
    /// Number of slots (a power of two).
    size: usize,
    /// Forms worked out before the slots are made.
    after: usize,
    /// Forms asked for so far, up to `after`.
    asked: usize,
    /// The value of an empty slot (never returned).
    blank: V,
}

/// One remembered form and its value.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Slot<V: Copy, const FORM: usize> {
    /// The form's bytes, zeros after them.
    form: [u8; FORM],
    /// The form's length in bytes (0: an empty slot, as no empty form is kept).
    len: u8,
    value: V,
}

impl<V: Copy, const FORM: usize> Slot<V, FORM> {
    /// Whether this slot holds `form` (of at most `FORM` bytes): its length, then its
    /// bytes, compared a word at a time in place ([`same_bytes`]) instead of through a
    /// call to `memcmp`.
    #[inline(always)]
    fn holds(&self, form: &[u8]) -> bool {
        self.len as usize == form.len() && same_bytes(&self.form, form)
    }
}

/// Whether the first `form.len()` bytes of `kept` are `form` (of at most `FORM` bytes),
/// compared with loads of fixed width: eight bytes at a time, the last eight overlapping
/// those before them; shorter forms by two overlapping loads of four, two or one byte.
/// Every byte of `form` is compared, so the answer is exactly that of a byte comparison.
#[inline(always)]
fn same_bytes<const FORM: usize>(kept: &[u8; FORM], form: &[u8]) -> bool {
    let n = form.len();
    if n > FORM {
        return false;
    }
    let kept = &kept[..n];
    if n >= 8 {
        let word = |b: &[u8], at: usize| u64::from_ne_bytes(b[at..at + 8].try_into().unwrap_or([0; 8]));
        let mut at = 0;
        while at + 8 < n {
            if word(kept, at) != word(form, at) {
                return false;
            }
            at += 8;
        }
        word(kept, n - 8) == word(form, n - 8)
    } else if n >= 4 {
        let word = |b: &[u8], at: usize| u32::from_ne_bytes(b[at..at + 4].try_into().unwrap_or([0; 4]));
        word(kept, 0) == word(form, 0) && word(kept, n - 4) == word(form, n - 4)
    } else if n >= 2 {
        let word = |b: &[u8], at: usize| u16::from_ne_bytes(b[at..at + 2].try_into().unwrap_or([0; 2]));
        word(kept, 0) == word(form, 0) && word(kept, n - 2) == word(form, n - 2)
    } else {
        kept == form
    }
}

impl<V: Copy, const FORM: usize> FormMemo<V, FORM> {
    /// A memory of `size` slots (a power of two, at least 2), made after `after` forms
    /// were asked for; `blank` fills the empty slots.
    pub fn new(size: usize, after: usize, blank: V) -> Self {
        FormMemo { slots: Vec::new(), size: size.next_power_of_two().max(2), after, asked: 0, blank }
    }

    /// The value remembered for `form`, or the one `work` works out (then remembered).
    #[inline]
    pub fn get_or_work_out(&mut self, form: &[u8], work: impl FnOnce() -> V) -> V {
        self.get_or_work_out_hashed(form, bytes_hash(form), work)
    }

    /// [`FormMemo::get_or_work_out`] given `hash`, the [`bytes_hash`] of `form`, made
    /// already (a wrong hash costs only a value worked out again).
    #[inline]
    pub fn get_or_work_out_hashed(&mut self, form: &[u8], hash: u64, work: impl FnOnce() -> V) -> V {
        if form.is_empty() || form.len() > FORM || form.len() > u8::MAX as usize {
            return work();
        }
        if self.slots.is_empty() {
            if self.asked < self.after {
                self.asked += 1;
                return work();
            }
            self.slots = vec![Slot { form: [0; FORM], len: 0, value: self.blank }; self.size];
        }
        // The pair of slots of the form's hash: the one used last first.
        let at = self.pair_of(hash);
        let Some(pair) = self.slots.get(at..at + 2) else { return work() };
        if pair[0].holds(form) {
            return pair[0].value;
        }
        if pair[1].holds(form) {
            let value = pair[1].value;
            self.slots.swap(at, at + 1);
            return value;
        }
        let value = work();
        let mut new = Slot { form: [0; FORM], len: form.len() as u8, value };
        new.form[..form.len()].copy_from_slice(form);
        // The one used last moves to the second slot; the other is forgotten.
        self.slots[at + 1] = self.slots[at];
        self.slots[at] = new;
        value
    }

    /// Ask the CPU to start loading the slots `form` would be found in, so that a
    /// [`FormMemo::get_or_work_out`] of it a little later finds them in the caches
    /// instead of waiting on memory: for a sentence's words, asked a few words ahead.
    #[inline]
    pub fn prefetch(&self, form: &[u8]) {
        if !form.is_empty() && form.len() <= FORM {
            self.prefetch_hashed(bytes_hash(form));
        }
    }

    /// [`FormMemo::prefetch`] of the form whose [`bytes_hash`] is `hash`.
    #[inline]
    pub fn prefetch_hashed(&self, hash: u64) {
        if self.slots.is_empty() {
            return;
        }
        let at = self.pair_of(hash);
        // The slot used last, which holds most forms found (the other is asked only when
        // that one does not hold the form).
        if let Some(first) = self.slots.get(at..at + 1) {
            prefetch_all(first);
        }
    }

    /// The first of the pair of slots of a form of hash `hash`.
    #[inline(always)]
    fn pair_of(&self, hash: u64) -> usize {
        (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & (self.size - 2)
    }
}

impl<V: Copy + Default, const FORM: usize> Default for FormMemo<V, FORM> {
    /// 8,192 slots, made after 1,000 forms.
    fn default() -> Self {
        FormMemo::new(1 << 13, 1000, V::default())
    }
}

#[cfg(test)]
mod tests {
    use super::{same_bytes, FormMemo};

    #[test]
    fn values_stay_right_however_full_the_memory() {
        // Far more forms than slots, forms longer than kept, and the empty form: every
        // answer is the worked-out one.
        let mut memo: FormMemo<usize, 8> = FormMemo::new(16, 3, usize::MAX);
        for round in 0..3 {
            for n in 0..200usize {
                let form = format!("w{}", n % 97 + round);
                assert_eq!(memo.get_or_work_out(form.as_bytes(), || form.len() * 1000 + n % 97 + round), form.len() * 1000 + n % 97 + round);
            }
        }
        // Asking ahead changes no answer, before or after the slots are made.
        let mut ahead: FormMemo<usize, 8> = FormMemo::new(16, 3, usize::MAX);
        for n in 0..50usize {
            let form = format!("w{}", n % 7);
            ahead.prefetch(form.as_bytes());
            ahead.prefetch(b"");
            ahead.prefetch(b"longer than eight");
            assert_eq!(ahead.get_or_work_out(form.as_bytes(), || n % 7), n % 7);
        }
        assert_eq!(memo.get_or_work_out(b"a very long form", || 7), 7);
        assert_eq!(memo.get_or_work_out(b"", || 9), 9);
    }

    #[test]
    fn bytes_compared_by_words_as_by_bytes() {
        // Every length up to the kept width, and a byte changed at every place: the
        // word-wise comparison answers as the byte-wise one.
        let base: Vec<u8> = (0..32u8).map(|b| b.wrapping_mul(37).wrapping_add(11)).collect();
        for n in 0..=24 {
            let mut kept = [0u8; 24];
            kept[..n].copy_from_slice(&base[..n]);
            assert!(same_bytes(&kept, &base[..n]), "{n}");
            for at in 0..n {
                let mut other = base[..n].to_vec();
                other[at] ^= 1 << (at % 8);
                assert!(!same_bytes(&kept, &other), "{n} {at}");
            }
        }
        assert!(!same_bytes(&[0u8; 4], b"abcde"));
    }
}
