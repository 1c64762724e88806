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
    let mut analysis = analysis;
    drop_credited_persons(&mut analysis.persons, &article.body);
    drop_bylined_persons(&mut analysis.persons, &article.body, &article.bylines);
    drop_dateline_outlet(&mut analysis.organizations, &article.body);
    drop_places_in_names(&mut analysis.places, &article.body);
    drop_orgs_in_titles(&mut analysis.organizations, &article.body);
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

/// Drops the persons who are only credited: a person whose every mention in the body is
/// inside a credit (`宁海新闻网讯(记者赵燕通讯员陈轶群)`, `南都讯　记者刘凡　周昌和　继推出…`)
/// is a byline, not someone the article is about. Named in the text as well, they stay, with
/// the mentions outside credits.
fn drop_credited_persons(persons: &mut Vec<crate::record::Person>, body: &str) {
    if persons.is_empty() {
        return;
    }
    let credits = credit_spans(body);
    if credits.is_empty() {
        return;
    }
    persons.retain_mut(|p| {
        let outside = memchr::memmem::find_iter(body.as_bytes(), p.name.as_bytes())
            .filter(|at| !credits.iter().any(|c| c.contains(at)))
            .count();
        if outside > 0 && outside < p.mentions {
            p.mentions = outside;
        }
        outside > 0
    });
}

/// Drops the persons the page credits as its writers (the article's bylines) whose every mention
/// in the body is a credit of a shape the credit finder does not know: in brackets
/// (`某某网讯(聂某、杨某)`), in the body's opening line up to its first stop, or after its last
/// sentence. Named in the text as well, they stay.
fn drop_bylined_persons(
    persons: &mut Vec<crate::record::Person>,
    body: &str,
    bylines: &[crate::record::Byline],
) {
    if persons.is_empty() || bylines.is_empty() {
        return;
    }
    let head_end = body
        .char_indices()
        .find(|(_, c)| matches!(c, '，' | ',' | '。' | '\n'))
        .map_or(body.len(), |(i, _)| i);
    // (the credits after the last sentence's stop, up to 80 characters of them)
    let tail_start = body
        .trim_end()
        .rfind(['。', '！', '？'])
        .map(|i| i + '。'.len_utf8())
        .filter(|&i| body[i..].chars().count() <= 80)
        .unwrap_or(body.len());
    let bracketed = |at: usize| {
        let open = body[..at].rfind(['(', '（', '【', '[']);
        let close = body[..at].rfind([')', '）', '】', ']']);
        open.is_some_and(|o| close.is_none_or(|c| c < o))
            && body[at..]
                .find([')', '）', '】', ']'])
                .is_some_and(|k| k <= 60)
    };
    persons.retain(|p| {
        !bylines.iter().any(|b| b.name == p.name)
            || memchr::memmem::find_iter(body.as_bytes(), p.name.as_bytes())
                .any(|at| !(at < head_end || at >= tail_start || bracketed(at)))
    });
}

/// Drops the outlet named only in the dateline that opens the body (`新华社北京2月29日电`,
/// `长江网10月4日讯`): it is the publication, not an organization the article is about.
/// Named in the text as well, it stays with the mentions outside the dateline.
fn drop_dateline_outlet(orgs: &mut Vec<crate::record::Organization>, body: &str) {
    let first = body.lines().next().unwrap_or("");
    let Some(mut outlet) = crate::lines::meta::dateline_outlet(first) else {
        return;
    };
    // `华龙网-新重庆客户端讯`: the outlet and its app; the outlet is the name.
    if let Some((site, _)) = outlet.split_once('-') {
        outlet = site.to_string();
    }
    let Some(at) = first.find(outlet.as_str()) else {
        return;
    };
    let mut dateline_end = at + outlet.len();
    // `中新网6月8日电 据香港文汇报报道，…`: the outlet retold after the dateline is a source too.
    let mut outlets = vec![outlet.clone()];
    // `荆楚网(湖北日报网)讯`: the site's parent in brackets names the outlet too.
    let rest = &first[dateline_end..];
    if let Some(open) = ['(', '（'].into_iter().find(|c| rest.starts_with(*c))
        && let Some(len) = rest[open.len_utf8()..].find([')', '）'])
        && (2..=12).contains(&rest[open.len_utf8()..open.len_utf8() + len].chars().count())
    {
        let parent = &rest[open.len_utf8()..open.len_utf8() + len];
        outlets.push(parent.to_string());
        if let Some(paper) = parent.strip_suffix('网') {
            outlets.push(paper.to_string());
        }
        dateline_end += open.len_utf8() + len;
    }
    if let Some(retold_at) = first[dateline_end..].find('据').map(|k| dateline_end + k)
        && first[dateline_end..retold_at].chars().count() <= 16
        && let Some(retold) = crate::lines::meta::dateline_outlet(&first[retold_at..])
    {
        dateline_end = retold_at
            + first[retold_at..]
                .find(retold.as_str())
                .map_or(0, |k| k + retold.len());
        // 香港文汇报 is 文汇报 with its place
        for skip in [2, 3] {
            let rest: String = retold.chars().skip(skip).collect();
            if rest.chars().count() >= 3 {
                outlets.push(rest);
            }
        }
        outlets.push(retold);
    }
    orgs.retain_mut(|o| {
        if !outlets.contains(&o.name) {
            return true;
        }
        let outside = body
            .match_indices(o.name.as_str())
            .filter(|(i, _)| *i >= dateline_end)
            .count();
        o.mentions = outside.min(o.mentions);
        outside > 0
    });
}

/// Words that end an outlet's name (`湖南日报`, `中国甘肃在线`, `新重庆客户端`).
const OUTLET_ENDINGS: &[&str] = &[
    "日报",
    "晚报",
    "晨报",
    "都市报",
    "新闻网",
    "在线",
    "客户端",
    "融媒体",
    "电视台",
    "广播电视台",
    "新闻频道",
    "之声",
];

/// Words after a quoted honour (`“北京市优秀共产党员”称号`).
const HONOUR_AFTER: &[&str] = &["称号", "荣誉", "奖章", "勋章", "奖"];

/// Drops the places named only inside an outlet's name (`湖南日报`, `中国甘肃在线`, a dateline's
/// `中新网湖北新闻1月21日电`), inside a quoted honour (`“周口市最美志愿者”称号`) or inside a short
/// title or slogan in marks (`《某州商报》`, `“大爱某州·善行天下”`): the page's annotation lists
/// none of them. Named elsewhere as well, they stay, with those mentions.
fn drop_places_in_names(places: &mut Vec<crate::record::Place>, body: &str) {
    if places.is_empty() {
        return;
    }
    // (`《某某商报》`, `“大爱某州·善行天下”`: a place inside a paper's or a slogan's name)
    let titles: Vec<Range<usize>> = if body.contains(['《', '“']) {
        title_spans(body)
            .into_iter()
            // (`“深圳—香港—广州”`: places listed in quotation marks are places)
            // (a short one on one line: an unclosed 《 reaches far)
            .filter(|t| {
                body.get(t.clone())
                    .is_some_and(|inner| inner.chars().count() <= 30 && !inner.contains('\n'))
            })
            .filter(|t| {
                !body.get(t.clone()).is_some_and(|inner| {
                    inner
                        .split(['—', '–', '-', '、', '·', ' '])
                        .filter(|seg| !seg.is_empty())
                        .all(|seg| places.iter().any(|p| p.name == seg))
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    places.retain_mut(|p| {
        keep_mentions_outside(body, &p.name, &mut p.mentions, |at, end| {
            in_outlet_name(body, end)
                || in_quoted_honour(body, at, end)
                || titles
                    .iter()
                    .any(|t| t.start <= at && end <= t.end && t.len() > end - at)
        })
    });
}

/// Whether a name keeps any mention outside the stretches `inside(start, end)` tells, lowering
/// `mentions` to what is left outside when some are inside (a name never found is kept as is).
fn keep_mentions_outside(
    body: &str,
    name: &str,
    mentions: &mut usize,
    inside: impl Fn(usize, usize) -> bool,
) -> bool {
    let mut total = 0usize;
    let mut within = 0usize;
    for at in memchr::memmem::find_iter(body.as_bytes(), name.as_bytes()) {
        total += 1;
        if inside(at, at + name.len()) {
            within += 1;
        }
    }
    if within == 0 || total == 0 {
        return true;
    }
    let outside = total - within;
    *mentions = (*mentions).min(outside.max(1));
    outside > 0
}

/// True when an outlet's name goes on from `end` (a place's end): at most four more Chinese
/// characters, then an outlet word; or `新闻` before a dateline's date.
fn in_outlet_name(body: &str, end: usize) -> bool {
    let rest = &body[end..];
    let head: String = rest
        .chars()
        .take(10)
        .take_while(|c| crate::text::is_han(*c) || matches!(c, '·' | '-'))
        .collect();
    for (i, _) in head.char_indices().take(5) {
        let tail = &head[i..];
        if OUTLET_ENDINGS.iter().any(|w| tail.starts_with(w)) {
            return true;
        }
        if let Some(after) = tail.strip_prefix("新闻")
            && after.is_empty()
            && rest[i + "新闻".len()..].starts_with(|c: char| c.is_ascii_digit())
        {
            return true;
        }
    }
    false
}

/// True when `start..end` lies inside a short quotation that names an honour (`“…”称号`).
fn in_quoted_honour(body: &str, start: usize, end: usize) -> bool {
    let Some(open) = body[..start].rfind('“') else {
        return false;
    };
    let Some(close) = body[end..].find('”').map(|k| end + k) else {
        return false;
    };
    let inner = &body[open..close];
    !inner[3..].contains(['“', '”'])
        && inner.chars().count() <= 24
        && HONOUR_AFTER
            .iter()
            .any(|w| body[close + '”'.len_utf8()..].starts_with(w))
}

/// Drops the organizations named only inside a title (`《百炼成钢:中国共产党的100年》`, a
/// quoted lecture title `“中国共产党的组织制度”`), an anniversary (`中国共产党成立100周年`) or a
/// rule book's name (`中国共产党纪律处分条例`): the annotated pages list none of them. Named
/// elsewhere as well, they stay, with those mentions.
fn drop_orgs_in_titles(orgs: &mut Vec<crate::record::Organization>, body: &str) {
    if orgs.is_empty() || !body.contains(['《', '“', '成', '条']) {
        return;
    }
    let titles = title_spans(body);
    orgs.retain_mut(|o| {
        keep_mentions_outside(body, &o.name, &mut o.mentions, |at, end| {
            let after = &body[end..];
            let anniversary = after.starts_with("成立")
                && after["成立".len()..].starts_with(|c: char| {
                    c.is_ascii_digit() || "一二三四五六七八九十百".contains(c)
                });
            let rule_book = ["纪律处分条例", "章程", "工作条例", "支部工作条例"]
                .iter()
                .any(|w| after.starts_with(w));
            let titled = titles
                .iter()
                .any(|t| t.start <= at && end <= t.end && t.len() > (end - at) + 6);
            anniversary || rule_book || titled
        })
    });
}

/// Byte ranges inside title marks (《…》) and inside short quotations with no sentence in them
/// (a lecture's or a campaign's title).
fn title_spans(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (open, close) in [('《', '》'), ('“', '”')] {
        let mut from = 0;
        while let Some(k) = body[from..].find(open) {
            let start = from + k + open.len_utf8();
            let Some(len) = body[start..].find(close) else {
                break;
            };
            let inner = &body[start..start + len];
            let title_like = open == '《'
                || (inner.chars().count() <= 30 && !inner.contains(['。', '，', ',', '！', '？']));
            if title_like {
                out.push(start..start + len);
            }
            from = start + len;
        }
    }
    out
}

/// Role words that make a stretch of text a credit.
const CREDIT_WORDS: [&str; 6] = ["记者", "通讯员", "实习生", "采访人员", "编辑", "摄影"];

/// Byte ranges of the credits in `body`: bracketed credits (`(记者赵燕 通讯员陈轶群)`), and
/// the head of the first paragraph up to its first comma when it names a role (an open
/// dateline: `南都讯　记者刘凡　周昌和　继推出日票后，`).
fn credit_spans(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let head_end = body
        .char_indices()
        .take(80)
        .find(|(_, c)| matches!(c, '，' | ',' | '。' | '\n'))
        .map(|(i, _)| i);
    if let Some(end) = head_end
        && let Some(word_at) = CREDIT_WORDS
            .iter()
            .filter_map(|w| body[..end].find(w))
            .min()
    {
        // A bracketed credit (`中广网北京6月24日消息 (记者焦莹) 国家副主席习近平…`) ends at its
        // bracket: the sentence after it is text.
        let bracket_end = body[..word_at]
            .rfind(['(', '（'])
            .filter(|&open| !body[open..word_at].contains([')', '）']))
            .and_then(|_| body[word_at..end].find([')', '）']))
            .map(|k| word_at + k);
        out.push(0..bracket_end.unwrap_or(end));
    }
    // `记者　陈伟斌　整理报道` inside the text.
    out.extend(
        crate::lines::byline::inline_report_credits(body)
            .into_iter()
            .map(|(range, _)| range),
    );
    // A caption's photo credit at the end of its line (`1860年的紫禁城照片。中新网记者 宋宇晟 翻摄`).
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        let text = line.trim_end();
        let credit_from = text.rfind(['。', '！', '？']).map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
        let credit = &text[credit_from..];
        if text.ends_with('摄')
            && (2..=24).contains(&credit.chars().count())
            && CREDIT_WORDS.iter().any(|w| credit.contains(w))
        {
            out.push(line_start + credit_from..line_start + text.len());
        }
        line_start += line.len();
    }
    let mut from = 0;
    while let Some(k) = body[from..].find(['(', '（']) {
        let open = from + k;
        let inner_start = open + body[open..].chars().next().map_or(1, char::len_utf8);
        from = inner_start;
        let Some(len) = body[inner_start..].find([')', '）']) else {
            break;
        };
        let inner = &body[inner_start..inner_start + len];
        // a credit (`(记者 某某)`), or names alone after a dateline or the text (`(赵某 葛某)`)
        let names_only = inner.contains(char::is_whitespace)
            && crate::lines::byline::parse_names(inner).is_some_and(|n| (2..=4).contains(&n.len()));
        // (`本报讯 (俞某敏)`: one name right after the dateline)
        let dateline_writer = open <= 40
            && body[..open].trim_end().ends_with(['讯', '电'])
            && crate::lines::byline::parse_names(inner).is_some_and(|n| n.len() == 1);
        if inner.chars().count() <= 40
            && (names_only
                || dateline_writer
                || crate::lines::byline::parse_meta_line(inner, false)
                    .is_some_and(|m| !m.bylines.is_empty()))
        {
            out.push(open..inner_start + len);
        }
    }
    // A short line of credits the byline grammar could not read whole (`某某网 编辑:义某 姜某`,
    // `文章关键词:… 责编:杨某`) among the first two or the last three lines: from its first
    // editor's or reporter's label to its end. (`作者:` also credits the makers of works in an
    // award list, who are persons of the story.)
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    let mut line_start = 0;
    for (k, line) in lines.iter().enumerate() {
        let text = line.trim_end();
        let at_edge = k < 2 || k + 3 >= lines.len();
        if at_edge && text.chars().count() <= 40 && !text.contains(['。', '！', '？']) {
            let label_at = [
                "编辑:",
                "编辑：",
                "责编:",
                "责编：",
                "记者:",
                "记者：",
                "摄影:",
                "审核:",
            ]
            .iter()
            .filter_map(|l| text.find(l))
            .min();
            if let Some(at) = label_at {
                out.push(line_start + at..line_start + text.len());
            }
        }
        line_start += line.len();
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn names_credited_in_brackets_or_in_a_credit_line_are_no_persons() {
        let person = |name: &str| crate::record::Person {
            name: name.to_string(),
            roles: Vec::new(),
            mentions: 1,
        };
        let body = "本报讯(赵民强 葛超)近日，付晓锋当选流动网格员。\n活动取得圆满成功。\n某某网 编辑:义永华 姜智荣";
        let mut persons = vec![
            person("赵民强"),
            person("付晓锋"),
            person("姜智荣"),
            person("葛超"),
        ];
        drop_credited_persons(&mut persons, body);
        let names: Vec<&str> = persons.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["付晓锋"]);
        // one name right after the dateline
        let body = "本报讯 (俞某敏)近日，区纪委监委召开警示教育大会，刘某伟作检讨。";
        let mut persons = vec![person("俞某敏"), person("刘某伟")];
        drop_credited_persons(&mut persons, body);
        let names: Vec<&str> = persons.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["刘某伟"]);
    }

    #[test]
    fn organizations_inside_titles_anniversaries_and_rule_books_are_none() {
        let org = |name: &str, mentions: usize| crate::record::Organization {
            name: name.to_string(),
            mentions,
            kind: None,
        };
        let body = "支部观看《百炼成钢：中国共产党的100年》，学习中国共产党纪律处分条例，\
                    庆祝中国共产党成立100周年。团市委组织“学党史 团市委在行动”活动，团市委书记讲话。";
        let mut orgs = vec![org("中国共产党", 3), org("团市委", 3)];
        drop_orgs_in_titles(&mut orgs, body);
        let names: Vec<(&str, usize)> =
            orgs.iter().map(|o| (o.name.as_str(), o.mentions)).collect();
        assert_eq!(names, [("团市委", 2)]);
    }

    #[test]
    fn places_inside_outlet_names_and_honours_are_no_places() {
        let place = |name: &str| crate::record::Place {
            name: name.to_string(),
            mentions: 1,
            division: None,
        };
        let body = "中国甘肃在线西和讯 团县委组织大学生志愿者到甘肃各地开展实践。\n\
                    湖南日报记者报道，“周口市最美志愿者”称号授予10人，周口市民点赞。";
        let mut places = vec![
            place("中国"),
            place("甘肃"),
            place("湖南"),
            place("周口市"),
            place("西和"),
        ];
        places[1].mentions = 2;
        places[3].mentions = 2;
        drop_places_in_names(&mut places, body);
        let names: Vec<(&str, usize)> = places
            .iter()
            .map(|p| (p.name.as_str(), p.mentions))
            .collect();
        assert_eq!(names, [("甘肃", 1), ("周口市", 1), ("西和", 1)]);
        // a paper's name and a slogan in marks hold no place; places listed in quotation
        // marks are places
        let body = "《某州商报》报道，活动以“大爱某州·善行天下”为主题，“深圳—香港—广州”集群居首。";
        let mut places = vec![place("某州"), place("深圳"), place("香港"), place("广州")];
        places[0].mentions = 2;
        drop_places_in_names(&mut places, body);
        let names: Vec<&str> = places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["深圳", "香港", "广州"]);
        assert!(in_outlet_name(
            "中新网湖北新闻1月21日电",
            "中新网湖北".len()
        ));
        assert!(!in_outlet_name("北京新闻发布会上", "北京".len()));
    }
    use super::*;

    #[test]
    fn writers_credited_in_a_bracket_after_the_dateline_are_no_persons() {
        use crate::record::{Byline, BylineRole, Person};
        let body = "中国某某网讯(聂某清、杨东东)1月23日,护林员一早就前往护林点巡逻。张三说,护林很辛苦。杨东东拍下了这一幕。";
        let person = |name: &str| Person {
            name: name.to_string(),
            roles: Vec::new(),
            mentions: 1,
        };
        let byline = |name: &str| Byline {
            role: BylineRole::Author,
            name: name.to_string(),
        };
        let mut persons = vec![person("聂某清"), person("杨东东"), person("张三")];
        drop_bylined_persons(&mut persons, body, &[byline("聂某清"), byline("杨东东")]);
        let names: Vec<&str> = persons.iter().map(|p| p.name.as_str()).collect();
        // 杨东东 is named in the text too
        assert_eq!(names, ["杨东东", "张三"]);
    }
    use crate::record::Organization;

    #[test]
    fn a_bracketed_credit_in_the_dateline_ends_at_its_bracket() {
        let body = "中广网北京6月24日消息 (记者焦莹) 国家副主席习近平今天在人民大会堂会见外宾。";
        let spans = credit_spans(body);
        assert!(
            spans.iter().all(|s| !body[s.clone()].contains("习近平")),
            "{spans:?}"
        );
        assert!(
            spans.iter().any(|s| body[s.clone()].contains("焦莹")),
            "{spans:?}"
        );
        // an open dateline runs to its first comma
        let body = "南都讯　记者刘凡　周昌和　继推出日票后，地铁又推出月票。";
        let spans = credit_spans(body);
        assert_eq!(
            &body[spans[0].clone()],
            "南都讯　记者刘凡　周昌和　继推出日票后"
        );
    }

    #[test]
    fn a_captions_photo_credit_is_a_credit() {
        let body = "故宫开放了夜场。\n1860年的紫禁城照片。中新网记者 宋宇晟 翻摄\n宋宇晟说。";
        let spans = credit_spans(body);
        assert_eq!(spans.len(), 1);
        assert_eq!(&body[spans[0].clone()], "中新网记者 宋宇晟 翻摄");
    }

    fn org(name: &str, mentions: usize) -> Organization {
        Organization {
            name: name.to_string(),
            mentions,
            kind: None,
        }
    }

    #[test]
    fn an_outlet_named_only_in_the_dateline_is_no_organization() {
        let body = "新华社北京3月2日电 3月1日，民政部召开会议部署社区防控工作。";
        let mut orgs = vec![org("新华社", 1), org("民政部", 1)];
        drop_dateline_outlet(&mut orgs, body);
        assert_eq!(orgs, vec![org("民政部", 1)]);
        // Named in the text too, it stays with the mentions outside the dateline.
        let body = "新华社北京3月2日电 新华社记者走访了多个社区。";
        let mut orgs = vec![org("新华社", 2)];
        drop_dateline_outlet(&mut orgs, body);
        assert_eq!(orgs, vec![org("新华社", 1)]);
        // the site's parent paper in brackets is the outlet too
        let body = "荆楚网(湖北日报网)讯(通讯员 某某)近日，市审计局工作队走访全村。";
        let mut orgs = vec![org("湖北日报", 1), org("市审计局", 1)];
        drop_dateline_outlet(&mut orgs, body);
        assert_eq!(orgs, vec![org("市审计局", 1)]);
    }
}
