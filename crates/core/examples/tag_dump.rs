//! Prints newsdrop's jieba tags (`word/tag`) for each line of standard input, then the spans
//! the sequence tagger proposes (`T:`) and the spans `extract` keeps (`E:`): a debugging aid
//! for the entity rules.

use newsdrop_core::fields::nlp::tagger::Tagger;
use newsdrop_core::fields::nlp::{EntityKind, EntitySpan, Nlp};
use std::io::BufRead;

fn show(line: &str, spans: &[EntitySpan]) -> String {
    spans
        .iter()
        .map(|s| {
            let kind = match s.kind {
                EntityKind::Person => "PER",
                EntityKind::Place => "LOC",
                EntityKind::Organization => "ORG",
            };
            format!("{kind}:{}", line.get(s.start..s.end).unwrap_or("?"))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() {
    let (nlp, tagger) = match (Nlp::new(None), Tagger::builtin()) {
        (Ok(n), Ok(t)) => (n, t),
        (Err(e), _) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
        (_, Err(e)) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let toks = nlp.tokens(&line);
        let out: Vec<String> = toks
            .iter()
            .map(|t| format!("{}/{}", t.word, t.tag))
            .collect();
        println!("{}", out.join(" "));
        println!("  T: {}", show(&line, &tagger.spans(&line, &toks)));
        println!("  E: {}", show(&line, &nlp.entity_spans(&line)));
        println!("  R: {}", show(&line, &nlp.rule_spans(&line)));
    }
}
