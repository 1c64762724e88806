//! Every record newsdrop writes validates against the JSON Schemas in `schema/`: the records
//! of the eval inputs (through `newsdrop extract`), failure records of bad files, and (through
//! [`Validator`]) every record the sink tests produce.

use std::path::Path;
use std::process::Stdio;

use crate::util::{Workspace, eval_inputs};

/// Compiled `schema/article.v1.json` and `schema/failure.v1.json`.
pub struct Validator {
    schemas: boon::Schemas,
    article: boon::SchemaIndex,
    failure: boon::SchemaIndex,
}

impl Validator {
    /// Loads and compiles both schemas from the repository root.
    pub fn new() -> Self {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema");
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        let mut load = |name: &str| {
            let text = std::fs::read_to_string(root.join(name)).unwrap();
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            let url = value["$id"].as_str().unwrap().to_string();
            compiler.add_resource(&url, value).unwrap();
            compiler
                .compile(&url, &mut schemas)
                .unwrap_or_else(|e| panic!("{name}: {e}"))
        };
        let article = load("article.v1.json");
        let failure = load("failure.v1.json");
        Validator {
            schemas,
            article,
            failure,
        }
    }

    /// Panics with the validation errors when `record` is not a valid article record.
    pub fn article(&self, record: &serde_json::Value) {
        if let Err(e) = self.schemas.validate(record, self.article) {
            panic!("article record does not match the schema: {e:#}\n{record}");
        }
    }

    /// Panics with the validation errors when `record` is not a valid failure record.
    pub fn failure(&self, record: &serde_json::Value) {
        if let Err(e) = self.schemas.validate(record, self.failure) {
            panic!("failure record does not match the schema: {e:#}\n{record}");
        }
    }
}

fn parse_lines(bytes: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(bytes.to_vec())
        .unwrap()
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad line {l:?}: {e}")))
        .collect()
}

#[test]
fn eval_records_and_failure_records_match_the_schemas() {
    let Some(inputs) = eval_inputs() else { return };
    let v = Validator::new();
    let ws = Workspace::new();
    let out = ws
        .command()
        .arg("extract")
        .args(&inputs)
        .stderr(Stdio::null())
        .output()
        .unwrap();
    let records = parse_lines(&out.stdout);
    assert!(records.len() >= inputs.len(), "{} records", records.len());
    for r in &records {
        v.article(r);
    }

    let bad = ws.root().join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(bad.join("empty.txt"), b"").unwrap();
    std::fs::write(
        bad.join("binary.bin"),
        [0u8, 159, 146, 150, 0, 1, 2, 3].repeat(64),
    )
    .unwrap();
    let out = ws
        .command()
        .arg("extract")
        .arg(&bad)
        .arg(ws.root().join("does-not-exist.txt"))
        .output()
        .unwrap();
    let failures = parse_lines(&out.stderr);
    assert_eq!(
        failures.len(),
        3,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in &failures {
        v.failure(f);
    }
}

#[test]
fn the_schemas_reject_what_the_record_model_forbids() {
    let v = Validator::new();
    let Some(inputs) = eval_inputs() else { return };
    let ws = Workspace::new();
    let out = ws
        .command()
        .arg("extract")
        .arg(&inputs[0])
        .output()
        .unwrap();
    let record = parse_lines(&out.stdout).remove(0);
    v.article(&record);
    for (field, value) in [
        ("schema", serde_json::json!("newsdrop.article.v2")),
        ("title", serde_json::json!(7)),
        ("tags", serde_json::json!(null)),
        ("extra", serde_json::json!(1)),
    ] {
        let mut bad = record.clone();
        bad[field] = value;
        assert!(
            v.schemas.validate(&bad, v.article).is_err(),
            "{field} accepted"
        );
    }
}
