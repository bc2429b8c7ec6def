//! What the binary's end-to-end tests share.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Run the `sitrep` binary with `args` in `dir`, feeding it `stdin` from another thread
/// (so that a large input cannot deadlock against a full output pipe).
pub fn sitrep(args: &[&str], dir: &Path, stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the sitrep binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let bytes = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("sitrep finishes");
    feeder.join().expect("the feeder thread finishes");
    out
}

/// The standard error of a run, as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
