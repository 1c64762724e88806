//! The line grammar both block recovery and splitting read: what a line of page text is
//! (furniture, a credit or metadata line, a publish time, a publication), independent of
//! where the line came from.

pub mod byline;
pub mod furniture;
pub mod meta;
