//! Property tests: extraction never panics, on arbitrary bytes, arbitrary text, and randomly
//! mutated real pages (the eval inputs and a small HTML page of the corpus when present).

#![allow(clippy::unwrap_used)] // test harness code: a failed read is a failed test

use std::path::Path;
use std::sync::OnceLock;

use newsdrop_core::{ExtractConfig, Extractor, Input};
use proptest::prelude::*;

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::new(&ExtractConfig::default()).unwrap())
}

fn run(name: &str, bytes: &[u8]) {
    let input = Input {
        path: name,
        bytes,
        ingested_at: "2026-01-01T00:00:00+08:00",
    };
    // Either records or a failure; both are fine, a panic is not.
    if let Ok(records) = newsdrop_core::extract(&input, extractor()) {
        for r in records {
            assert!(!r.body.trim().is_empty());
        }
    }
}

/// Real pages to mutate: the eval inputs, and one small corpus HTML page.
fn seeds() -> &'static Vec<(String, Vec<u8>)> {
    static S: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    S.get_or_init(|| {
        let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
        let mut out = Vec::new();
        if let Ok(dir) = std::fs::read_dir(shared.join("eval/input")) {
            let mut paths: Vec<_> = dir.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            paths.sort();
            for p in paths {
                if let Ok(b) = std::fs::read(&p) {
                    out.push((format!("/in/{}", p.display()), b));
                }
            }
        }
        for rel in ["corpus/gne-html/tests/zsnews/1.html", "corpus/gbk-derived/html/gne_people_1.html"] {
            if let Ok(b) = std::fs::read(shared.join(rel)) {
                out.push((format!("/in/{rel}"), b));
            }
        }
        if out.is_empty() {
            eprintln!("NOTE: ../shared not found; mutating a built-in page only");
            out.push((
                "/in/builtin.txt".into(),
                "当前位置:首页>新闻\n标题在这里\n2020-02-26 19:06:39\n永平街共有党组织24个。(据澎湃新闻)\n"
                    .as_bytes()
                    .to_vec(),
            ));
        }
        out
    })
}

#[derive(Debug, Clone)]
enum Edit {
    Set(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Set(i, b)),
        (
            any::<usize>(),
            proptest::collection::vec(any::<u8>(), 1..16)
        )
            .prop_map(|(i, b)| Edit::Insert(i, b)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Edit::Delete(i, n)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let len = bytes.len().max(1);
        match e {
            Edit::Set(i, b) => {
                if !bytes.is_empty() {
                    let at = i % bytes.len();
                    bytes[at] = *b;
                }
            }
            Edit::Insert(i, b) => {
                let at = i % (bytes.len() + 1);
                bytes.splice(at..at, b.iter().copied());
            }
            Edit::Delete(i, n) => {
                let at = i % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            Edit::Truncate(i) => bytes.truncate(i % len),
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        run("/in/random.txt", &bytes);
        run("/in/random.html", &bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        run("/in/random.txt", text.as_bytes());
        let html = format!("<html><body><p>{text}</p></body></html>");
        run("/in/random.html", html.as_bytes());
    }

    #[test]
    fn mutated_pages_never_panic(
        which in any::<usize>(),
        edits in proptest::collection::vec(edit(), 1..12),
    ) {
        let seeds = seeds();
        let (name, bytes) = &seeds[which % seeds.len()];
        run(name, &apply(bytes.clone(), &edits));
    }
}
