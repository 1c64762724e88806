//! Location resolver over China's administrative divisions: reads an address or place name
//! (湖南湘潭市湘潭县城塘社区, 河北区, 老河口市天气) and returns its province, prefecture and
//! county, inferring parents from children and mapping former names to current ones.
//!
//! The hierarchy comes from `data/nlp/divisions.txt`, former names from
//! `data/nlp/former_divisions.txt` and the affixes that build short forms (湖南 for 湖南省,
//! 巴音郭楞 for 巴音郭楞蒙古自治州) from `data/nlp/division_affixes.txt`. Everything is parsed
//! once, on first use.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

const DIVISIONS: &str = include_str!("../../data/nlp/divisions.txt");
const FORMER: &str = include_str!("../../data/nlp/former_divisions.txt");
const AFFIXES: &str = include_str!("../../data/nlp/division_affixes.txt");

/// Short forms shorter than this many characters never match (赵 for 赵县).
const MIN_SHORT_CHARS: usize = 2;

/// An address or place name resolved against the division table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// Province-level unit, full name (湖南省, 广西壮族自治区, 北京市).
    pub province: Option<String>,
    /// Prefecture-level unit, full name (湘潭市, 红河哈尼族彝族自治州); a municipality is its
    /// own city (北京市 / 北京市).
    pub city: Option<String>,
    /// County-level unit, full name (湘潭县, 河北区), or a development zone that directly
    /// follows a prefecture (经济技术开发区).
    pub county: Option<String>,
    /// The text after the last matched division (城塘社区), whitespace-trimmed.
    pub detail: String,
    /// The canonical address: province + city (left out when it repeats the province) +
    /// county + detail (湖南省湘潭市湘潭县城塘社区, 天津市河北区).
    pub full: String,
}

/// Resolves `text` to its administrative divisions.
///
/// Divisions are read from the start of the text, from the top of the hierarchy down, each
/// one at the position where the previous one ended, the longest name first; full names,
/// short forms (湖南, 湘潭, 新疆) and former names (襄樊市) all match. Parents are inferred from
/// a child that is unique in the table (老河口市 → 湖北省 襄阳市); a county name shared by
/// several prefectures keeps only what they have in common (西湖区 → county only).
/// Never panics; text that names no division gives a `Location` with only `detail` and `full`.
pub fn resolve(text: &str) -> Location {
    let tables = &*TABLES;
    let text = text.trim();
    let mut state = State::default();
    let mut pos = 0;
    while let Some((end, step)) = tables.next_match(text, pos, &state) {
        state = step;
        pos = end;
    }
    let detail = text.get(pos..).unwrap_or("").trim().to_string();
    tables.location(&state, detail)
}

/// The division a place name stands for, for a record's `places`: the whole name must resolve
/// (nothing left over) to at least a province or a prefecture. A bare short form of a county
/// (南海 for 南海区, 南山 for 南山区) is left alone: as a place name it is as often a sea, a
/// mountain or a street.
pub fn division(name: &str) -> Option<crate::Division> {
    let name = name.trim();
    let l = resolve(name);
    if !l.detail.is_empty() || (l.province.is_none() && l.city.is_none()) {
        return None;
    }
    if let Some(county) = &l.county
        && !name.contains(county.as_str())
        && county.starts_with(name)
    {
        return None;
    }
    Some(crate::Division {
        province: l.province,
        city: l.city,
        county: l.county,
    })
}

/// The division of a county-level name the table alone cannot place (白云区 is in 广州 and in
/// 贵阳), settled by the other places of the same article: when exactly one of the prefectures
/// (or, failing a prefecture, provinces) among `context` has a county of that name, the name
/// gets that division. None when no context or more than one fits.
pub fn division_in(name: &str, context: &[crate::Division]) -> Option<crate::Division> {
    let name = name.trim();
    if name.chars().count() < 3 || !name.ends_with(['区', '县', '旗', '市']) {
        return None;
    }
    let mut parents: Vec<&str> = context
        .iter()
        .filter_map(|d| d.city.as_deref().or(d.province.as_deref()))
        .collect();
    parents.sort_unstable();
    parents.dedup();
    let mut found: Option<crate::Division> = None;
    for parent in parents {
        let Some(d) = division(&format!("{parent}{name}")) else {
            continue;
        };
        if d.county.as_deref() != Some(name) {
            continue;
        }
        match &found {
            Some(f) if *f != d => return None,
            _ => found = Some(d),
        }
    }
    found
}

/// What has been matched so far.
#[derive(Debug, Clone, Default)]
struct State {
    province: Option<usize>,
    city: Option<usize>,
    /// A county from the table (its index) or a name without a unique entry.
    county: Option<County>,
}

#[derive(Debug, Clone)]
enum County {
    Known(usize),
    Named(String),
}

impl State {
    /// 0 province, 1 city, 2 county, -1 nothing yet.
    fn level(&self) -> i8 {
        if self.county.is_some() {
            2
        } else if self.city.is_some() {
            1
        } else if self.province.is_some() {
            0
        } else {
            -1
        }
    }
}

/// One division a surface form may stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cand {
    province: usize,
    city: Option<usize>,
    county: Option<usize>,
    /// A former name (may re-state a level already matched: 广西柳州地区).
    former: bool,
}

impl Cand {
    fn level(&self) -> i8 {
        if self.county.is_some() {
            2
        } else if self.city.is_some() {
            1
        } else {
            0
        }
    }

    /// Whether this division can follow what `state` holds.
    fn fits(&self, state: &State) -> bool {
        if state.province.is_some_and(|p| p != self.province) {
            return false;
        }
        if let Some(c) = state.city
            && self.city != Some(c)
        {
            return false;
        }
        if state.county.is_some() {
            return false;
        }
        self.level() > state.level() || (self.former && self.level() == state.level())
    }
}

#[derive(Debug)]
struct Province {
    name: String,
    cities: Vec<usize>,
}

#[derive(Debug)]
struct City {
    name: String,
    province: usize,
}

#[derive(Debug)]
struct CountyEntry {
    name: String,
    city: usize,
}

#[derive(Debug, Default)]
struct Tables {
    provinces: Vec<Province>,
    cities: Vec<City>,
    counties: Vec<CountyEntry>,
    /// Surface form → the divisions it may stand for.
    keys: HashMap<String, Vec<Cand>>,
    /// Longest surface form, in characters.
    max_chars: usize,
    zones: Vec<String>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(Tables::build);

/// The sections of `division_affixes.txt`.
#[derive(Debug, Default)]
struct Affixes {
    suffixes: Vec<String>,
    autonomous: Vec<String>,
    ethnic: Vec<String>,
    zones: Vec<String>,
}

impl Affixes {
    fn parse(text: &str) -> Self {
        let mut a = Affixes::default();
        let mut section = "";
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = match name {
                    "suffixes" => "suffixes",
                    "autonomous" => "autonomous",
                    "ethnic" => "ethnic",
                    "zones" => "zones",
                    _ => "",
                };
                continue;
            }
            let list = match section {
                "suffixes" => &mut a.suffixes,
                "autonomous" => &mut a.autonomous,
                "ethnic" => &mut a.ethnic,
                "zones" => &mut a.zones,
                _ => continue,
            };
            list.push(line.to_string());
        }
        // Longest first, so that 自治区 wins over 区.
        for list in [&mut a.suffixes, &mut a.ethnic, &mut a.zones] {
            list.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        }
        a
    }

    /// The short form of a full division name, if it has one of at least two characters.
    fn short_form(&self, name: &str) -> Option<String> {
        let suffix = self.suffixes.iter().find(|s| {
            name.strip_suffix(s.as_str())
                .is_some_and(|rest| rest.chars().count() >= MIN_SHORT_CHARS)
        })?;
        let mut short = name.strip_suffix(suffix.as_str())?;
        if self.autonomous.iter().any(|a| a == suffix) {
            // Strip the ethnic groups named before 自治X (红河哈尼族彝族 → 红河), also written
            // without 族 (巴音郭楞蒙古 → 巴音郭楞), while at least two characters remain.
            'strip: loop {
                for group in &self.ethnic {
                    let bare = group.strip_suffix('族').filter(|b| b.chars().count() >= 2);
                    for form in std::iter::once(group.as_str()).chain(bare) {
                        if let Some(rest) = short.strip_suffix(form)
                            && rest.chars().count() >= MIN_SHORT_CHARS
                        {
                            short = rest;
                            continue 'strip;
                        }
                    }
                }
                break;
            }
        }
        (short != name && short.chars().count() >= MIN_SHORT_CHARS).then(|| short.to_string())
    }
}

impl Tables {
    fn build() -> Self {
        let affixes = Affixes::parse(AFFIXES);
        let mut t = Tables {
            zones: affixes.zones.clone(),
            ..Tables::default()
        };
        for line in DIVISIONS.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('@') {
                t.provinces.push(Province {
                    name: name.trim().to_string(),
                    cities: Vec::new(),
                });
                continue;
            }
            let Some(province) = t.provinces.len().checked_sub(1) else {
                continue;
            };
            let mut names = line.split_whitespace();
            let Some(city_name) = names.next() else {
                continue;
            };
            let city = t.cities.len();
            t.cities.push(City {
                name: city_name.to_string(),
                province,
            });
            if let Some(p) = t.provinces.get_mut(province) {
                p.cities.push(city);
            }
            for county in names {
                t.counties.push(CountyEntry {
                    name: county.to_string(),
                    city,
                });
            }
        }

        // Full names, then short forms.
        let mut full: Vec<(String, Cand)> = Vec::new();
        for (i, p) in t.provinces.iter().enumerate() {
            full.push((p.name.clone(), t.cand(i, None, None)));
        }
        for (i, c) in t.cities.iter().enumerate() {
            full.push((c.name.clone(), t.cand(c.province, Some(i), None)));
        }
        for (i, k) in t.counties.iter().enumerate() {
            let province = t.cities.get(k.city).map_or(0, |c| c.province);
            full.push((k.name.clone(), t.cand(province, Some(k.city), Some(i))));
        }
        for (name, cand) in &full {
            t.add(name, *cand);
        }
        for (name, cand) in &full {
            if let Some(short) = affixes.short_form(name) {
                t.add(&short, *cand);
            }
        }

        // Former names, resolved through the current ones.
        let mut former = Vec::new();
        for line in FORMER.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let (Some(old), Some(new)) = (parts.next(), parts.next()) else {
                continue;
            };
            if let Some(cand) = t.resolve_exact(new) {
                former.push((old.to_string(), cand));
            }
        }
        for (old, cand) in former {
            let cand = Cand {
                former: true,
                ..cand
            };
            // The short form only where it does not already name a current division
            // (柳州 stays 柳州市; 襄樊 is 襄阳市).
            if let Some(short) = affixes.short_form(&old)
                && !t.keys.contains_key(&short)
            {
                t.add(&short, cand);
            }
            t.add(&old, cand);
        }
        t
    }

    fn cand(&self, province: usize, city: Option<usize>, county: Option<usize>) -> Cand {
        Cand {
            province,
            city,
            county,
            former: false,
        }
    }

    fn add(&mut self, key: &str, cand: Cand) {
        let list = self.keys.entry(key.to_string()).or_default();
        if !list.contains(&cand) {
            list.push(cand);
        }
        self.max_chars = self.max_chars.max(key.chars().count());
    }

    /// The single division that `text` names completely, by current names only.
    fn resolve_exact(&self, text: &str) -> Option<Cand> {
        let mut state = State::default();
        let mut pos = 0;
        while let Some((end, step)) = self.next_match(text, pos, &state) {
            state = step;
            pos = end;
        }
        if pos != text.len() {
            return None;
        }
        let province = state.province?;
        let county = match state.county {
            Some(County::Known(k)) => Some(k),
            Some(County::Named(_)) => return None,
            None => None,
        };
        Some(self.cand(province, state.city, county))
    }

    /// The longest division name at byte `pos` that can follow `state`, as the byte where it
    /// ends and the state after it.
    fn next_match(&self, text: &str, pos: usize, state: &State) -> Option<(usize, State)> {
        let rest = text.get(pos..)?;
        let ends: Vec<usize> = rest
            .char_indices()
            .map(|(i, c)| pos + i + c.len_utf8())
            .take(self.max_chars.max(1))
            .collect();
        for (n, &end) in ends.iter().enumerate().rev() {
            if n + 1 < MIN_SHORT_CHARS {
                break;
            }
            let Some(key) = text.get(pos..end) else {
                continue;
            };
            if let Some(next) = self.lookup(key, state) {
                return Some((end, next));
            }
        }
        // A development zone right after a prefecture acts as its county.
        if state.city.is_some() && state.county.is_none() {
            for zone in &self.zones {
                if rest.starts_with(zone.as_str()) {
                    let mut next = state.clone();
                    next.county = Some(County::Named(zone.clone()));
                    return Some((pos + zone.len(), next));
                }
            }
        }
        None
    }

    /// The state after `key`, if it names a division that can follow `state`. Among several,
    /// the highest level wins (湘潭 is 湘潭市 before 湘潭县); several at that level keep only
    /// what they share.
    fn lookup(&self, key: &str, state: &State) -> Option<State> {
        let fitting: Vec<&Cand> = self
            .keys
            .get(key)?
            .iter()
            .filter(|c| c.fits(state))
            .collect();
        let level = fitting.iter().map(|c| c.level()).min()?;
        let at: Vec<&&Cand> = fitting.iter().filter(|c| c.level() == level).collect();
        let first = at.first()?;
        let mut next = state.clone();
        if at.iter().all(|c| c.province == first.province) {
            next.province = Some(first.province);
        }
        if level >= 1 && at.iter().all(|c| c.city == first.city) {
            next.city = first.city;
        }
        if level == 2 {
            next.county = if at.len() == 1 {
                first.county.map(County::Known)
            } else {
                // One name in several prefectures: keep the name (the key if it is a full
                // name, else the full name they all share).
                let names: Vec<&str> = at
                    .iter()
                    .filter_map(|c| c.county)
                    .filter_map(|k| self.counties.get(k).map(|e| e.name.as_str()))
                    .collect();
                let name = names.first().copied().unwrap_or(key);
                let name = if names.iter().all(|n| *n == name) {
                    name
                } else {
                    key
                };
                Some(County::Named(name.to_string()))
            };
        }
        // A municipality is its own (only) prefecture.
        if next.city.is_none()
            && let Some(p) = next.province.and_then(|p| self.provinces.get(p))
            && let [only] = p.cities.as_slice()
            && self.cities.get(*only).is_some_and(|c| c.name == p.name)
        {
            next.city = Some(*only);
        }
        Some(next)
    }

    fn location(&self, state: &State, detail: String) -> Location {
        let province = state
            .province
            .and_then(|p| self.provinces.get(p))
            .map(|p| p.name.clone());
        let city = state
            .city
            .and_then(|c| self.cities.get(c))
            .map(|c| c.name.clone());
        let county = match &state.county {
            Some(County::Known(k)) => self.counties.get(*k).map(|k| k.name.clone()),
            Some(County::Named(n)) => Some(n.clone()),
            None => None,
        };
        let mut full = String::new();
        if let Some(p) = &province {
            full.push_str(p);
        }
        if let Some(c) = &city
            && province.as_deref() != Some(c.as_str())
        {
            full.push_str(c);
        }
        if let Some(k) = &county {
            full.push_str(k);
        }
        full.push_str(&detail);
        Location {
            province,
            city,
            county,
            detail,
            full,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn parts(text: &str) -> (Option<String>, Option<String>, Option<String>, String) {
        let l = resolve(text);
        (l.province, l.city, l.county, l.detail)
    }

    fn s(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn full_names_and_detail() {
        let l = resolve("湖南省湘潭市湘潭县城塘社区");
        assert_eq!(l.province, s("湖南省"));
        assert_eq!(l.city, s("湘潭市"));
        assert_eq!(l.county, s("湘潭县"));
        assert_eq!(l.detail, "城塘社区");
        assert_eq!(l.full, "湖南省湘潭市湘潭县城塘社区");
    }

    #[test]
    fn short_forms() {
        assert_eq!(
            parts("湖南湘潭城塘社区"),
            (s("湖南省"), s("湘潭市"), None, "城塘社区".into())
        );
        assert_eq!(
            parts("新疆巴音郭楞"),
            (
                s("新疆维吾尔自治区"),
                s("巴音郭楞蒙古自治州"),
                None,
                String::new()
            )
        );
        assert_eq!(parts("科尔沁").2, s("科尔沁区"));
        assert_eq!(parts("云南红河").1, s("红河哈尼族彝族自治州"));
        // One character is never enough: 赵县 has no short form.
        assert_eq!(parts("赵家村").0, None);
    }

    #[test]
    fn longest_match_wins() {
        assert_eq!(
            parts("河北区"),
            (s("天津市"), s("天津市"), s("河北区"), String::new())
        );
        assert_eq!(resolve("河北区").full, "天津市河北区");
        assert_eq!(parts("河北省").0, s("河北省"));
        assert_eq!(parts("海南藏族自治州").0, s("青海省"));
    }

    #[test]
    fn parents_inferred_from_children() {
        assert_eq!(
            parts("老河口市天气"),
            (s("湖北省"), s("襄阳市"), s("老河口市"), "天气".into())
        );
    }

    #[test]
    fn shared_county_names_stay_alone() {
        let l = resolve("西湖区蒋村");
        assert_eq!((l.province, l.city), (None, None));
        assert_eq!(l.county, s("西湖区"));
        assert_eq!(l.full, "西湖区蒋村");
        // Named parent settles it.
        assert_eq!(parts("杭州市西湖区").0, s("浙江省"));
    }

    #[test]
    fn municipalities_are_their_own_city() {
        let l = resolve("重庆解放碑");
        assert_eq!(l.province, s("重庆市"));
        assert_eq!(l.city, s("重庆市"));
        assert_eq!(l.full, "重庆市解放碑");
    }

    #[test]
    fn former_names_become_current() {
        assert_eq!(parts("湖北省襄樊市").1, s("襄阳市"));
        assert_eq!(parts("襄樊").1, s("襄阳市"));
        assert_eq!(parts("成都市新津县金华镇").2, s("新津区"));
        assert_eq!(parts("莱芜市").2, s("莱芜区"));
        assert_eq!(
            parts("柳州地区忻城县"),
            (s("广西壮族自治区"), s("来宾市"), s("忻城县"), String::new())
        );
        // Every former name resolves to a current division.
        for line in FORMER
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let new = line.split_whitespace().nth(1).unwrap();
            assert!(TABLES.resolve_exact(new).is_some(), "{line}");
        }
    }

    #[test]
    fn detail_is_not_searched_again() {
        let l = resolve("北海市重庆路其仓11号");
        assert_eq!(l.province, s("广西壮族自治区"));
        assert_eq!(l.detail, "重庆路其仓11号");
    }

    #[test]
    fn zones_follow_a_prefecture() {
        assert_eq!(parts("河北省秦皇岛市经济技术开发区").2, s("经济技术开发区"));
        assert_eq!(parts("经济技术开发区").2, None);
    }

    #[test]
    fn divisions_of_place_names() {
        let d = division("湘潭县").unwrap();
        assert_eq!(
            (d.province, d.city, d.county),
            (s("湖南省"), s("湘潭市"), s("湘潭县"))
        );
        let d = division("北京").unwrap();
        assert_eq!(
            (d.province, d.city, d.county),
            (s("北京市"), s("北京市"), None)
        );
        assert_eq!(division("襄樊").unwrap().city, s("襄阳市"));
        assert_eq!(division("深圳南山").unwrap().county, s("南山区"));
        // Leftover text, a shared county name, a bare county short form, no division.
        assert_eq!(division("北京路"), None);
        assert_eq!(division("西湖区"), None);
        assert_eq!(division("南海"), None);
        assert_eq!(division("永平街"), None);
        assert_eq!(division(""), None);
    }

    #[test]
    fn shared_county_names_settled_by_the_article() {
        let of = |name: &str| division(name).unwrap();
        let guangzhou = of("广州市");
        let guiyang = of("贵阳市");
        let baiyun = division_in("白云区", std::slice::from_ref(&guangzhou)).unwrap();
        assert_eq!(baiyun.city.as_deref(), Some("广州市"));
        assert_eq!(baiyun.province.as_deref(), Some("广东省"));
        assert_eq!(baiyun.county.as_deref(), Some("白云区"));
        let shanghai = of("上海");
        let putuo = division_in("普陀区", &[shanghai]).unwrap();
        assert_eq!(putuo.city.as_deref(), Some("上海市"));
        // Both candidates in the article, or none: left alone.
        assert_eq!(division_in("白云区", &[guangzhou.clone(), guiyang]), None);
        assert_eq!(division_in("白云区", &[]), None);
        assert_eq!(division_in("白云区", &[of("湖南省")]), None);
        // Only county-level names.
        assert_eq!(division_in("白云", std::slice::from_ref(&guangzhou)), None);
    }

    #[test]
    fn no_division_and_odd_input() {
        let l = resolve("一段普通的文字");
        assert_eq!(l.province, None);
        assert_eq!(l.full, "一段普通的文字");
        for t in ["", " ", "市", "省省省", "😀湖南", "湖"] {
            let _ = resolve(t);
        }
    }
}
