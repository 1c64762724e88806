//! Blocks to articles: finds where each article starts and recovers its metadata and body.

use crate::blocks::Block;
use crate::record::Byline;

/// One article recovered from a page, before entity and statistic extraction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleText {
    /// Headline.
    pub title: Option<String>,
    /// Publish time in ISO form.
    pub published_at: Option<String>,
    /// Outlet.
    pub publication: Option<String>,
    /// Credited people.
    pub bylines: Vec<Byline>,
    /// 关键词 words.
    pub keywords_declared: Vec<String>,
    /// 当前位置 segments.
    pub breadcrumb: Vec<String>,
    /// Clean body, paragraphs separated by `\n`.
    pub body: String,
    /// Doubts.
    pub warnings: Vec<String>,
}

/// Splits blocks into articles (currently: the whole page is one article, first line title).
pub fn split_articles(blocks: &[Block]) -> Vec<ArticleText> {
    let Some((first, rest)) = blocks.split_first() else {
        return Vec::new();
    };
    let body: Vec<&str> = rest.iter().map(|b| b.text.as_str()).collect();
    vec![ArticleText {
        title: Some(first.text.clone()),
        body: body.join("\n"),
        ..ArticleText::default()
    }]
}
