//! The stylesheet minifier used by `build.rs`: it removes comments and needless
//! whitespace and changes nothing else.

#[path = "../build/minify_css.rs"]
mod minify_css;
use minify_css::minify;

#[test]
fn comments_and_whitespace_around_braces_semicolons_and_commas_go() {
    let css = "/* head */\n.a ,\n.b {\n  color: red ;\n  /* why */\n  margin: 0 auto;\n}\n";
    assert_eq!(minify(css).unwrap(), ".a,.b{color: red;margin: 0 auto;}");
}

#[test]
fn whitespace_that_separates_tokens_stays_as_one_space() {
    let css = ".fw :focus-visible { outline: 3px  solid\n\tvar(--x); }\n:where(.fw) :where(ul, ol) {}\n@media print and (max-width: 10em) { .a  .b { x: y } }";
    assert_eq!(
        minify(css).unwrap(),
        ".fw :focus-visible{outline: 3px solid var(--x);}:where(.fw) :where(ul,ol){}@media print and (max-width: 10em){.a .b{x: y}}"
    );
}

#[test]
fn strings_and_escapes_are_copied_as_they_are() {
    let css = ".a::before { content: \" (  /* not a comment */ ; { \\\" \"; }\n.b\\ c { content: '\\'  ,' }";
    assert_eq!(
        minify(css).unwrap(),
        ".a::before{content: \" (  /* not a comment */ ; { \\\" \";}.b\\ c{content: '\\'  ,'}"
    );
}

#[test]
fn a_comment_between_two_tokens_is_refused_rather_than_joining_them() {
    assert!(minify(".a/**/.b { x: y }").is_err());
    assert!(minify("a { margin: 1px/* x */2px }").is_err());
    assert_eq!(minify(".a /* x */.b{}").unwrap(), ".a .b{}");
    assert_eq!(minify(".a{x: y;/* x */}").unwrap(), ".a{x: y;}");
}

#[test]
fn broken_input_is_refused() {
    assert!(minify(".a { x: y } /* open").is_err());
    assert!(minify(".a::before { content: \"open }").is_err());
}

#[test]
fn the_widget_stylesheets_minify_and_lose_only_comments_and_whitespace() {
    for css in [
        include_str!("../src/widget.css"),
        include_str!("../src/schedule.css"),
    ] {
        stylesheet_loses_only_comments_and_whitespace(css);
    }
}

fn stylesheet_loses_only_comments_and_whitespace(css: &str) {
    let minified = minify(css).unwrap();
    assert!(minified.len() < css.len() * 9 / 10);
    assert!(!minified.contains("/*"));
    let significant = |s: &str| -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(start) = rest.find("/*") {
            out.push_str(&rest[..start]);
            rest = &rest[start + 2..];
            rest = &rest[rest.find("*/").map_or(rest.len(), |e| e + 2)..];
        }
        out.push_str(rest);
        out.chars().filter(|c| !c.is_whitespace()).collect()
    };
    assert_eq!(significant(&minified), significant(css));
}
