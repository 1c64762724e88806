//! Quoted speech (“…”, 「…」) and its speaker when the sentence names one (`X说`, `X表示`,
//! `X介绍`). Short quoted labels (“两新”, “红色堡垒”) are not speech and are left out.

use crate::record::{Person, Quote};

/// Verbs that introduce or close reported speech, longest first.
const SPEECH_VERBS: [&str; 18] = [
    "笑着说",
    "激动地说",
    "动情地说",
    "告诉记者",
    "介绍说",
    "表示",
    "介绍",
    "说道",
    "指出",
    "强调",
    "坦言",
    "感慨",
    "回忆",
    "告诉",
    "笑说",
    "称",
    "说",
    "道",
];

fn is_sentence_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '！' | '？' | '；' | ',' | '!' | '?' | ';' | '…'
    )
}

/// True when the quoted text reads as a sentence rather than a label, slogan or title.
fn is_speech(text: &str) -> bool {
    text.chars().count() >= 2 && text.chars().any(is_sentence_punct)
}

fn surnames() -> &'static (Vec<char>, Vec<String>) {
    static S: std::sync::OnceLock<(Vec<char>, Vec<String>)> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        // shared with the byline grammar: words separated by spaces, `#` comments
        let mut single = Vec::new();
        let mut double = Vec::new();
        for line in include_str!("../../data/surnames.txt").lines() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            for w in line.split_whitespace() {
                let mut cs = w.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => single.push(c),
                    (Some(_), Some(_)) => double.push(w.to_string()),
                    _ => {}
                }
            }
        }
        (single, double)
    })
}

/// A 2–3 character name (or 3–4 with a double surname) at the end of `head`.
fn name_at_end(head: &str) -> Option<String> {
    let chars: Vec<char> = head.chars().collect();
    let (single, double) = surnames();
    for len in [3usize, 2] {
        if chars.len() < len {
            continue;
        }
        let cand: String = chars[chars.len() - len..].iter().collect();
        let starts = chars[chars.len() - len];
        if single.contains(&starts) {
            return Some(cand);
        }
    }
    for d in double {
        if head.ends_with(d.as_str()) {
            continue;
        }
        if let Some(at) = head.rfind(d.as_str()) {
            let rest = head[at..].chars().count();
            if (3..=4).contains(&rest) {
                return Some(head[at..].to_string());
            }
        }
    }
    None
}

/// The clause between `from` and `to` names a speaker when it ends in a speech verb; the
/// speaker is a known person in it, else a short name-like head of the clause.
fn speaker_in(clause: &str, persons: &[Person], verb_at_end: bool) -> Option<String> {
    let clause = clause.trim_matches(|c: char| c.is_whitespace() || matches!(c, '：' | ':'));
    let verb = SPEECH_VERBS.iter().find(|v| {
        if verb_at_end {
            clause.ends_with(*v)
        } else {
            clause.contains(*v)
        }
    })?;
    let head = if verb_at_end {
        &clause[..clause.len() - verb.len()]
    } else {
        clause.split(verb).next().unwrap_or("")
    };
    // the known person named last before the verb
    let best = persons
        .iter()
        .filter_map(|p| {
            // cheap reject: the name's first character is not in the clause
            if p.name.chars().next().is_some_and(|f| !head.contains(f)) {
                return None;
            }
            head.rfind(p.name.as_str()).map(|at| (at + p.name.len(), p))
        })
        .max_by_key(|(end, p)| (*end, p.name.len()));
    if let Some((_, p)) = best {
        return Some(p.name.clone());
    }
    let head = head.trim_end_matches(['笑', '地', '也', '还', '曾', '就', '都', '又', '着']);
    name_at_end(head)
}

/// Quotes in `body`; `persons` helps name the speaker.
pub fn extract(body: &str, persons: &[Person]) -> Vec<Quote> {
    let mut out = Vec::new();
    for line in body.split('\n') {
        let mut rest = line;
        let mut offset = 0usize;
        while let Some(open_at) = rest.find(['“', '「']) {
            let open = rest[open_at..].chars().next().unwrap_or('“');
            let close = if open == '“' { '”' } else { '」' };
            let inner_start = open_at + open.len_utf8();
            let Some(close_rel) = rest[inner_start..].find(close) else {
                break;
            };
            let inner_end = inner_start + close_rel;
            let after_close = inner_end + close.len_utf8();
            let text = rest[inner_start..inner_end].trim();
            if is_speech(text) {
                // after the quote: ”杜宗伟笑笑说，  /  before it: 刘华说：“
                let after: String = rest[after_close..]
                    .trim_start_matches(['，', ',', ' ', '　'])
                    .chars()
                    .take_while(|c| !is_sentence_punct(*c) && *c != '“')
                    .take(30)
                    .collect();
                let before_full = &line[..offset + open_at];
                let before: String = {
                    let rev: Vec<char> = before_full
                        .chars()
                        .rev()
                        .take_while(|c| !is_sentence_punct(*c) && *c != '”')
                        .take(30)
                        .collect();
                    rev.into_iter().rev().collect()
                };
                let speaker = speaker_in(&after, persons, false)
                    .or_else(|| speaker_in(&before, persons, true));
                out.push(Quote {
                    speaker,
                    text: text.to_string(),
                });
            }
            offset += after_close;
            rest = &rest[after_close..];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Person {
        Person {
            name: name.into(),
            roles: vec![],
            mentions: 1,
        }
    }

    #[test]
    fn speaker_after_and_before() {
        let body = "“做了这个决定之后，我的家人都很担心”，杜宗伟笑笑说，“但一想到前线的医务人员，我就觉得值得”。\n殷忠龙说：“我是一名快递员，更是一名党员。”";
        let q = extract(body, &[person("杜宗伟"), person("殷忠龙")]);
        assert_eq!(q.len(), 3);
        assert_eq!(q[0].speaker.as_deref(), Some("杜宗伟"));
        assert_eq!(q[2].speaker.as_deref(), Some("殷忠龙"));
        assert_eq!(q[2].text, "我是一名快递员，更是一名党员。");
    }

    #[test]
    fn labels_are_not_speech_and_unknown_speakers_stay_null() {
        let q = extract(
            "永平街“两新”党组织构筑“红色堡垒”。“看到有你们在，我们心里就踏实了！”正如居民群众所言。",
            &[],
        );
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker, None);
    }

    #[test]
    fn unknown_short_name_before_verb() {
        let q = extract("刘华说：“我没想到这张照片会引起关注。”", &[]);
        assert_eq!(q[0].speaker.as_deref(), Some("刘华"));
        let q = extract("便有两名党员举起手，异口同声地说：“我来负责吧！”", &[]);
        assert_eq!(q[0].speaker, None);
    }
}
