//! The tokens every extractor reads are exactly jieba's `tag` of the text: `Nlp::tokens`
//! computes them as jieba's `cut` plus remembered word tags, which must never change a word,
//! a tag or an offset. Checked on real news from `../shared/corpus` (THUCNews and
//! xinwenlianbo), cold (nothing remembered yet) and warm (every word remembered).

#![allow(clippy::unwrap_used)] // test harness code: a failed read is a failed test

use std::path::{Path, PathBuf};

use newsdrop_core::fields::nlp::Nlp;

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    dir.is_dir().then_some(dir)
}

/// Up to 600 THUCNews articles and every 40th day of xinwenlianbo.
fn texts(corpus: &Path) -> Vec<String> {
    let mut out: Vec<String> =
        std::fs::read_to_string(corpus.join("thucnews-cnews-sample/cnews.val.txt"))
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.split_once('\t').map(|(_, text)| text.to_string()))
            .step_by(8)
            .take(600)
            .collect();
    let mut days: Vec<PathBuf> = std::fs::read_dir(corpus.join("xinwenlianbo/news"))
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    days.sort();
    out.extend(
        days.iter()
            .step_by(40)
            .filter_map(|p| std::fs::read_to_string(p).ok()),
    );
    out
}

fn assert_same_as_jieba(nlp: &Nlp, texts: &[String], pass: &str) {
    for (i, text) in texts.iter().enumerate() {
        let ours = nlp.tokens(text);
        let jieba = nlp.raw_tags(text);
        if ours != jieba {
            let at = ours
                .iter()
                .zip(&jieba)
                .position(|(a, b)| a != b)
                .unwrap_or(ours.len().min(jieba.len()));
            panic!(
                "{pass} pass, text {i}: token {at} differs: ours {:?}, jieba {:?}",
                ours.get(at),
                jieba.get(at)
            );
        }
    }
}

#[test]
fn tokens_are_jiebas_tags_cold_and_warm() {
    let Some(corpus) = corpus() else {
        eprintln!("SKIP: ../shared/corpus not found next to the checkout");
        return;
    };
    let texts = texts(&corpus);
    assert!(texts.len() > 100, "too few corpus texts: {}", texts.len());
    let nlp = Nlp::new(None).unwrap();
    assert_same_as_jieba(&nlp, &texts, "first");
    assert_same_as_jieba(&nlp, &texts, "second");
}

#[test]
fn a_user_dictionary_word_keeps_its_own_tag() {
    let nlp = Nlp::new(Some("青禾助农合作社 50 nt\n小满志愿队 nt\n")).unwrap();
    let text = "青禾助农合作社和小满志愿队昨天在村里开展活动。小满志愿队还看望了老人。";
    for _ in 0..2 {
        let toks = nlp.tokens(text);
        assert_eq!(toks, nlp.raw_tags(text));
        let tags: Vec<(&str, &str)> = toks
            .iter()
            .filter(|t| t.word.contains("合作社") || t.word.contains("志愿队"))
            .map(|t| (t.word, t.tag))
            .collect();
        assert_eq!(
            tags,
            [
                ("青禾助农合作社", "nt"),
                ("小满志愿队", "nt"),
                ("小满志愿队", "nt")
            ]
        );
    }
}
