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
#[derive(Debug, Default, Clone)]
pub struct Lattice {
    back: Vec<[u8; N_LABELS]>,
}

/// Writes into `out` the best legal label sequence for the per-position label scores `emit`.
/// An empty `emit` gives an empty `out`.
pub fn best_path<S: Score>(
    emit: &[[S; LANES]],
    trans: &Transitions<S>,
    lattice: &mut Lattice,
    out: &mut Vec<u8>,
) {
    out.clear();
    let Some(first) = emit.first() else {
        return;
    };
    let n = emit.len();
    lattice.back.clear();
    lattice.back.resize(n, [0u8; N_LABELS]);
    let mut delta = [S::IMPOSSIBLE; N_LABELS];
    for (l, d) in delta.iter_mut().enumerate() {
        if may_start(l as u8) {
            *d = trans.start[l] + first[l];
        }
    }
    for (i, row) in emit.iter().enumerate().skip(1) {
        let mut next = [S::IMPOSSIBLE; N_LABELS];
        let back = &mut lattice.back[i];
        // The legal transitions (see `labels::allowed`): from a closed label to an opening
        // one, and inside an entity of kind k from B or I to I or E.
        for cur in OPENING {
            let mut best = S::IMPOSSIBLE;
            let mut arg = 0u8;
            for p in CLOSED {
                let s = delta[p] + trans.pair[p][cur];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            next[cur] = best + row[cur];
            back[cur] = arg;
        }
        for k in 0..3 {
            let b = 1 + 4 * k;
            let (i_, e) = (b + 1, b + 2);
            for cur in [i_, e] {
                let from_b = delta[b] + trans.pair[b][cur];
                let from_i = delta[i_] + trans.pair[i_][cur];
                let (best, arg) = if from_i > from_b {
                    (from_i, i_)
                } else {
                    (from_b, b)
                };
                next[cur] = best + row[cur];
                back[cur] = arg as u8;
            }
        }
        // Keep the numbers small on long inputs: only differences matter.
        let mut top = next[0];
        for &v in &next[1..] {
            if v > top {
                top = v;
            }
        }
        for v in &mut next {
            if *v > S::IMPOSSIBLE {
                *v = *v - top;
            }
        }
        delta = next;
    }
    let mut best = S::IMPOSSIBLE;
    let mut last = 0u8;
    for (l, &d) in delta.iter().enumerate() {
        if may_end(l as u8) {
            let s = d + trans.end[l];
            if s > best {
                best = s;
                last = l as u8;
            }
        }
    }
    out.resize(n, 0);
    out[n - 1] = last;
    for i in (1..n).rev() {
        let prev = lattice.back[i][usize::from(out[i]).min(N_LABELS - 1)];
        out[i - 1] = prev;
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
        best_path(
            &emit,
            &Transitions::default(),
            &mut Lattice::default(),
            &mut out,
        );
        assert_eq!(out[..2], [b as u8, e as u8]);
        for w in out.windows(2) {
            assert!(allowed(w[0], w[1]));
        }
        best_path::<i32>(
            &[],
            &Transitions::default(),
            &mut Lattice::default(),
            &mut out,
        );
        assert!(out.is_empty());
    }
}
