//! Properties: numbers written as Chinese numerals parse back to the same number, and the
//! statistic, date and quote extractors never panic and never yield NaN or infinity.

use newsdrop_core::fields::numerals::{self, Dec, Mode, Style};
use newsdrop_core::fields::{dates, money, quantity, quotes};
use proptest::prelude::*;

fn cfg() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        ..ProptestConfig::default()
    }
}

/// Text that is dense in the characters the extractors react to.
fn newsy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "一",
        "两",
        "十",
        "百",
        "千",
        "万",
        "亿",
        "零",
        "〇",
        "廿",
        "半",
        "数",
        "几",
        "上",
        "余",
        "多",
        "近",
        "约",
        "逾",
        "超过",
        "至少",
        "以上",
        "左右",
        "至",
        "到",
        "-",
        "~",
        "个",
        "名",
        "人次",
        "元",
        "万元",
        "小时",
        "天",
        "日",
        "月",
        "年",
        "号",
        "点",
        "分",
        "%",
        "成",
        "第",
        "整",
        "“",
        "”",
        "「",
        "」",
        "，",
        "。",
        "、",
        "\n",
        " ",
        "0",
        "1",
        "2",
        "5",
        "9",
        ".",
        ",",
        "k",
        "KN95",
        "口罩",
        "志愿者",
        "说",
        "表示",
        "：",
        "(含)",
        "百分之",
        "块钱",
        "角",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(cfg())]

    #[test]
    fn integers_round_trip(n in 0u64..10_000_000_000_000_000) {
        for style in [Style::Lower, Style::Upper] {
            let cn = numerals::format_str(&n.to_string(), style).unwrap();
            let back = numerals::parse_mode(&cn, Mode::Strict);
            prop_assert_eq!(back, Some(Dec::int(i128::from(n))), "{} → {}", n, cn);
            prop_assert_eq!(numerals::parse(&cn), Some(n as f64));
        }
    }

    #[test]
    fn small_integers_round_trip_exactly(n in 0u32..100_000) {
        let cn = numerals::format(f64::from(n)).unwrap();
        prop_assert_eq!(numerals::parse(&cn), Some(f64::from(n)), "{}", cn);
    }

    #[test]
    fn decimals_round_trip(int in 0u64..1_000_000_000_000, frac in "[0-9]{0,5}[1-9]", neg in any::<bool>()) {
        let text = format!("{}{int}.{frac}", if neg { "-" } else { "" });
        let cn = numerals::format_str(&text, Style::Lower).unwrap();
        let want = Dec::parse_arabic(&text).unwrap();
        prop_assert_eq!(numerals::parse_mode(&cn, Mode::Strict), Some(want), "{} → {}", text, cn);
        let f: f64 = text.parse().unwrap();
        prop_assert_eq!(numerals::parse(&cn), Some(f));
    }

    #[test]
    fn float_values_round_trip(x in -1.0e12f64..1.0e12) {
        let cn = numerals::format(x).unwrap();
        prop_assert_eq!(numerals::parse(&cn), Some(x), "{}", cn);
    }

    #[test]
    fn extractors_never_panic_on_any_text(s in any::<String>()) {
        for q in quantity::extract(&s) {
            prop_assert!(q.value.is_finite());
            prop_assert!(q.value_max.is_none_or(f64::is_finite));
        }
        let _ = dates::extract(&s, Some("2020-02-28T14:19:17+08:00"));
        let _ = quotes::extract(&s, &[]);
        let _ = money::extract_money(&s);
        let _ = money::parse_money(&s);
        let _ = numerals::parse(&s);
    }

    #[test]
    fn extractors_never_panic_on_newsy_text(s in newsy_text()) {
        for q in quantity::extract(&s) {
            prop_assert!(q.value.is_finite(), "{:?}", q);
            prop_assert!(q.value_max.is_none_or(f64::is_finite), "{:?}", q);
            prop_assert!(s.contains(q.text.as_str()));
        }
        for d in dates::extract(&s, None) {
            prop_assert!(s.contains(d.text.as_str()));
        }
        let _ = quotes::extract(&s, &[]);
        let _ = money::extract_money(&s);
        let _ = money::parse_money(&s);
    }
}
