//! Splits the question bank by language for the release build: from the authors' domain
//! files (every text in every language), writes `<out>/<lang>/<file>` for each domain of the
//! index and each of its languages (`engine::content::split`), which is what the app fetches.
//! Refuses to write anything while a domain file has problems.
//! Run: `cargo run --example split_content -- static/content dist/content`.

use std::path::Path;

use kafaa::engine::bank::{DomainFile, Index};
use kafaa::engine::content::split;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [source, out] = args.as_slice() else {
        eprintln!("usage: split_content <content folder> <output folder>");
        std::process::exit(2);
    };
    let read = |path: &str| {
        let path = Path::new(source).join(path);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", path.display())))
    };
    let index = Index::parse("content/index.json", &read("index.json"))
        .unwrap_or_else(|p| fail(&p.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")));
    let mut written = 0;
    for entry in &index.domains {
        let text = read(&entry.file);
        if let Err(problems) = DomainFile::parse(&index, entry, &text) {
            fail(&problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"));
        }
        for lang in &index.languages {
            let path = Path::new(out).join(lang).join(&entry.file);
            let split =
                split::in_language(&text, lang).unwrap_or_else(|| fail(&format!("{}: not JSON", entry.file)));
            std::fs::create_dir_all(path.parent().expect("a file in a folder"))
                .and_then(|()| std::fs::write(&path, split))
                .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", path.display())));
            written += 1;
        }
    }
    println!("split {} domains into {written} files, one per language, under {out}", index.domains.len());
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}
