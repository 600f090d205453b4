//! CLDR cardinal plural categories for whole numbers in the interface languages.
//! A few lines per language instead of a plural-rules crate with every locale in it;
//! tests compare them with `intl_pluralrules` (CLDR data) for 0 to 1000.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    One,
    Few,
    Many,
    Other,
}

/// The category of the whole number `n` in the language `primary` (`pl`, `sr`, …).
pub fn category(primary: &str, n: u64) -> Category {
    let (i10, i100) = (n % 10, n % 100);
    match primary {
        "en" | "ka" => {
            if n == 1 {
                Category::One
            } else {
                Category::Other
            }
        }
        "pl" => match n {
            1 => Category::One,
            _ if (2..=4).contains(&i10) && !(12..=14).contains(&i100) => Category::Few,
            _ => Category::Many,
        },
        // Serbian and Bosnian share the rule.
        "sr" | "bs" => {
            if i10 == 1 && i100 != 11 {
                Category::One
            } else if (2..=4).contains(&i10) && !(12..=14).contains(&i100) {
                Category::Few
            } else {
                Category::Other
            }
        }
        _ => Category::Other,
    }
}

/// One message in each plural form a language uses; `{}` stands for the number.
/// Forms a language does not use repeat `other`.
pub struct Plural {
    pub one: &'static str,
    pub few: &'static str,
    pub many: &'static str,
    pub other: &'static str,
}

impl Plural {
    pub fn form(&self, category: Category) -> &'static str {
        match category {
            Category::One => self.one,
            Category::Few => self.few,
            Category::Many => self.many,
            Category::Other => self.other,
        }
    }
}
