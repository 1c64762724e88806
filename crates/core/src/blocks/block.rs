//! The unit every later stage reads: one line of page text in reading order, or one title,
//! time, source or author candidate from the page's markup.

/// What a block is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// A line of page text in reading order.
    Line,
    /// An HTML `<title>`.
    DocTitle,
    /// An HTML `<h1>`.
    Heading,
    /// A title from a meta tag (`og:title`).
    MetaTitle,
    /// A publish time from a meta tag.
    MetaTime,
    /// Keywords from a meta tag.
    MetaKeywords,
    /// Keywords the page prints under a label (`文章关键词：辟谣 外泄`) outside the text's
    /// container.
    PrintedKeywords,
    /// A source from a meta tag.
    MetaSource,
    /// An author from a meta tag.
    MetaAuthor,
    /// A Markdown heading of a text page (`### 标题`), with its level.
    TextHeading(u8),
}

/// One unit of page text in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The text of the block, trimmed.
    pub text: String,
    /// What the block is.
    pub kind: BlockKind,
}
