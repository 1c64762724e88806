//! A character-level sequence tagger for person, place and organization names (issue 16).
//!
//! A linear model (a linear-chain CRF, trained by `examples/train_tagger.rs`) scores BIOES
//! labels for every character from hashed features: character uni-, bi- and trigrams around it, character classes and lexicon flags, and the
//! jieba word the character sits in (its position in the word, the word itself, its POS tag
//! and its neighbours'). First-order Viterbi with learnt label transitions picks the best
//! legal label sequence, one chunk (a sentence, at most [`features::MAX_CHUNK`] characters)
//! at a time. Weights are 8-bit rows with a shift per
//! row; the built-in model is embedded in the binary.
//!
//! What it does not do: segment (it reads the jieba tokens the caller already has, so there
//! is no second jieba pass), merge or normalise names, or look anything up at run time. It
//! reads no files and never panics on any text or token list.
//!
//! ```
//! use newsdrop_core::fields::nlp::{EntityKind, Nlp};
//! use newsdrop_core::fields::nlp::tagger::Tagger;
//! let nlp = Nlp::new(None).unwrap();
//! let tagger = Tagger::builtin().unwrap();
//! let text = "国务院总理李强在北京会见了世界卫生组织总干事。";
//! let toks = nlp.tokens(text);
//! let names: Vec<(EntityKind, &str)> = tagger
//!     .spans(text, &toks)
//!     .into_iter()
//!     .map(|s| (s.kind, &text[s.start..s.end]))
//!     .collect();
//! assert!(names.contains(&(EntityKind::Place, "北京")), "{names:?}");
//! ```

pub mod features;
pub mod labels;
pub mod model;
pub mod viterbi;

use std::sync::LazyLock;

use crate::fields::nlp::token::{EntitySpan, Tok};
use features::{ChunkBuf, Chunker, Scratch};
use labels::{KINDS, LANES};
use model::{DenseScorer, KeyedBatch, Model};
use viterbi::Lattice;

/// The built-in model (trained by `examples/train_tagger.rs`).
const BUILTIN_MODEL: &[u8] = include_bytes!("../../../../data/tagger/model.bin");

/// A model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TaggerError {
    /// The bytes do not start with the model magic.
    #[error("not a tagger model")]
    NotAModel,
    /// A model of another format version.
    #[error("tagger model version {0} is not supported")]
    Version(u32),
    /// The bytes end early.
    #[error("tagger model truncated in {0}")]
    Truncated(&'static str),
    /// The checksum does not match the bytes.
    #[error("tagger model checksum mismatch")]
    Checksum,
    /// A value is out of range.
    #[error("tagger model corrupt: {0}")]
    Corrupt(&'static str),
}

/// The sequence tagger: a loaded model, read-only and shared freely across threads.
#[derive(Debug)]
pub struct Tagger {
    model: Model,
}

static BUILTIN: LazyLock<Result<Tagger, TaggerError>> =
    LazyLock::new(|| Tagger::from_bytes(BUILTIN_MODEL));

impl Tagger {
    /// Loads a model file (as written by the trainer).
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, TaggerError> {
        Ok(Tagger {
            model: Model::from_bytes(bytes)?,
        })
    }

    /// The built-in model, loaded once per process on first use.
    pub fn builtin() -> Result<&'static Tagger, TaggerError> {
        BUILTIN.as_ref().map_err(Clone::clone)
    }

    /// How many keyed features the model holds, and the bytes of its weight tables in memory.
    pub fn size(&self) -> (usize, usize) {
        self.model.size()
    }

    /// Every person, place and organization name in `text`, as byte ranges in text order.
    ///
    /// `toks` are the jieba tokens of the same `text` (from [`crate::fields::nlp::Nlp::tokens`]);
    /// tokens that do not fit the text only cost accuracy.
    pub fn spans(&self, text: &str, toks: &[Tok<'_>]) -> Vec<EntitySpan> {
        self.spans_where(text, toks, |_| true)
    }

    /// The spans of the chunks (sentences) that hold at least one token `worth` accepts;
    /// the other chunks are not read (`extract` skips those where no token could take part
    /// in a name it reports, which saves the tagger's time on a quarter of news text).
    pub fn spans_where(
        &self,
        text: &str,
        toks: &[Tok<'_>],
        worth: impl Fn(&Tok<'_>) -> bool,
    ) -> Vec<EntitySpan> {
        let mut out = Vec::new();
        let mut chunker = Chunker::new(text, toks);
        let mut buf = ChunkBuf::default();
        let mut scratch = Scratch::default();
        let mut scores: Vec<[model::Acc; LANES]> = Vec::new();
        let mut lattice = Lattice::default();
        let mut labels = Vec::new();
        let mut batch = KeyedBatch::default();
        let mut word_flags = Vec::new();
        let model = &self.model;
        while chunker.next_chunk(&mut buf) {
            let (Some(&from), Some(&to)) = (buf.offsets.first(), buf.offsets.last()) else {
                continue;
            };
            let first = toks.partition_point(|t| t.end <= from);
            if !toks[first..]
                .iter()
                .take_while(|t| t.start < to)
                .any(&worth)
            {
                continue;
            }
            scores.clear();
            scores.resize(buf.chars.len(), [0; LANES]);
            batch.clear();
            features::keyed(&buf.chars, &buf.words, model.features, &mut batch);
            model.score_keyed(&mut batch, &mut scores);
            model.word_flags(&batch, &buf.words, &mut word_flags);
            features::dense(
                &buf.chars,
                &buf.words,
                &word_flags,
                model.features,
                &model.char_flags,
                &mut scratch,
                &mut DenseScorer {
                    model,
                    scores: &mut scores,
                },
            );
            viterbi::best_path(&scores, &self.model.trans, &mut lattice, &mut labels);
            for (kind, start, end) in labels::decode(&labels) {
                if let (Some(&kind), Some(&start), Some(&end)) = (
                    KINDS.get(kind),
                    buf.offsets.get(start),
                    buf.offsets.get(end),
                ) {
                    out.push(EntitySpan { kind, start, end });
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tagger_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Tagger>();
    }

    #[test]
    fn bad_bytes_are_errors() {
        assert_eq!(
            Tagger::from_bytes(b"").err(),
            Some(TaggerError::Truncated("checksum"))
        );
        assert_eq!(
            Tagger::from_bytes(b"NOTAMODEL0000000").err(),
            Some(TaggerError::NotAModel)
        );
        let mut bytes = BUILTIN_MODEL.to_vec();
        if let Some(b) = bytes.get_mut(40) {
            *b ^= 1;
        }
        assert!(Tagger::from_bytes(&bytes).is_err());
        assert!(Tagger::from_bytes(&BUILTIN_MODEL[..BUILTIN_MODEL.len() / 2]).is_err());
    }
}
