//! Load test of `/api/events` with filters, on loopback; bounded, stops by itself.
//!
//! Starts the server in this process on a free port over the database given, then runs
//! `--connections` keep-alive clients for `--seconds`, each asking for a page of events
//! under a filter drawn from a fixed mix (actor, date range, PLOVER type and factuality,
//! country and CAMEO root, full text, near a point, stance), and prints requests per second
//! and latency percentiles.
//!
//! ```sh
//! cargo run --release -p sitrep-server --example load -- DB [--seconds 20] [--connections 32] [--kinds 0,1,2]
//! ```

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const ACTORS: &[&str] = &["RUS", "UKR", "USA", "CHN", "FRA", "TUR", "IRN", "ISR", "SYR", "NGA"];
const ROLES: &[&str] = &["MIL", "GOV", "REB", "COP"];
const WORDS: &[&str] = &["troops", "shelling", "drone", "strike", "talks", "ceasefire", "convoy", "border", "airport", "protesters"];
const PLOVER: &[&str] = &["ASSAULT", "CONSULT", "PROTEST", "ACCUSE", "COERCE", "AGREE"];

/// What each kind of query filters by.
const KINDS: [&str; 8] = ["actor", "30-day range", "actor+role from a date", "PLOVER+factuality", "place country+root", "full text", "near 50 km", "stance+actor"];

/// The `i`th query of the mix, of kind `kind`.
fn query(i: u64, kind: u64) -> String {
    let pick = |xs: &[&'static str], k: u64| xs[(k % xs.len() as u64) as usize];
    let day = |k: u64| {
        let d = jiff::civil::date(2020, 1, 1).checked_add(jiff::Span::new().days((k % 1400) as i64)).unwrap();
        (d.to_string(), d.checked_add(jiff::Span::new().days(30)).unwrap().to_string())
    };
    let h = i.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 16;
    match kind {
        0 => format!("actor={}", pick(ACTORS, h)),
        1 => {
            let (a, b) = day(h);
            format!("from={a}&to={b}")
        }
        2 => format!("actor={}{}&from={}", pick(ACTORS, h), pick(ROLES, h >> 8), day(h >> 16).0),
        3 => format!("plover={}&factuality=asserted", pick(PLOVER, h)),
        4 => format!("country={}{}&cameo=19", (b'A' + (h % 26) as u8) as char, 'A'),
        5 => format!("text={}", pick(WORDS, h)),
        6 => format!("near={:.2},{:.2}&km=50", (h % 1000) as f64 * 0.12 - 50.0, ((h >> 10) % 1000) as f64 * 0.3 - 150.0),
        _ => format!("stance=claimed&actor={}", pick(ACTORS, h)),
    }
}

/// One GET on a kept-alive connection; the status and the time it took.
async fn get(conn: &mut BufReader<TcpStream>, path: &str) -> std::io::Result<(u16, Duration)> {
    let t = Instant::now();
    conn.get_mut().write_all(format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").as_bytes()).await?;
    let mut line = String::new();
    conn.read_line(&mut line).await?;
    let status: u16 = line.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut length = 0usize;
    loop {
        line.clear();
        conn.read_line(&mut line).await?;
        if line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    conn.read_exact(&mut body).await?;
    Ok((status, t.elapsed()))
}

fn arg(args: &[String], name: &str, default: u64) -> u64 {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(db) = args.first().filter(|a| !a.starts_with("--")).map(PathBuf::from) else {
        eprintln!("usage: load DB [--seconds 20] [--connections 32] [--limit 100]");
        std::process::exit(2);
    };
    let seconds = arg(&args, "--seconds", 20).min(600);
    let connections = arg(&args, "--connections", 32).clamp(1, 1024);
    let limit = arg(&args, "--limit", 100);
    // `--kinds 0,1,3`: only these kinds of query (numbers into KINDS); default all.
    let kinds: Vec<u64> = args
        .iter()
        .position(|a| a == "--kinds")
        .and_then(|i| args.get(i + 1))
        .map(|v| v.split(',').filter_map(|k| k.parse().ok()).filter(|&k| k < KINDS.len() as u64).collect())
        .unwrap_or_else(|| (0..KINDS.len() as u64).collect());
    let kinds = Arc::new(kinds);
    println!("query mix: {}", kinds.iter().map(|&k| KINDS[k as usize]).collect::<Vec<_>>().join(", "));
    let config = sitrep_server::Config::new(db);
    let app = sitrep_server::router(&config).unwrap_or_else(|e| {
        eprintln!("load: {e}");
        std::process::exit(2)
    });
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await });
        let stop = Arc::new(AtomicBool::new(false));
        let started = Instant::now();
        let mut clients = Vec::new();
        for c in 0..connections {
            let stop = Arc::clone(&stop);
            let kinds = Arc::clone(&kinds);
            clients.push(tokio::spawn(async move {
                let mut conn = BufReader::new(TcpStream::connect(addr).await.unwrap());
                let (mut times, mut errors) = (Vec::new(), 0u64);
                let mut i = c * 1_000_003;
                while !stop.load(Ordering::Relaxed) {
                    let path = format!("/api/events?limit={limit}&{}", query(i, kinds[(i % kinds.len() as u64) as usize]));
                    i += 1;
                    match get(&mut conn, &path).await {
                        Ok((200, t)) => times.push(t),
                        Ok(_) => errors += 1,
                        Err(_) => {
                            errors += 1;
                            conn = BufReader::new(TcpStream::connect(addr).await.unwrap());
                        }
                    }
                }
                (times, errors)
            }));
        }
        tokio::time::sleep(Duration::from_secs(seconds)).await;
        stop.store(true, Ordering::Relaxed);
        let (mut times, mut errors) = (Vec::new(), 0);
        for c in clients {
            let (t, e) = c.await.unwrap();
            times.extend(t);
            errors += e;
        }
        let elapsed = started.elapsed().as_secs_f64();
        times.sort();
        let pct = |p: f64| times.get(((times.len() as f64 * p) as usize).min(times.len().saturating_sub(1))).map_or(0.0, |d| d.as_secs_f64() * 1e3);
        println!(
            "{} requests in {elapsed:.1} s over {connections} connections: {:.0} requests/s; latency p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms; {errors} errors",
            times.len(),
            times.len() as f64 / elapsed,
            pct(0.50),
            pct(0.95),
            pct(0.99),
            pct(1.0)
        );
    });
}
