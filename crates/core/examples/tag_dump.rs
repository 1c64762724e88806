//! Prints newsdrop's jieba tags (`word/tag`) for each line of standard input: a debugging aid
//! for the entity rules.

use std::io::BufRead;

fn main() {
    let nlp = match newsdrop_core::fields::nlp::Nlp::new(None) {
        Ok(n) => n,
        Err(e) => {
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
    }
}
