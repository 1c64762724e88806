//! Stage 5, article to record: runs every field extractor over one recovered article and
//! assembles the [`ArticleRecord`]. The text is segmented once and every extractor reads that
//! one pass.
//!
//! On the pipeline: [`nlp`] (persons, organizations, places, keywords; places resolved with
//! [`location`]), [`quantity`] (statistics, reading numbers with `number`, [`numerals`],
//! `measure` and [`money`]), [`dates`], [`quotes`], [`tags`]. The number formatting in
//! [`numerals`] and the standalone money parser in [`money`] are library API for callers who
//! normalize numbers themselves; the pipeline does not use them.

pub mod dates;
pub mod location;
pub(crate) mod measure;
pub mod money;
pub mod nlp;
pub(crate) mod number;
pub mod numerals;
pub mod quantity;
pub mod quotes;
pub mod tags;

use std::ops::Range;

use crate::Extractor;
use crate::record::{ARTICLE_SCHEMA, ArticleRecord, Source};
use crate::split::ArticleText;

/// Builds the record of one article.
pub fn build_record(
    article: ArticleText,
    id: String,
    source: Source,
    ingested_at: &str,
    extractor: &Extractor,
) -> ArticleRecord {
    let analysis = extractor
        .nlp()
        .analyze_top(&article.body, extractor.config().keywords_top);
    // the characters and the dates of the body serve both quantities and dates
    let chars = dates::chars_of(&article.body);
    let found = dates::find_chars(&chars);
    let date_spans: Vec<Range<usize>> = found.iter().map(|f| f.span.clone()).collect();
    let quantities = quantity::extract_chars(&chars, &date_spans);
    let dates = dates::extract_found(&chars, &found, article.published_at.as_deref());
    drop(chars);
    let quotes = quotes::extract(&article.body, &analysis.persons);
    let tags = extractor.taxonomy().tag(&article.body);
    ArticleRecord {
        schema: ARTICLE_SCHEMA.to_string(),
        id,
        source,
        ingested_at: ingested_at.to_string(),
        title: article.title,
        published_at: article.published_at,
        publication: article.publication,
        bylines: article.bylines,
        keywords_declared: article.keywords_declared,
        breadcrumb: article.breadcrumb,
        body: article.body,
        keywords: analysis.keywords,
        persons: analysis.persons,
        organizations: analysis.organizations,
        places: analysis.places,
        quantities,
        dates,
        quotes,
        tags,
        warnings: article.warnings,
    }
}
