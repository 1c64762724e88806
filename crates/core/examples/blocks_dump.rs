//! Prints the blocks of a page (debugging aid): `cargo run --example blocks_dump -- FILE`.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    match newsdrop_core::decode::decode(&bytes, &path) {
        Ok(d) => match newsdrop_core::blocks::to_blocks(&d, &path) {
            Ok(blocks) => {
                for b in blocks {
                    println!("{:?}\t{}", b.kind, b.text);
                }
            }
            Err(e) => println!("blocks error: {e}"),
        },
        Err(e) => println!("decode error: {e}"),
    }
}
