//! Prelude tree-shaking keeps what a program can reach and drops the rest.

fn function_names(src: &str) -> Vec<String> {
    let m = switchyard_js::compile_js(src, "t.js").expect("compiles");
    m.funcs.iter().map(|f| f.name.clone()).collect()
}

fn has(names: &[String], part: &str) -> bool {
    names.iter().any(|n| n.contains(part))
}

#[test]
fn a_tiny_program_compiles_only_a_little_of_the_prelude() {
    let tiny = function_names("console.log(1)");
    let sorting = function_names("console.log([3, 1, 2].sort().join('-'))");
    assert!(!has(&tiny, "sort"), "sort should be shaken out");
    assert!(has(&sorting, "sort"), "sort is used and must be kept");
    assert!(
        !has(&tiny, "stringify"),
        "JSON.stringify should be shaken out"
    );
    assert!(
        tiny.len() < sorting.len(),
        "a program using sort keeps more ({} functions) than console.log(1) ({})",
        sorting.len(),
        tiny.len()
    );
}

#[test]
fn names_reached_only_through_strings_are_kept() {
    let names = function_names("const k = 'padStart'; console.log('7'[k](3, '0'))");
    assert!(
        has(&names, "padStart"),
        "a string literal naming a method keeps it"
    );
}

#[test]
fn error_constructors_are_kept_when_named() {
    let without = function_names("console.log(1)");
    let with = function_names(
        "try { throw new RangeError('x') } catch (e) { console.log(e instanceof RangeError) }",
    );
    assert!(
        !without.iter().any(|n| n.ends_with("RangeError")),
        "{without:?}"
    );
    assert!(with.iter().any(|n| n.contains("RangeError")));
}
