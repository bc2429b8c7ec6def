//! Large read-only tables kept on 2 MiB pages where the system allows it.
//!
//! The frozen weights are looked up at random addresses all over tens of megabytes; on
//! 4 KiB pages nearly every lookup also misses the TLB (and under a hypervisor a TLB miss
//! is a two-level page walk). Aligning the table to 2 MiB and asking Linux for
//! transparent huge pages (`madvise(MADV_HUGEPAGE)`) lets a handful of TLB entries cover
//! the whole table. Elsewhere, or when the kernel declines, it is an ordinary allocation.

use std::alloc::{alloc, dealloc, handle_alloc_error, Layout};
use std::ops::Deref;
use std::ptr::NonNull;

/// Tables smaller than this stay on ordinary pages.
const HUGE_FROM: usize = 1 << 20;
const HUGE_PAGE: usize = 2 << 20;

/// A fixed-length, immutable array of plain values, on huge pages when large.
pub struct Table<T: Copy> {
    ptr: NonNull<T>,
    len: usize,
    layout: Option<Layout>,
}

// SAFETY: `Table` owns its allocation and only hands out shared references to `T`.
unsafe impl<T: Copy + Send> Send for Table<T> {}
// SAFETY: as above; the contents are never mutated after construction.
unsafe impl<T: Copy + Sync> Sync for Table<T> {}

impl<T: Copy> Table<T> {
    /// A table holding a copy of `items`.
    ///
    /// ```
    /// use sitrep_learn::buf::Table;
    /// let t = Table::from_slice(&[1u32, 2, 3]);
    /// assert_eq!(&t[..], &[1, 2, 3]);
    /// ```
    pub fn from_slice(items: &[T]) -> Table<T> {
        let Some((raw, layout)) = Table::<T>::allocate(items.len()) else { return Table { ptr: NonNull::dangling(), len: items.len(), layout: None } };
        // SAFETY: the allocation holds at least `items.len()` values of `T`, is aligned for
        // `T`, and does not overlap `items`.
        unsafe { std::ptr::copy_nonoverlapping(items.as_ptr(), raw.as_ptr(), items.len()) };
        Table { ptr: raw, len: items.len(), layout: Some(layout) }
    }

    /// A table of `len` values, value `i` being `value(i)`: written straight into the
    /// table, not first into a vector to be copied.
    ///
    /// ```
    /// use sitrep_learn::buf::Table;
    /// let t = Table::from_fn(3, |i| i as u32 * 10);
    /// assert_eq!(&t[..], &[0, 10, 20]);
    /// ```
    pub fn from_fn(len: usize, mut value: impl FnMut(usize) -> T) -> Table<T> {
        let Some((raw, layout)) = Table::<T>::allocate(len) else { return Table { ptr: NonNull::dangling(), len, layout: None } };
        for i in 0..len {
            // SAFETY: the allocation holds at least `len` values of `T` and is aligned for
            // `T`; `T: Copy` has no destructor to run on what it replaces.
            unsafe { raw.as_ptr().add(i).write(value(i)) };
        }
        Table { ptr: raw, len, layout: Some(layout) }
    }

    /// A table of `len` copies of `fill`, then changed in place by `build` (before it is
    /// shared): written straight into the table, not first into a vector to be copied.
    ///
    /// ```
    /// use sitrep_learn::buf::Table;
    /// let t = Table::build(4, 0u16, |t| t[2] = 7);
    /// assert_eq!(&t[..], &[0, 0, 7, 0]);
    /// ```
    pub fn build(len: usize, fill: T, build: impl FnOnce(&mut [T])) -> Table<T> {
        let t = Table::from_fn(len, |_| fill);
        // SAFETY: `ptr` points to `len` initialised values (or is dangling with len 0),
        // owned by `t` and not yet shared.
        build(unsafe { std::slice::from_raw_parts_mut(t.ptr.as_ptr(), t.len) });
        t
    }

    /// Uninitialised memory for `len` values (on huge pages when large), or `None` when
    /// that is no bytes.
    fn allocate(len: usize) -> Option<(NonNull<T>, Layout)> {
        let bytes = len.checked_mul(std::mem::size_of::<T>()).expect("table size fits in memory");
        if bytes == 0 {
            return None;
        }
        let huge = bytes >= HUGE_FROM;
        let align = if huge { HUGE_PAGE } else { std::mem::align_of::<T>().max(64) };
        let size = if huge { bytes.div_ceil(HUGE_PAGE) * HUGE_PAGE } else { bytes };
        let layout = Layout::from_size_align(size, align).expect("table size fits in memory");
        // SAFETY: the layout has a non-zero size. The memory is left untouched until the
        // advice is given (zeroing it first would fault it in on small pages), and only the
        // first `len` values, written by the caller, are ever read.
        let raw = unsafe { alloc(layout) } as *mut T;
        let Some(ptr) = NonNull::new(raw) else { handle_alloc_error(layout) };
        if huge {
            advise_huge(raw as *mut u8, size);
        }
        Some((ptr, layout))
    }
}

/// Ask the CPU to start loading the cache line holding `value`: a hint, with no effect
/// on what any value is.
#[inline(always)]
pub fn prefetch<T>(value: &T) {
    prefetch_address(value as *const T as *const u8);
}

/// [`prefetch`] every cache line `values` lies on.
///
/// ```
/// sitrep_learn::buf::prefetch_all(&[0u64; 40][3..]);
/// sitrep_learn::buf::prefetch_all::<u8>(&[]);
/// ```
#[inline(always)]
pub fn prefetch_all<T>(values: &[T]) {
    let bytes = std::mem::size_of_val(values);
    let Some(last) = bytes.checked_sub(1) else { return };
    let start = values.as_ptr() as *const u8;
    // Each line from the first byte's on, 64 bytes apart, and the last byte's (which a
    // start inside a line may leave out): every address is inside `values`.
    for at in (0..bytes).step_by(64).chain([last]) {
        prefetch_address(start.wrapping_add(at));
    }
}

/// Ask the CPU to start loading the cache line holding `address`.
#[inline(always)]
fn prefetch_address(address: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint with no architectural effect (it never faults, nor
    // reads into any value), and SSE is part of the x86-64 baseline; the callers pass
    // addresses inside live values all the same.
    unsafe {
        std::arch::x86_64::_mm_prefetch(address as *const i8, std::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = address;
}

#[cfg(target_os = "linux")]
fn advise_huge(ptr: *mut u8, len: usize) {
    extern "C" {
        fn madvise(addr: *mut std::ffi::c_void, len: usize, advice: std::ffi::c_int) -> std::ffi::c_int;
    }
    const MADV_HUGEPAGE: std::ffi::c_int = 14;
    // SAFETY: `ptr..ptr+len` is one live allocation of ours, page aligned; the advice
    // changes only how the kernel backs it, never its contents. Failure is harmless.
    unsafe {
        madvise(ptr as *mut std::ffi::c_void, len, MADV_HUGEPAGE);
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge(_ptr: *mut u8, _len: usize) {}

impl<T: Copy> Drop for Table<T> {
    fn drop(&mut self) {
        if let Some(layout) = self.layout {
            // SAFETY: allocated in `from_slice` with exactly this layout.
            unsafe { dealloc(self.ptr.as_ptr() as *mut u8, layout) };
        }
    }
}

impl<T: Copy> Deref for Table<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        // SAFETY: `ptr` points to `len` initialised values (or is dangling with len 0).
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl<T: Copy> Clone for Table<T> {
    fn clone(&self) -> Table<T> {
        Table::from_slice(self)
    }
}

impl<T: Copy + PartialEq> PartialEq for Table<T> {
    fn eq(&self, other: &Table<T>) -> bool {
        self[..] == other[..]
    }
}

impl<T: Copy + std::fmt::Debug> std::fmt::Debug for Table<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Table({} items)", self.len)
    }
}
