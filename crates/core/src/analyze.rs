//! Article to record: runs every field extractor over one recovered article and assembles the
//! [`ArticleRecord`]. The text is segmented once and every extractor reads that one pass.

use crate::record::{ARTICLE_SCHEMA, ArticleRecord, Source};
use crate::split::ArticleText;
use crate::{Extractor, dates, quantity, quotes};

/// Builds the record of one article.
pub fn build_record(
    article: &ArticleText,
    id: String,
    source: Source,
    ingested_at: &str,
    extractor: &Extractor,
) -> ArticleRecord {
    let analysis = extractor
        .nlp()
        .analyze_top(&article.body, extractor.config().keywords_top);
    let quantities = quantity::extract(&article.body);
    let dates = dates::extract(&article.body, article.published_at.as_deref());
    let quotes = quotes::extract(&article.body, &analysis.persons);
    let tags = extractor.taxonomy().tag(&article.body);
    ArticleRecord {
        schema: ARTICLE_SCHEMA.to_string(),
        id,
        source,
        ingested_at: ingested_at.to_string(),
        title: article.title.clone(),
        published_at: article.published_at.clone(),
        publication: article.publication.clone(),
        bylines: article.bylines.clone(),
        keywords_declared: article.keywords_declared.clone(),
        breadcrumb: article.breadcrumb.clone(),
        body: article.body.clone(),
        keywords: analysis.keywords,
        persons: analysis.persons,
        organizations: analysis.organizations,
        places: analysis.places,
        quantities,
        dates,
        quotes,
        tags,
        warnings: article.warnings.clone(),
    }
}
