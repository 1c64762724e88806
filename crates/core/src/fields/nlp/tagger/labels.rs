//! The tag set of the sequence tagger: BIOES over three kinds (person, place, organization)
//! plus `O`, which transitions are legal, and the conversion between spans and per-character
//! labels.
//!
//! It knows nothing of features or weights; [`super::viterbi`] reads [`PREDECESSORS`] to
//! decode only legal label sequences.

use crate::fields::nlp::token::EntityKind;

/// The entity kinds in label order (kind index `k` of the functions below).
pub const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Place,
    EntityKind::Organization,
];

/// How many labels there are: `O` plus B, I, E and S for each kind.
pub const N_LABELS: usize = 1 + 4 * KINDS.len();

/// Score vectors are padded to this many lanes (a power of two the compiler vectorises).
pub const LANES: usize = 16;

/// The label outside any entity.
pub const O: u8 = 0;

/// The part of an entity a label marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// First character of a multi-character entity.
    Begin,
    /// A middle character.
    Inside,
    /// Last character of a multi-character entity.
    End,
    /// A one-character entity.
    Single,
}

/// The label for `part` of an entity of kind index `kind` (`0..3`).
pub const fn label(kind: usize, part: Part) -> u8 {
    let p = match part {
        Part::Begin => 0,
        Part::Inside => 1,
        Part::End => 2,
        Part::Single => 3,
    };
    (1 + 4 * kind + p) as u8
}

/// The kind index and part of `label`, or `None` for `O` (and for out-of-range labels).
pub const fn split(label: u8) -> Option<(usize, Part)> {
    if label == 0 || label as usize >= N_LABELS {
        return None;
    }
    let i = label as usize - 1;
    let part = match i % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::End,
        _ => Part::Single,
    };
    Some((i / 4, part))
}

/// Whether a sequence may start with `label` (`O`, B or S).
pub const fn may_start(label: u8) -> bool {
    match split(label) {
        None => label == O,
        Some((_, part)) => matches!(part, Part::Begin | Part::Single),
    }
}

/// Whether a sequence may end with `label` (`O`, E or S).
pub const fn may_end(label: u8) -> bool {
    match split(label) {
        None => label == O,
        Some((_, part)) => matches!(part, Part::End | Part::Single),
    }
}

/// Whether `cur` may follow `prev`: inside an entity only I or E of the same kind; outside
/// (after `O`, E or S) only `O`, B or S.
pub const fn allowed(prev: u8, cur: u8) -> bool {
    match split(prev) {
        Some((k, Part::Begin | Part::Inside)) => match split(cur) {
            Some((k2, Part::Inside | Part::End)) => k == k2,
            _ => false,
        },
        _ => may_start(cur),
    }
}

/// The legal predecessors of each label, as a fixed table (computed at compile time).
pub const PREDECESSORS: [([u8; N_LABELS], usize); N_LABELS] = predecessors();

const fn predecessors() -> [([u8; N_LABELS], usize); N_LABELS] {
    let mut out = [([0u8; N_LABELS], 0usize); N_LABELS];
    let mut cur = 0;
    while cur < N_LABELS {
        let mut prev = 0;
        while prev < N_LABELS {
            if allowed(prev as u8, cur as u8) {
                let n = out[cur].1;
                out[cur].0[n] = prev as u8;
                out[cur].1 = n + 1;
            }
            prev += 1;
        }
        cur += 1;
    }
    out
}

/// Per-character labels for `n` characters holding `spans` (`(kind, start, end)` in
/// characters, end exclusive). Spans that overlap an earlier one or fall outside `0..n` are
/// left out.
pub fn encode(n: usize, spans: &[(usize, usize, usize)]) -> Vec<u8> {
    let mut out = vec![O; n];
    for &(kind, start, end) in spans {
        if kind >= KINDS.len() || start >= end || end > n {
            continue;
        }
        if out[start..end].iter().any(|&l| l != O) {
            continue;
        }
        if end - start == 1 {
            out[start] = label(kind, Part::Single);
        } else {
            out[start] = label(kind, Part::Begin);
            for l in &mut out[start + 1..end - 1] {
                *l = label(kind, Part::Inside);
            }
            out[end - 1] = label(kind, Part::End);
        }
    }
    out
}

/// The spans `(kind, start, end)` of a label sequence. Tolerant of illegal sequences: a
/// B or I not closed by an E of its kind closes where it stops, and a stray I or E opens a
/// span (so a decoder bug shows as a wrong span, never as a panic).
pub fn decode(labels: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let here = split(l);
        if let Some((k, s)) = open {
            match here {
                Some((k2, Part::Inside)) if k2 == k => continue,
                Some((k2, Part::End)) if k2 == k => {
                    out.push((k, s, i + 1));
                    open = None;
                    continue;
                }
                _ => {
                    out.push((k, s, i));
                    open = None;
                }
            }
        }
        match here {
            None => {}
            Some((k, Part::Single | Part::End)) => out.push((k, i, i + 1)),
            Some((k, Part::Begin | Part::Inside)) => open = Some((k, i)),
        }
    }
    if let Some((k, s)) = open {
        out.push((k, s, labels.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_decode_round_trip() {
        let spans = vec![(0, 0, 3), (1, 3, 4), (2, 6, 8)];
        let labels = encode(9, &spans);
        assert_eq!(decode(&labels), spans);
        for w in labels.windows(2) {
            assert!(allowed(w[0], w[1]), "{w:?}");
        }
        assert!(may_start(labels[0]) && may_end(labels[8]));
    }

    #[test]
    fn illegal_sequences_still_decode() {
        let b = label(0, Part::Begin);
        let i = label(0, Part::Inside);
        let e = label(1, Part::End);
        assert_eq!(decode(&[i, i]), vec![(0, 0, 2)]);
        assert_eq!(decode(&[b, e]), vec![(0, 0, 1), (1, 1, 2)]);
        assert_eq!(decode(&[200]), vec![]);
    }

    #[test]
    fn predecessor_table() {
        // O, the three E and the three S precede every label that opens or stays outside.
        assert_eq!(PREDECESSORS[O as usize].1, 7);
        assert_eq!(PREDECESSORS[label(2, Part::Inside) as usize].1, 2);
    }
}
