//! The record model: what newsdrop writes for every article, and for every file it could not read.
//!
//! Field names follow `shared/eval/README.md` so a record can be scored as is. Every field is
//! always present (an empty list or `null` when nothing was found), so consumers never branch on
//! a missing key.

use serde::{Deserialize, Serialize};

/// The `schema` value of an article record.
pub const ARTICLE_SCHEMA: &str = "newsdrop.article.v1";
/// The `schema` value of a failure record.
pub const FAILURE_SCHEMA: &str = "newsdrop.failure.v1";

/// One article found in one dropped file: the line newsdrop appends to `articles.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// Always [`ARTICLE_SCHEMA`].
    pub schema: String,
    /// Deterministic id: the same file bytes and article index always give the same id.
    pub id: String,
    /// Where the article came from.
    pub source: Source,
    /// When newsdrop read the file (RFC 3339 with offset).
    pub ingested_at: String,
    /// Headline as printed.
    pub title: Option<String>,
    /// `YYYY-MM-DDTHH:MM:SS+08:00`, `YYYY-MM-DD`, or null.
    pub published_at: Option<String>,
    /// Outlet or periodical the page names (来源, 据…, issue line).
    pub publication: Option<String>,
    /// Named people credited for the article, with their role.
    pub bylines: Vec<Byline>,
    /// Words listed after 关键词.
    pub keywords_declared: Vec<String>,
    /// Segments of the 当前位置 path.
    pub breadcrumb: Vec<String>,
    /// Clean article text, paragraphs separated by `\n`.
    pub body: String,
    /// Top content words with weights.
    pub keywords: Vec<Keyword>,
    /// Named people in the body.
    pub persons: Vec<Person>,
    /// Named organizations in the body, longest written form.
    pub organizations: Vec<Organization>,
    /// Named places in the body, longest written form.
    pub places: Vec<Place>,
    /// Every number-bearing statistic in the body.
    pub quantities: Vec<Quantity>,
    /// Calendar dates in the body.
    pub dates: Vec<DateMention>,
    /// Quoted speech with its speaker when named.
    pub quotes: Vec<Quote>,
    /// Activity tags from the taxonomy.
    pub tags: Vec<String>,
    /// Things the extractor was unsure about (never fatal).
    pub warnings: Vec<String>,
}

/// Where a record came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Absolute path where the file was dropped.
    pub path: String,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
    /// Size of the file in bytes.
    pub bytes: u64,
    /// Encoding used to decode it (`UTF-8`, `GB18030`, `UTF-16LE`, …).
    pub encoding: String,
    /// `text` or `html`.
    pub format: String,
    /// 0-based position of this article in the file.
    pub article_index: usize,
    /// Number of articles found in the file.
    pub article_count: usize,
}

/// The role of a credited person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BylineRole {
    /// 作者
    Author,
    /// 记者
    Reporter,
    /// 编辑, 责编, 责任编辑
    Editor,
    /// 通讯员
    Correspondent,
    /// 摄影
    Photographer,
}

/// One credited person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Byline {
    /// What they did.
    pub role: BylineRole,
    /// Their name as printed.
    pub name: String,
}

/// A weighted keyword.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    /// The word.
    pub word: String,
    /// Its weight (higher is more characteristic), rounded to 4 decimals.
    pub weight: f64,
}

/// A named person in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Name as written.
    pub name: String,
    /// Titles attached to the person, as written (`党支部书记`).
    pub roles: Vec<String>,
    /// How many times the name occurs in the body.
    pub mentions: usize,
}

/// A named organization in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    /// Longest written form.
    pub name: String,
    /// How many times it occurs.
    pub mentions: usize,
    /// What kind of body it is, when the suffix tells (`party`, `government`, `company`,
    /// `community`, `school`, `social`).
    pub kind: Option<String>,
}

/// A named place in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Longest written form.
    pub name: String,
    /// How many times it occurs.
    pub mentions: usize,
    /// The administrative division the name stands for, when it resolves to at least a
    /// province or a prefecture (see [`crate::fields::location::division`]); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub division: Option<Division>,
}

/// Where a place sits in China's administrative divisions (full current names; a
/// municipality is its own city). Unknown levels are left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Division {
    /// Province-level unit (湖南省, 北京市).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// Prefecture-level unit (湘潭市, 北京市).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// County-level unit (湘潭县, 朝阳区).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
}

/// How a quantity is hedged in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// 余, 多, 以上, 超过, 逾
    MoreThan,
    /// 约, 左右, 上下
    About,
    /// 近, 将近
    Nearly,
    /// 至少
    AtLeast,
}

/// A number-bearing statistic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The verbatim span.
    pub text: String,
    /// The number after expanding 万/亿 and Chinese numerals; the low end of a range.
    pub value: f64,
    /// The high end of a range (`3至5万元`), else null.
    pub value_max: Option<f64>,
    /// Measure word or currency (元, 件, 名, 人次…); empty, written `null`, for a count
    /// with no measure word (`三万居民`).
    #[serde(serialize_with = "empty_as_null", deserialize_with = "null_as_empty")]
    pub unit: String,
    /// What is counted, when the text says it.
    pub item: Option<String>,
    /// Hedge marker.
    pub approx: Option<Approx>,
}

/// A calendar date in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// The verbatim span.
    pub text: String,
    /// `YYYY-MM-DD`, or `--MM-DD` when the page gives no year.
    pub value: String,
    /// The full date when the year was inferred from `published_at`.
    pub resolved: Option<String>,
}

/// Quoted speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Who said it, when the sentence names them.
    pub speaker: Option<String>,
    /// The words inside the quotation marks.
    pub text: String,
}

/// What newsdrop writes to `failures.jsonl` for a file it could not turn into records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailureRecord {
    /// Always [`FAILURE_SCHEMA`].
    pub schema: String,
    /// The file.
    pub source: FailureSource,
    /// The pipeline step that failed (`read`, `decode`, `blocks`, `split`, `extract`…).
    pub step: String,
    /// What went wrong, for a person.
    pub error: String,
    /// When it failed (RFC 3339 with offset).
    pub at: String,
}

/// The file a failure is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailureSource {
    /// Absolute path where the file was dropped.
    pub path: String,
    /// SHA-256 of the bytes, when they could be read.
    pub sha256: Option<String>,
    /// Size in bytes, when known.
    pub bytes: Option<u64>,
}

impl ArticleRecord {
    /// Rewrites the text the page printed, through `f`: title, publication, bylines, declared
    /// keywords, breadcrumb, body, keywords, persons and their titles, organizations, places,
    /// quantities (text, unit, item), dates' text and quotes. What the extractor made up itself
    /// (ids, times, the source, canonical division names, activity tags, warnings) is left.
    pub fn map_printed_text(&mut self, f: impl Fn(&str) -> String) {
        let opt = |v: &mut Option<String>| {
            if let Some(s) = v {
                *s = f(s);
            }
        };
        opt(&mut self.title);
        opt(&mut self.publication);
        for b in &mut self.bylines {
            b.name = f(&b.name);
        }
        for k in self
            .keywords_declared
            .iter_mut()
            .chain(&mut self.breadcrumb)
        {
            *k = f(k);
        }
        self.body = f(&self.body);
        for k in &mut self.keywords {
            k.word = f(&k.word);
        }
        for p in &mut self.persons {
            p.name = f(&p.name);
            for r in &mut p.roles {
                *r = f(r);
            }
        }
        for o in &mut self.organizations {
            o.name = f(&o.name);
        }
        for p in &mut self.places {
            p.name = f(&p.name);
        }
        for q in &mut self.quantities {
            q.text = f(&q.text);
            q.unit = f(&q.unit);
            opt(&mut q.item);
        }
        for d in &mut self.dates {
            d.text = f(&d.text);
        }
        for q in &mut self.quotes {
            opt(&mut q.speaker);
            q.text = f(&q.text);
        }
    }
}

impl FailureRecord {
    /// A failure record for `path` at `step`.
    pub fn new(
        source: FailureSource,
        step: impl Into<String>,
        error: impl Into<String>,
        at: impl Into<String>,
    ) -> Self {
        FailureRecord {
            schema: FAILURE_SCHEMA.to_string(),
            source,
            step: step.into(),
            error: error.into(),
            at: at.into(),
        }
    }
}

/// Writes an empty string as `null`.
fn empty_as_null<S: serde::Serializer>(s: &str, ser: S) -> Result<S::Ok, S::Error> {
    if s.is_empty() {
        ser.serialize_none()
    } else {
        ser.serialize_str(s)
    }
}

/// Reads `null` as an empty string.
fn null_as_empty<'de, D: serde::Deserializer<'de>>(de: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(de)?.unwrap_or_default())
}
