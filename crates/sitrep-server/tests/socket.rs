//! Over a real socket: a 100 MB body is refused with 413 and the server keeps answering.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

fn http(addr: std::net::SocketAddr, head: &str, body_len: usize) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.write_all(head.as_bytes()).unwrap();
    // Keep sending until the server has answered and closed; a refused body ends early.
    let chunk = vec![b'x'; 1 << 16];
    let mut sent = 0;
    while sent < body_len {
        match s.write(&chunk[..chunk.len().min(body_len - sent)]) {
            Ok(n) => sent += n,
            Err(_) => break,
        }
    }
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

#[test]
fn a_huge_body_is_refused_and_the_server_stays_up() {
    let (app, _dir) = common::app(Some("t0ken"));
    let rt = tokio::runtime::Runtime::new().unwrap();
    let listener = rt.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let addr = listener.local_addr().unwrap();
    rt.spawn(async move { axum::serve(listener, app).await.unwrap() });

    let size = 100 << 20;
    let head = format!(
        "POST /api/reports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer t0ken\r\nContent-Type: application/json\r\nContent-Length: {size}\r\nConnection: close\r\n\r\n"
    );
    let answer = http(addr, &head, size);
    assert!(answer.starts_with("HTTP/1.1 413"), "{}", &answer[..answer.len().min(300)]);
    assert!(answer.contains("\"reason\""), "{answer}");

    let answer = http(addr, "GET /api/events?limit=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 0);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let answer = http(addr, "GET /api/events?limit=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 0);
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
}
