//! First-order Viterbi decoding over the BIOES labels of [`super::labels`], with learnt label
//! transition weights and the illegal transitions (I-X after `O`, B-Y after B-X …) left out
//! of the search altogether, so the best path is always a well-formed label sequence.
//!
//! Generic over the score type: inference decodes quantized `i32` scores, the trainer `f32`.

use std::ops::{Add, Sub};

use super::labels::{LANES, N_LABELS, Part, label, may_end, may_start};

/// Labels after which an entity may open or the text stay outside: `O`, every E, every S.
const CLOSED: [usize; 7] = [
    0,
    label(0, Part::End) as usize,
    label(0, Part::Single) as usize,
    label(1, Part::End) as usize,
    label(1, Part::Single) as usize,
    label(2, Part::End) as usize,
    label(2, Part::Single) as usize,
];

/// Labels that may follow a [`CLOSED`] one: `O`, every B, every S.
const OPENING: [usize; 7] = [
    0,
    label(0, Part::Begin) as usize,
    label(0, Part::Single) as usize,
    label(1, Part::Begin) as usize,
    label(1, Part::Single) as usize,
    label(2, Part::Begin) as usize,
    label(2, Part::Single) as usize,
];

/// A score the decoder can add and compare.
pub trait Score: Copy + PartialOrd + Add<Output = Self> + Sub<Output = Self> {
    /// Stands for "impossible"; far enough from the type's limits that adding a few scores
    /// to it does not overflow.
    const IMPOSSIBLE: Self;
    /// Zero.
    const ZERO: Self;
}

impl Score for i32 {
    const IMPOSSIBLE: i32 = i32::MIN / 4;
    const ZERO: i32 = 0;
}

impl Score for f32 {
    const IMPOSSIBLE: f32 = -1.0e30;
    const ZERO: f32 = 0.0;
}

/// Label transition weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Transitions<S> {
    /// `pair[prev][cur]`: weight of label `cur` right after label `prev`.
    pub pair: [[S; LANES]; LANES],
    /// Weight of a sequence starting with each label.
    pub start: [S; LANES],
    /// Weight of a sequence ending with each label.
    pub end: [S; LANES],
}

impl<S: Score> Default for Transitions<S> {
    fn default() -> Self {
        Transitions {
            pair: [[S::ZERO; LANES]; LANES],
            start: [S::ZERO; LANES],
            end: [S::ZERO; LANES],
        }
    }
}

/// Reusable buffers of [`best_path`].
#[derive(Debug, Clone)]
pub struct Lattice<S> {
    /// The best score of a path ending in each label, per position.
    deltas: Vec<[S; LANES]>,
}

impl<S> Default for Lattice<S> {
    fn default() -> Self {
        Lattice { deltas: Vec::new() }
    }
}

/// The best of `candidates` (a closed label and its score), first one on ties.
#[inline]
fn best_of<S: Score>(candidates: impl Iterator<Item = (usize, S)>) -> (usize, S) {
    let mut best = (0, S::IMPOSSIBLE);
    for (l, s) in candidates {
        if s > best.1 {
            best = (l, s);
        }
    }
    best
}

/// Writes into `out` the best legal label sequence for the per-position label scores `emit`.
/// An empty `emit` gives an empty `out`.
///
/// The forward pass keeps only the best score per label and position (a max-plus product
/// the compiler vectorises); the path is recovered backwards by finding again, for the one
/// label chosen at each position, the predecessor that gave its score (same order, same tie
/// rule, so the same path as keeping back-pointers).
pub fn best_path<E: Copy + Into<S>, S: Score>(
    emit: &[[E; LANES]],
    trans: &Transitions<S>,
    lattice: &mut Lattice<S>,
    out: &mut Vec<u8>,
) {
    out.clear();
    let Some(first) = emit.first() else {
        return;
    };
    let n = emit.len();
    let deltas = &mut lattice.deltas;
    deltas.clear();
    let mut delta = [S::IMPOSSIBLE; LANES];
    for (l, d) in delta.iter_mut().enumerate().take(N_LABELS) {
        if may_start(l as u8) {
            *d = trans.start[l] + first[l].into();
        }
    }
    deltas.push(delta);
    // Weights from each closed label to each opening one, laid out so that the best
    // predecessor score of all opening labels is found lane by lane.
    let mut open_pair = [[S::IMPOSSIBLE; 8]; 7];
    for (row, &p) in open_pair.iter_mut().zip(&CLOSED) {
        for (w, &c) in row.iter_mut().zip(&OPENING) {
            *w = trans.pair[p][c];
        }
    }
    for (i, row) in emit.iter().enumerate().skip(1) {
        let mut next = [S::IMPOSSIBLE; LANES];
        // The legal transitions (see `labels::allowed`): from a closed label to an opening
        // one, and inside an entity of kind k from B or I to I or E.
        let mut best = [S::IMPOSSIBLE; 8];
        for (weights, &p) in open_pair.iter().zip(&CLOSED) {
            let d = delta[p];
            for (b, &w) in best.iter_mut().zip(weights) {
                let s = d + w;
                *b = if s > *b { s } else { *b };
            }
        }
        for (l, &cur) in OPENING.iter().enumerate() {
            next[cur] = best[l] + row[cur].into();
        }
        for k in 0..3 {
            let b = 1 + 4 * k;
            let i_ = b + 1;
            for cur in [i_, b + 2] {
                let from_b = delta[b] + trans.pair[b][cur];
                let from_i = delta[i_] + trans.pair[i_][cur];
                let s = if from_i > from_b { from_i } else { from_b };
                next[cur] = s + row[cur].into();
            }
        }
        // Keep the numbers small on long inputs (only differences matter): a model's
        // weights are bounded so that four steps cannot overflow `i32`.
        if i % 4 == 0 {
            let mut top = next[0];
            for &v in &next[1..N_LABELS] {
                if v > top {
                    top = v;
                }
            }
            for v in &mut next[..N_LABELS] {
                if *v > S::IMPOSSIBLE {
                    *v = *v - top;
                }
            }
        }
        delta = next;
        deltas.push(delta);
    }
    let (last, _) = best_of(
        (0..N_LABELS)
            .filter(|&l| may_end(l as u8))
            .map(|l| (l, delta[l] + trans.end[l])),
    );
    out.resize(n, 0);
    out[n - 1] = last as u8;
    for i in (1..n).rev() {
        let cur = usize::from(out[i]).min(N_LABELS - 1);
        let prev = &deltas[i - 1];
        let from = if OPENING.contains(&cur) {
            best_of(CLOSED.iter().map(|&p| (p, prev[p] + trans.pair[p][cur]))).0
        } else {
            // I or E of kind k: from B or I of kind k.
            let b = 1 + 4 * ((cur - 1) / 4);
            let i_ = b + 1;
            let from_b = prev[b] + trans.pair[b][cur];
            let from_i = prev[i_] + trans.pair[i_][cur];
            if from_i > from_b { i_ } else { b }
        };
        out[i - 1] = from as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::super::labels::{Part, allowed, label};
    use super::*;

    #[test]
    fn hand_written_transitions_match_the_label_rules() {
        use super::super::labels::allowed;
        for p in 0..N_LABELS {
            for c in 0..N_LABELS {
                let k = (p.max(1) - 1) / 4;
                let inside =
                    p != 0 && (p - 1) % 4 <= 1 && (c == 1 + 4 * k + 1 || c == 1 + 4 * k + 2);
                let open = CLOSED.contains(&p) && OPENING.contains(&c);
                assert_eq!(allowed(p as u8, c as u8), inside || open, "{p} -> {c}");
            }
        }
    }

    #[test]
    fn follows_emissions_within_legal_paths() {
        let b = label(0, Part::Begin) as usize;
        let e = label(0, Part::End) as usize;
        let mut emit = vec![[0i32; LANES]; 3];
        emit[0][b] = 10;
        emit[1][e] = 10;
        // An I at the end would be best alone but cannot end a sequence.
        emit[2][label(1, Part::Inside) as usize] = 50;
        let mut out = Vec::new();
        best_path::<i32, i32>(
            &emit,
            &Transitions::default(),
            &mut Lattice::default(),
            &mut out,
        );
        assert_eq!(out[..2], [b as u8, e as u8]);
        for w in out.windows(2) {
            assert!(allowed(w[0], w[1]));
        }
        best_path::<i32, i32>(
            &[],
            &Transitions::default(),
            &mut Lattice::default(),
            &mut out,
        );
        assert!(out.is_empty());
    }
}
