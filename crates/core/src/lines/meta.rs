//! Page metadata rules: publish date-times, the publication (来源, 据…, periodical issue line,
//! copyright footer, dateline) and declared keywords (关键词).

use regex::Regex;
use std::sync::OnceLock;

use crate::text::is_han;

/// A date or date-time found in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundTime {
    /// `YYYY-MM-DDTHH:MM:SS+08:00` or `YYYY-MM-DD`.
    pub iso: String,
    /// Byte offset where the match starts.
    pub start: usize,
    /// Byte offset where the match ends.
    pub end: usize,
}

fn datetime_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        #[allow(clippy::unwrap_used)]
        Regex::new(
            r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?(?:\s*(?:T|\s)?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})\s*秒?)?(?:\s*分)?)?",
        )
        .unwrap()
    })
}

/// Every well-formed date or date-time in `text`, in order.
pub fn find_times(text: &str) -> Vec<FoundTime> {
    let mut out = Vec::new();
    for caps in datetime_re().captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        // A longer number glued before the year (an id or phone number) is not a date.
        if text[..whole.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        let num = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let (Some(y), Some(m), Some(d)) = (num(1), num(2), num(3)) else {
            continue;
        };
        if !(1..=12).contains(&m) || !(1..=days_in_month(y, m)).contains(&d) {
            continue;
        }
        let mut iso = format!("{y:04}-{m:02}-{d:02}");
        let mut end = whole.end();
        if let (Some(h), Some(mi)) = (num(4), num(5)) {
            let s = num(6).unwrap_or(0);
            if h < 24 && mi < 60 && s < 60 {
                iso = format!("{iso}T{h:02}:{mi:02}:{s:02}+08:00");
            } else if let Some(g) = caps.get(3) {
                end = g.end();
            }
        }
        out.push(FoundTime {
            iso,
            start: whole.start(),
            end,
        });
    }
    if out.is_empty() && text.contains('.') {
        out.extend(day_first_time(text));
    }
    out
}

/// A day-first date some CMSs print (`31.08.2017 10:48`).
fn day_first_time(text: &str) -> Option<FoundTime> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        #[allow(clippy::unwrap_used)]
        Regex::new(r"(?:^|[^\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
            .unwrap()
    });
    let caps = re.captures(text)?;
    let num = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (d, m, y) = (num(1)?, num(2)?, num(3)?);
    if !(1..=12).contains(&m) || !(1..=days_in_month(y, m)).contains(&d) {
        return None;
    }
    let mut iso = format!("{y:04}-{m:02}-{d:02}");
    if let (Some(h), Some(mi)) = (num(4), num(5)) {
        let s = num(6).unwrap_or(0);
        if h < 24 && mi < 60 && s < 60 {
            iso = format!("{iso}T{h:02}:{mi:02}:{s:02}+08:00");
        }
    }
    let first = caps.get(1)?;
    Some(FoundTime {
        iso,
        start: first.start(),
        end: caps.get(0)?.end(),
    })
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The issue line of a periodical (`北京支部生活 2022年6期`, `…2021年第3期`): the whole line.
pub fn periodical_line(line: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        #[allow(clippy::unwrap_used)]
        Regex::new(r"^[\p{Han}A-Za-z《》“”]{2,20}\s*(?:(?:19|20)\d{2}\s*年\s*(?:第\s*)?\d{1,3}\s*期|第\s*\d{1,4}\s*期)(?:\s*总第\s*\d+\s*期)?$").unwrap()
    });
    let t = line.trim();
    // Cheap reject: every issue line the pattern takes ends in 期.
    if !t.ends_with('期') {
        return None;
    }
    re.is_match(t).then(|| t.to_string())
}

/// The outlet of an attribution `据X` / `据X报道` (without brackets).
pub fn attribution(inner: &str) -> Option<String> {
    let t = inner.trim();
    let rest = t.strip_prefix('据')?;
    let rest = rest.trim();
    let rest = ["报道", "消息", "讯", "综合", "整理"]
        .iter()
        .fold(rest, |r, s| r.strip_suffix(s).unwrap_or(r))
        .trim();
    let n = rest.chars().count();
    ((2..=20).contains(&n) && !rest.chars().any(|c| "。，,；;！？".contains(c)))
        .then(|| rest.to_string())
}

/// The paper an e-paper's page properties name when they leak into the text
/// (`2019-11-04 2 2 某某日报 content_51528.html 1 3 标题 /enpproperty-->`: 某某日报).
pub fn epaper_properties_outlet(line: &str) -> Option<String> {
    if !line.contains("enpproperty") {
        return None;
    }
    // (`content_51528.html`, `c179481.html`: the page's file after the paper)
    let at = line.find("content_").or_else(|| {
        line.split_whitespace()
            .find(|w| is_epaper_page_file(w))
            .and_then(|w| line.find(w))
    })?;
    let outlet = line[..at].split_whitespace().next_back()?;
    crate::lines::byline::is_outlet_name(outlet).then(|| outlet.to_string())
}

/// Whether `word` is the file name an e-paper CMS gives an article's page (`content_150528.html`,
/// `c179481.html`).
pub fn is_epaper_page_file(word: &str) -> bool {
    word.strip_suffix(".html").is_some_and(|stem| {
        stem.starts_with("content_")
            || stem
                .strip_prefix('c')
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// The site a page's welcome bar names (`欢迎光临某某新闻网 邮箱:…`, `欢迎访问某某委员会网站!`).
pub fn welcome_site(line: &str) -> Option<String> {
    let at = ["欢迎光临", "欢迎访问", "欢迎来到", "欢迎您访问"]
        .iter()
        .find_map(|w| line.find(w).map(|i| i + w.len()))?;
    let name: String = line[at..]
        .chars()
        .take_while(|c| crate::text::is_han(*c))
        .collect();
    // (`欢迎访问某某委员会网站`: the site of its owner, named by the owner)
    let name = match name.find("网") {
        Some(i) if name[i..].starts_with("网站") => name[..i].to_string(),
        Some(i) => name[..i + "网".len()].to_string(),
        None => return None,
    };
    (3..=16).contains(&name.chars().count()).then_some(name)
}

/// The copyright holder of a footer line (`信息时报社 版权所有(C) …` gives `信息时报`).
pub fn copyright_holder(line: &str) -> Option<String> {
    // 主办单位：某某委员会 (版权所有): the owner after the label.
    if let Some(rest) = ["主办单位", "主办"]
        .iter()
        .find_map(|l| line.strip_prefix(l))
    {
        let name = rest
            .trim_start_matches([':', '：', ' ', '\u{3000}'])
            .split([' ', '\u{3000}', '|', '，', ',', '；', ';'])
            .next()
            .unwrap_or("")
            .trim();
        // (`主办单位:某某市妇女联合会网站地图`: a footer link glued to the owner)
        let name = ["网站地图", "联系我们", "关于我们", "网站声明", "隐私声明"]
            .iter()
            .find_map(|w| name.strip_suffix(w))
            .unwrap_or(name)
            .trim();
        let n = name.chars().count();
        return (2..=24).contains(&n).then(|| name.to_string());
    }
    let idx = line.find("版权所有")?;
    let before = line[..idx]
        .replace("Copyright", "")
        .replace("copyright", "")
        .replace("(C)", "")
        .replace("(c)", "")
        .replace(['©', '®'], "");
    let name: String = before
        .trim()
        .trim_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || "-–:：,，".contains(c))
        .to_string();
    let mut name = name
        .rsplit([' ', '　', '|'])
        .next()
        .unwrap_or("")
        .trim()
        .to_string();
    if name.is_empty() {
        // 版权所有：中共某区委组织部 — the holder after the words.
        let after = line[idx + "版权所有".len()..]
            .trim_start_matches([':', '：', ' ', '　'])
            .replace("(C)", "")
            .replace('©', "");
        name = after
            .trim()
            .split([' ', '　', '|', '，', ',', '；', ';'])
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
    }
    let n = name.chars().count();
    if !(2..=20).contains(&n) {
        return None;
    }
    // A newspaper office (…报社) publishes the newspaper (…报); a magazine's office (某某杂志社)
    // the magazine.
    if let Some(magazine) = name
        .strip_suffix("杂志社")
        .filter(|m| m.chars().count() >= 2)
    {
        return Some(magazine.to_string());
    }
    Some(match name.strip_suffix('社') {
        Some(paper) if paper.ends_with('报') => paper.to_string(),
        _ => name,
    })
}

/// Where the text glued after a labelled publish time starts (`时间:2020-07-222020年是…`): the
/// byte offset after the date (and clock time), when a sentence follows it on the same line.
pub fn glued_time_label_end(line: &str) -> Option<usize> {
    if !line.contains(['时', '日']) {
        return None;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        #[allow(clippy::unwrap_used)]
        Regex::new(r"^(?:发布时间|发布日期|发表时间|时间|日期)\s*[:：]\s*(?:\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?").unwrap()
    });
    let end = re.find(line)?.end();
    let rest = line[end..].trim_start();
    (!rest.is_empty() && rest.contains(['。', '！', '？'])).then_some(end)
}

/// Where the text glued after a labelled source and its bracketed credits starts (`来源:某某网
/// (记者某某 通讯员某某) 尊老、敬老…`): the byte offset after the closing bracket, when a
/// sentence follows it on the same line.
pub fn glued_source_credit_end(line: &str) -> Option<usize> {
    if !line.starts_with(['来', '稿', '信']) {
        return None;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        #[allow(clippy::unwrap_used)]
        Regex::new(r"^(?:来源|稿源|信息来源)\s*[:：]\s*[^\s(（:：]{2,20}\s*[（(][^）)]{2,40}[）)]")
            .unwrap()
    });
    let end = re.find(line)?.end();
    let rest = line[end..].trim_start();
    (rest.chars().count() >= 10 && rest.contains(['。', '，', ',', '！', '？'])).then_some(end)
}

/// The outlet of a dateline at the head of the body (`云上荆州报道:`, `新华社北京3月1日电`).
pub fn dateline_outlet(first_paragraph: &str) -> Option<String> {
    // `某某公益报(本报记者 某某)8月3日上午，…`: the outlet, its reporter in brackets, the date.
    static BRACKETED: OnceLock<Regex> = OnceLock::new();
    let bracketed = BRACKETED.get_or_init(|| {
        #[allow(clippy::unwrap_used)]
        Regex::new(r"^(\p{Han}{2,8}?(?:报|网|社|台))\s?[（(][^）)]{0,8}记者[^）)]{1,16}[）)]\s?\d{1,2}月\d{1,2}日").unwrap()
    });
    // (a scan first: most paragraphs hold no 记 in their head, and the regex costs more)
    if first_paragraph.chars().take(24).any(|c| c == '记')
        && let Some(c) = bracketed.captures(first_paragraph)
        && let Some(m) = c.get(1)
        && !m.as_str().starts_with('本')
    {
        return Some(m.as_str().to_string());
    }
    // `某某新闻网:6月29日,…`: the outlet and a colon before the story's day.
    static COLON: OnceLock<Regex> = OnceLock::new();
    if first_paragraph.chars().take(12).any(|c| matches!(c, ':' | '：'))
        && let Some(m) = COLON
            .get_or_init(|| {
                #[allow(clippy::unwrap_used)]
                Regex::new(r"^(\p{Han}{2,10}?(?:网|报|台|客户端))\s?[:：]\s?(?:\d{1,2}月\d{1,2}日|近日|日前)")
                    .unwrap()
            })
            .captures(first_paragraph)
            .and_then(|c| c.get(1))
        && !m.as_str().starts_with('本')
        && crate::lines::byline::is_outlet_name(m.as_str())
    {
        return Some(m.as_str().to_string());
    }
    // Every dateline below ends within its first 32 characters in 讯, 电, 报道, 消息 or 据: a
    // paragraph whose head has none of them has no dateline (most paragraphs; the regexes cost
    // far more than this scan).
    if !first_paragraph
        .chars()
        .take(32)
        .any(|c| matches!(c, '讯' | '电' | '道' | '息' | '据'))
    {
        return None;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        #[allow(clippy::unwrap_used)]
        Regex::new(r"^(?:[（(【\[])?(\p{Han}{2,8}?)(?:报道|消息)(?:[（(][^）)]{1,12}[）)])?[:：]|^[【\[]?(\p{Han}{1,6}(?:社|网|报|台))\p{Han}{0,9}(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:\d{1,2}时(?:\d{1,2}分)?)?\p{Han}{0,6}?(?:电|讯|消息|\s*据)|^[【\[]?([\p{Han}A-Za-z\-·/]{2,20}?)(?:[（(]\p{Han}{2,10}[）)])?(?:\d{1,2}月\d{1,2}日)?快?讯|^(\p{Han}{1,6}(?:社|网))消息(?:\s|$|[“「])|^(云上\p{Han}{2,4}|\p{Han}{2,8}?(?:网|报|台|客户端|新闻))报道[（(][^）)]{1,16}[）)]").unwrap()
    });
    // `据香港《文汇报》报道，…`, `据华商报报道，…`: a page that retells one outlet's report names it
    // first.
    static RETOLD: OnceLock<Regex> = OnceLock::new();
    let retold = RETOLD.get_or_init(|| {
        #[allow(clippy::unwrap_used)]
        Regex::new(
            r"^据(?:\p{Han}{0,6}《(\p{Han}{2,10})》|(\p{Han}{2,8}?(?:报|网|社|台)))(?:\d{1,2}月\d{1,2}日)?报道[，,]|^(?:据|综合)(\p{Han}{2,6}?(?:社|网))电",
        )
        .unwrap()
    });
    // `环球时报记者段聪聪报道，…`: the outlet crediting its reporter opens the paragraph.
    static CREDITED: OnceLock<Regex> = OnceLock::new();
    let credited = CREDITED.get_or_init(|| {
        #[allow(clippy::unwrap_used)]
        Regex::new(r"^(\p{Han}{2,8}?(?:报|网|社|台))记者\s?\p{Han}{2,4}\s?报道[，,]").unwrap()
    });
    if let Some(c) = credited.captures(first_paragraph)
        && let Some(m) = c.get(1)
        && !m.as_str().starts_with('本')
    {
        return Some(m.as_str().to_string());
    }
    if let Some(c) = retold.captures(first_paragraph) {
        return c
            .get(1)
            .or_else(|| c.get(2))
            .or_else(|| c.get(3))
            .map(|m| m.as_str().to_string());
    }
    let caps = re.captures(first_paragraph)?;
    let name = caps
        .get(1)
        .or_else(|| caps.get(2))
        .or_else(|| caps.get(3))
        .or_else(|| caps.get(4))
        .or_else(|| caps.get(5))?
        .as_str();
    // `某州日报·今日某州客户端讯`, `某州日报/某州网讯`: the paper, then its app or site
    let name = match name.split_once(['·', '/']) {
        Some((paper, _)) if crate::lines::byline::is_outlet_name(paper) => paper,
        Some(_) => return None,
        None => name,
    };
    // `中国甘肃在线西和讯`: the outlet, then the place it reports from.
    // (`中国报道讯`: an outlet named 报道, no paper 中国报 reporting from 道)
    let name = if name.ends_with("报道") {
        name
    } else {
        outlet_before_place(name).unwrap_or(name)
    };
    // `失主王先生闻讯赶到`: 讯 in a word (闻讯, 通讯, 资讯, 喜讯), no dateline.
    if caps.get(3).is_some()
        && name.ends_with(['闻', '通', '资', '喜', '音', '问', '审', '传', '集', '简'])
    {
        return None;
    }
    // `黑水5月28日讯`: a short place before the date is where the story was filed, no outlet.
    if caps.get(3).is_some()
        && name.chars().count() <= 3
        && !crate::lines::byline::is_outlet_name(name)
        && [
            caps.get(3).map_or(0, |m| m.end()),
            caps.get(0).map_or(0, |m| m.end()),
        ]
        .iter()
        .any(|&at| {
            first_paragraph[at..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
        })
    {
        return None;
    }
    // `某州市讯(通讯:…)`: a division's name before 讯 is where the story was filed, no outlet
    if caps.get(3).is_some()
        && name.ends_with(['市', '县', '区', '省', '州', '镇', '乡'])
        && !crate::lines::byline::is_outlet_name(name)
    {
        return None;
    }
    // `晚报讯` is the paper's own report, like `本报讯`: it names no outlet
    if name.starts_with("本")
        || name.contains("记者")
        || name.contains("通讯员")
        || name.contains("据")
        || ["晚报", "日报", "晨报", "晨刊", "早报"].contains(&name)
    {
        return None;
    }
    // `红网时刻张家界11月2日讯`: the outlet's app, named with its word for news
    if first_paragraph
        .strip_prefix(['【', '['])
        .unwrap_or(first_paragraph)
        .strip_prefix(name)
        .is_some_and(|rest| rest.starts_with("时刻"))
    {
        return Some(format!("{name}时刻"));
    }
    Some(name.to_string())
}

/// The paper of a paper and its site credited together (`某州日报/某州网` → `某州日报`); any other
/// name as it is.
pub fn paper_of_a_pair(name: &str) -> &str {
    match name.split_once('/') {
        Some((paper, site))
            if crate::lines::byline::is_outlet_name(paper)
                && crate::lines::byline::is_outlet_name(site)
                && paper.chars().count() >= 3 =>
        {
            paper
        }
        _ => name,
    }
}

/// The outlet at the head of a dateline that goes on with a place (`中国甘肃在线西和` →
/// `中国甘肃在线`, `海外网澳门` → `海外网`): `None` when the whole is an outlet's name or no
/// head of three or more characters is one.
pub fn outlet_before_place(name: &str) -> Option<&str> {
    // (`长城网邢台`: a known outlet, then a place that happens to end like one, 台)
    if let Some(known) = DATELINE_OUTLETS
        .iter()
        .filter(|o| name.len() > o.len() && name.starts_with(**o))
        .max_by_key(|o| o.len())
        && (1..=4).contains(&name[known.len()..].chars().count())
    {
        return Some(&name[..known.len()]);
    }
    if crate::lines::byline::is_outlet_name(name) {
        return None;
    }
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    // the place after the outlet: one to four characters
    (chars.len().saturating_sub(4).max(3)..chars.len())
        .map(|k| &name[..chars[k].0])
        .find(|head| crate::lines::byline::is_outlet_name(head))
}

/// Where a dateline glued after a headline starts (`民政部：…捐款764亿元中新网5月22日电 民政部今日…`,
/// `…报销一半本报讯 (记者叶洲)…`): the byte offset of the first known outlet's dateline (an
/// outlet, a place, a date, then 电 or 讯, followed by a space, a bracketed credit or 记者), or
/// `None`.
pub fn glued_dateline_at(line: &str) -> Option<usize> {
    // Known outlets first: a generic paper name (`…晚报讯`) read inside a headline would start
    // too early (`…建张江校园晚报讯` is 张江校园 and 晚报讯).
    static GENERIC: OnceLock<Regex> = OnceLock::new();
    let generic = GENERIC.get_or_init(|| {
        dateline_re(
            r"(?:\p{Han}{2,4}(?:日报|晚报|晨报|都市报|商报|时报|青年报))",
            6,
        )
    });
    known_dateline_re()
        .find(line)
        .or_else(|| generic.find(line))
        .map(|m| m.start())
        .filter(|&at| at > 0)
}

/// Agencies, papers and portals whose datelines [`known_dateline_re`] knows (facts: outlet
/// names).
const DATELINE_OUTLETS: &[&str] = &[
    "新华社",
    "新华网",
    "中新社",
    "中新网",
    "中国新闻网",
    "人民网",
    "人民日报",
    "央视网",
    "央广网",
    "光明网",
    "中国日报网",
    "中国日报",
    "新浪网",
    "新浪",
    "搜狐网",
    "网易",
    "腾讯网",
    "凤凰网",
    "澎湃新闻",
    "东方网",
    "千龙网",
    "北青网",
    "红网",
    "大河网",
    "南方网",
    "金羊网",
    "荆楚网",
    "长江网",
    "中国网",
    "国际在线",
    "环球网",
    "法制网",
    "中评社",
    "新京报",
    "中广网",
    "中国广播网",
    "中青网",
    "中国青年网",
    "中国台湾网",
    "台海网",
    "华夏经纬网",
    "中国经济网",
    "新民网",
    "北方网",
    "海外网",
    "未来网",
    "中工网",
    "中国军网",
    "中国政府网",
    "求是网",
    "共产党员网",
    "党建网",
    "中国日报中文网",
    // provincial portals
    "长城网",
    "东南网",
    "华龙网",
    "大众网",
    "东北网",
    "浙江在线",
    "四川在线",
    "中安在线",
    "云南网",
    "天山网",
    "华商网",
    "闽南网",
    "胶东在线",
    "北国网",
    "西部网",
];

/// Further national and big regional papers that credit their reporters by name (facts:
/// outlet names).
const CREDITING_PAPERS: &[&str] = &[
    "环球时报",
    "光明日报",
    "经济日报",
    "法制日报",
    "法治日报",
    "中国青年报",
    "北京青年报",
    "京华时报",
    "北京晨报",
    "北京日报",
    "南方日报",
    "南方都市报",
    "新快报",
    "羊城晚报",
    "广州日报",
    "深圳特区报",
    "解放日报",
    "文汇报",
    "新民晚报",
    "东方早报",
    "扬子晚报",
    "现代快报",
    "华西都市报",
    "成都商报",
    "重庆晨报",
    "钱江晚报",
    "都市快报",
    "齐鲁晚报",
    "大众日报",
    "中国经营报",
    "经济观察报",
    "第一财经日报",
    "证券时报",
    "上海证券报",
    "中国证券报",
];

/// The known outlet `text` ends with, the longest one (`…别国内政环球时报` → 环球时报).
pub fn known_outlet_ending(text: &str) -> Option<&'static str> {
    DATELINE_OUTLETS
        .iter()
        .chain(CREDITING_PAPERS)
        .filter(|o| text.ends_with(*o))
        .max_by_key(|o| o.len())
        .copied()
}

/// Datelines of known outlets, as [`dateline_re`] reads them.
fn known_dateline_re() -> &'static Regex {
    static KNOWN: OnceLock<Regex> = OnceLock::new();
    KNOWN.get_or_init(|| {
        // the paper's own datelines (本报讯, 晚报讯) and every known outlet
        let outlets = ["本报", "本刊", "晚报"]
            .iter()
            .chain(DATELINE_OUTLETS)
            .copied()
            .collect::<Vec<_>>()
            .join("|");
        dateline_re(&format!("(?:{outlets})"), 9)
    })
}

/// Where later stories start in one scraped line that holds several (`…9月11日宣判。中新网7月24日电
/// 综合台湾媒体报道，…`): byte offsets of known outlets' datelines right after a sentence end.
///
/// The `综合` or `据` that opens a dateline belongs to it, and an agency's bracketed credit
/// closing the story before (`…实质阶段。(新华社)综合新华社电 …`) to that story.
pub fn later_datelines(story: &str) -> Vec<usize> {
    known_dateline_re()
        .find_iter(story)
        .filter_map(|m| {
            let mut at = m.start();
            if let Some(head) = story[..at]
                .strip_suffix("综合")
                .or_else(|| story[..at].strip_suffix('据'))
            {
                at = head.len();
            }
            let mut before = story[..at].trim_end();
            if before.ends_with([')', '）'])
                && let Some(open) = before.rfind(['(', '（'])
                && (2..=6).contains(&before[open..].chars().count().saturating_sub(2))
            {
                before = before[..open].trim_end();
            }
            (at > 0 && before.ends_with(['。', '！', '？', '”'])).then_some(at)
        })
        .collect()
}

/// A dateline after the outlet pattern `outlet`: a place (up to `place_chars` characters: a
/// known outlet's may be a country and its city, 俄罗斯叶卡捷琳堡), a date, then 电 or 讯 followed by a
/// space, a bracketed credit or 记者; or a date and the source it retells (`中新网8月16日 据…`).
fn dateline_re(outlet: &str, place_chars: usize) -> Regex {
    let date =
        r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日";
    #[allow(clippy::unwrap_used)]
    Regex::new(&format!(
        r"{outlet}\p{{Han}}{{0,{place_chars}}}?(?:(?:{date})?(?:[电讯]|消息)(?:$|[\s(（【\[—:：,，]|记者|据)|{date}\s+据)"
    ))
    .unwrap()
}

/// Splits a 关键词 value into words; a glued run longer than a keyword (seven characters or more:
/// `通州区防疫志愿者`) is segmented with the dictionary, a word of up to six (`共享充电宝`,
/// `新型冠状病毒`) stays whole.
pub fn keywords(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in value
        .split(|c: char| c.is_whitespace() || ",，、;；|/".contains(c))
        .map(str::trim)
        // a word, not a link's arrow (`>>`) or a mark
        .filter(|s| s.chars().any(char::is_alphanumeric))
    {
        if part.chars().count() > 6 && part.chars().all(is_han) {
            out.extend(segment(part));
        } else {
            out.push(part.to_string());
        }
    }
    out.dedup();
    out
}

fn segment(text: &str) -> Vec<String> {
    static JIEBA: OnceLock<jieba_rs::Jieba> = OnceLock::new();
    let jieba = JIEBA.get_or_init(jieba_rs::Jieba::new);
    jieba
        .cut(text, true)
        .into_iter()
        .map(|t| t.word.to_string())
        .filter(|w| !w.trim().is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(s: &str) -> Option<String> {
        find_times(s).into_iter().next().map(|t| t.iso)
    }

    #[test]
    fn a_later_story_after_an_agency_credit() {
        let story = "综合新华社电 昨日下午，主席离开北京。合作已进入实质阶段。(新华社)综合新华社电 昨日下午，主席离开北京。";
        let at = later_datelines(story);
        assert_eq!(at.len(), 1);
        assert!(story[at[0]..].starts_with("综合新华社电"));
        assert!(later_datelines("他说，新华社电视台报道了此事。").is_empty());
    }

    #[test]
    fn keywords_are_words_not_arrows() {
        assert_eq!(keywords(">>，共享充电宝"), ["共享充电宝"]);
        assert_eq!(keywords("中国芯,芯片"), ["中国芯", "芯片"]);
    }

    #[test]
    fn an_outlet_reporting_from_a_place() {
        assert_eq!(
            dateline_outlet("中国甘肃在线西和讯 为激发青年力量，团县委组织大学生开展活动。")
                .as_deref(),
            Some("中国甘肃在线")
        );
        assert_eq!(
            dateline_outlet("荆州新闻网讯 近日，某社区开展活动。").as_deref(),
            Some("荆州新闻网")
        );
        assert_eq!(outlet_before_place("海外网澳门"), Some("海外网"));
        // a paper and its app; a site's 消息; a county app's 报道 before a bracketed credit
        assert_eq!(
            dateline_outlet(
                "某州日报·今日某州客户端讯(通讯员 蒋某 李某南)3月25日，村干部宣传防火。"
            )
            .as_deref(),
            Some("某州日报")
        );
        assert_eq!(paper_of_a_pair("某州日报/某州网"), "某州日报");
        assert_eq!(paper_of_a_pair("文/图"), "文/图");
        // (a division's name before 讯 names no outlet)
        assert_eq!(
            dateline_outlet("某州市讯(通讯员 王某)近日，某镇开展普查培训。"),
            None
        );
        // (a labelled source and its credits glued before the text)
        let line =
            "来源:掌上某阳 (记者金某达 通讯员莫某) 尊老、敬老、爱老,是中华民族优良的传统美德。";
        let at = glued_source_credit_end(line).unwrap();
        assert_eq!(&line[..at], "来源:掌上某阳 (记者金某达 通讯员莫某)");
        assert_eq!(glued_source_credit_end("来源:掌上某阳 (记者金某达)"), None);
        // (an outlet and a colon before the day)
        assert_eq!(
            dateline_outlet("某东新闻网:6月29日,某村合作社迎来了首届分红大会。").as_deref(),
            Some("某东新闻网")
        );
        assert_eq!(dateline_outlet("记者问:6月29日你在哪里?"), None);
        // (the paper and its site, then the place filed from)
        assert_eq!(
            dateline_outlet("某州日报/某州网北海讯(通讯员 报道)近日，镇委党校成立。").as_deref(),
            Some("某州日报")
        );
        assert_eq!(
            dateline_outlet("今日某山网消息 “您好，我是护林员。”1月31日，护林员给村民送日历。")
                .as_deref(),
            Some("今日某山网")
        );
        assert_eq!(
            dateline_outlet("今日某山网消息“您好，我是护林员。”1月31日，护林员给村民送日历。")
                .as_deref(),
            Some("今日某山网")
        );
        assert_eq!(
            dateline_outlet("云上某江报道(通讯员 龚某)眼下，正值校园毕业季。").as_deref(),
            Some("云上某江")
        );
        assert_eq!(
            dateline_outlet("华龙网8月14日15时07分讯 连日来，县总工会开展送清凉活动。").as_deref(),
            Some("华龙网")
        );
        // an outlet's app named with its word for news
        assert_eq!(
            dateline_outlet("红网时刻张家界11月2日讯(通讯员 胡某晴)“哇，是消防车耶！”").as_deref(),
            Some("红网时刻")
        );
        // a place filing the story is no outlet
        assert_eq!(
            dateline_outlet("黑水5月28日讯(记者 颜某)近日，志愿者组成帮扶团。"),
            None
        );
        assert_eq!(outlet_before_place("人民网"), None);
        assert_eq!(
            glued_time_label_end("时间:2020-07-222020年是建党99周年。"),
            Some(17)
        );
        assert_eq!(glued_time_label_end("时间:2020-07-22"), None);
    }

    #[test]
    fn datelines_glued_after_a_headline() {
        let at = |s: &'static str| glued_dateline_at(s).map(|i| &s[..i]);
        // a country and its city before the date; a regional portal
        assert_eq!(
            at(
                "上合组织成员国举行首次公安内务部长会议新华网俄罗斯叶卡捷琳堡5月18日电(记者刘洋) 上海合作组织"
            ),
            Some("上合组织成员国举行首次公安内务部长会议")
        );
        assert_eq!(
            at("台当局拟8月公布施行两岸合拍电视剧处理原则中国台湾网7月25日消息 台当局证实"),
            Some("台当局拟8月公布施行两岸合拍电视剧处理原则")
        );
        assert_eq!(
            dateline_outlet("新华网俄罗斯叶卡捷琳堡5月18日电(记者刘洋 张亚晨)上海合作组织成员国首次公安内务部长会议举行。").as_deref(),
            Some("新华网")
        );
        // an outlet crediting its reporter opens the story
        assert_eq!(
            dateline_outlet("环球时报记者段聪聪报道，外交部发言人秦刚在6月30日的记者会上表示。")
                .as_deref(),
            Some("环球时报")
        );
        assert_eq!(
            at("民政部：2008年接收各界捐款764亿元中新网5月22日电 民政部今日发布报告。"),
            Some("民政部：2008年接收各界捐款764亿元")
        );
        assert_eq!(
            at("胡锦涛等会见自强模范表彰大会代表(组图)新华网北京7月3日电(记者李亚杰) 自强不息"),
            Some("胡锦涛等会见自强模范表彰大会代表(组图)")
        );
        assert_eq!(
            at("香港通报首宗疑似甲型流感死亡个案中新社香港七月十六日电(记者 周志彬) 香港"),
            Some("香港通报首宗疑似甲型流感死亡个案")
        );
        assert_eq!(
            at("卫生部称明年农民住院费有望报销一半本报讯 (记者叶洲) 副司长"),
            Some("卫生部称明年农民住院费有望报销一半")
        );
        assert_eq!(
            at("陈水扁之女陈幸妤家被列高风险家庭新华网消息 据台联合晚报报道，陈幸妤传出可能自残。"),
            Some("陈水扁之女陈幸妤家被列高风险家庭")
        );
        assert_eq!(
            at(
                "习近平强调共产党员要做时代先锋中广网北京6月30日消息（记者焦莹）在中国共产党成立88周年之际"
            ),
            Some("习近平强调共产党员要做时代先锋")
        );
        let story = "中新网7月24日电 据报道，法院将宣判。中新网7月24日电 综合报道，法院审理此案。";
        assert_eq!(
            later_datelines(story),
            [story.find("。中").unwrap() + "。".len()]
        );
        assert_eq!(
            dateline_outlet("据中新网9月9日报道，苹果公司9日对记者表示。").as_deref(),
            Some("中新网")
        );
        assert_eq!(
            dateline_outlet("综合新华社电 第二次中日经济高层对话昨日在东京举行。").as_deref(),
            Some("新华社")
        );
        assert_eq!(
            dateline_outlet("新华网消息 据台联合晚报报道，陈幸妤传出可能自残。").as_deref(),
            Some("新华网")
        );
        // at the head of the line, or a word that only starts like one
        assert_eq!(at("新华社北京3月1日电 会议召开。"), None);
        assert_eq!(at("他在新华网电视台工作，每天看本报讯息。"), None);
        assert_eq!(
            at("世界名校落户浦东 加州伯克利建张江校园晚报讯 今天上午，合作备忘录签约仪式举行。"),
            Some("世界名校落户浦东 加州伯克利建张江校园")
        );
    }

    #[test]
    fn dates_and_times() {
        assert_eq!(
            first("2020-02-26 19:06:39").as_deref(),
            Some("2020-02-26T19:06:39+08:00")
        );
        assert_eq!(first("2022-06-18常菁菁").as_deref(), Some("2022-06-18"));
        assert_eq!(
            first("发布时间:2022/3/14 9:15:45 浏览").as_deref(),
            Some("2022-03-14T09:15:45+08:00")
        );
        assert_eq!(
            first("2021年11月02日 星期二").as_deref(),
            Some("2021-11-02")
        );
        assert_eq!(
            first("2020年3月5日 10:30").as_deref(),
            Some("2020-03-05T10:30:00+08:00")
        );
        assert_eq!(
            first("时间：2021年03月05日 10时20分 作者：").as_deref(),
            Some("2021-03-05T10:20:00+08:00")
        );
        assert_eq!(
            first("2021年03月05日10时20分30秒").as_deref(),
            Some("2021-03-05T10:20:30+08:00")
        );
        assert_eq!(first("北京支部生活 2022年6期"), None);
        assert_eq!(first("2021-02-30"), None);
        assert_eq!(first("电话:020-34323111"), None);
    }

    #[test]
    fn publications() {
        assert_eq!(
            periodical_line("北京支部生活 2022年6期").as_deref(),
            Some("北京支部生活 2022年6期")
        );
        assert_eq!(periodical_line("今年6期"), None);
        assert_eq!(attribution("据澎湃新闻").as_deref(), Some("澎湃新闻"));
        assert_eq!(attribution("据新华社报道").as_deref(), Some("新华社"));
        assert_eq!(
            copyright_holder("信息时报社 版权所有(C) 粤ICP备14002173号-1").as_deref(),
            Some("信息时报")
        );
        assert_eq!(
            copyright_holder("版权所有 某某报道杂志社").as_deref(),
            Some("某某报道")
        );
        // a short place filing the story, a space before the date
        assert_eq!(
            dateline_outlet("沂某讯 8月4日，某某镇72个村支部委员会分别召开党员大会。"),
            None
        );
        assert_eq!(
            copyright_holder("主办单位:某某市妇女联合会网站地图").as_deref(),
            Some("某某市妇女联合会")
        );
        assert_eq!(
            dateline_outlet("云上荆州报道:在疫情防控工作中").as_deref(),
            Some("云上荆州")
        );
        assert_eq!(
            dateline_outlet("新华社北京3月1日电 记者").as_deref(),
            Some("新华社")
        );
        assert_eq!(
            dateline_outlet("长城网邢台3月16日电(记者 刘某) 3月15日下午，某县开展演出。")
                .as_deref(),
            Some("长城网")
        );
        assert_eq!(dateline_outlet("本报讯 近日"), None);
        assert_eq!(
            dateline_outlet("央视网消息（新闻联播）：10月31日").as_deref(),
            Some("央视网")
        );
        assert_eq!(
            dateline_outlet("新京报讯（记者 陆一夫）11月25日").as_deref(),
            Some("新京报")
        );
        assert_eq!(
            dateline_outlet("长江网10月4日讯（记者陈智）").as_deref(),
            Some("长江网")
        );
        assert_eq!(
            dateline_outlet("据香港《文汇报》报道，香港特区政府今日宣布").as_deref(),
            Some("文汇报")
        );
        assert_eq!(
            dateline_outlet("据华商报报道，近日").as_deref(),
            Some("华商报")
        );
        assert_eq!(dateline_outlet("据了解，本次活动").as_deref(), None);
        assert_eq!(
            dateline_outlet("据新华社电 昨天，国家禁毒委员会发布消息").as_deref(),
            Some("新华社")
        );
        assert_eq!(dateline_outlet("晚报讯 昨天，业主表决").as_deref(), None);
        assert_eq!(
            dateline_outlet("晨刊讯 近日，社区开展活动").as_deref(),
            None
        );
        // an outlet named 报道 keeps its name
        assert_eq!(
            dateline_outlet("中国报道讯(陈立 张明 报道)为深入推进农村人居环境整治").as_deref(),
            Some("中国报道")
        );
        // 讯 inside a word
        assert_eq!(
            dateline_outlet("失主王先生闻讯赶到约定的地点，激动地连连表示感谢。"),
            None
        );
        // the place filed from after the date; the reporter in brackets before it
        assert_eq!(
            dateline_outlet("东海之滨网11月30日连云港讯 近年来，城区停车难").as_deref(),
            Some("东海之滨网")
        );
        assert_eq!(
            dateline_outlet("慈善公益报(本报记者 艾某)8月3日上午，募捐活动启动").as_deref(),
            Some("慈善公益报")
        );
    }

    #[test]
    fn an_epaper_page_property_line_names_the_paper() {
        assert_eq!(
            epaper_properties_outlet(
                "2019-11-04 2 2 东江日报 content_51528.html 1 3 党员走进敬老院 /enpproperty-->"
            )
            .as_deref(),
            Some("东江日报")
        );
        assert_eq!(
            epaper_properties_outlet("东江日报 content_51528.html"),
            None
        );
        assert_eq!(
            epaper_properties_outlet(
                "--> 2022-03-09 某湖村 1 1 某结报 c86201.html 1 表彰先进 /enpproperty-->"
            )
            .as_deref(),
            Some("某结报")
        );
    }

    #[test]
    fn keyword_lists() {
        assert_eq!(
            keywords("通州区防疫志愿者"),
            vec!["通州区", "防疫", "志愿者"]
        );
        assert_eq!(keywords("疫情 志愿者,党建"), vec!["疫情", "志愿者", "党建"]);
        assert_eq!(keywords("共享充电宝"), vec!["共享充电宝"]);
        assert_eq!(
            keywords("新型冠状病毒 味觉嗅觉丧失"),
            vec!["新型冠状病毒", "味觉嗅觉丧失"]
        );
    }
}
