//! Precise reports of what is wrong in a file the app reads.
//!
//! A problem names the file, the item (when there is one), the field as a JSON path and what is
//! wrong as data, so that the UI can say it in the user's language and `cargo test` can list it.

use std::fmt;

/// One thing wrong in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file as the app fetched it, e.g. `content/bank.json`.
    pub file: String,
    /// The id of the item the problem is in, when it is in an item that has an id.
    pub item: Option<String>,
    /// Where in the file, as a path such as `items[3].options[1].text.fr`.
    pub path: String,
    pub kind: ProblemKind,
}

/// What is wrong, with the values needed to explain it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file is not valid JSON.
    Syntax { line: usize, column: usize },
    /// A required field is absent.
    Missing,
    /// The field holds the wrong kind of value.
    WrongType { expected: Expected },
    /// A text or list that must not be empty is empty.
    Empty,
    /// The file's `schema` is one this version cannot read.
    UnsupportedSchema { found: String },
    /// An id is used twice where ids must be unique.
    DuplicateId { id: String },
    /// A reference to a domain the bank does not define.
    UnknownDomain { id: String },
    /// A reference to a sub-topic the item's domain does not define.
    UnknownSubtopic { id: String },
    /// A question type this version does not know.
    UnknownType { found: String },
    /// A question type the format reserves but this version cannot show yet.
    UnsupportedType { found: String },
    /// A difficulty other than easy, medium or hard.
    UnknownDifficulty { found: String },
    /// An id that something else relies on is not defined (a family the questionnaire uses).
    NeededId { id: String },
    /// A text lacks one of the bank's declared languages.
    MissingLanguage { lang: String },
    /// An answer names an option that does not exist.
    UnknownOption { id: String },
    /// Too few options for the question type.
    TooFewOptions { min: usize, found: usize },
    /// Two options carry the same text in one language.
    DuplicateOptionText { lang: String },
    /// A multiple-select answer lists every option, or lists one twice.
    BadAnswerSet,
    /// An ordering answer that does not list every option exactly once.
    BadOrder,
    /// Ordering options authored in the right order: the learner would have nothing to do.
    AlreadyInOrder,
    /// A matching answer that leaves an option unmatched or uses a target twice.
    BadPairs,
    /// A value outside what its field allows.
    OutOfRange { range: Range },
    /// A settings file that does not have the expected shape; the detail comes from the parser.
    Shape { line: usize, column: usize, detail: String },
    /// A key the format does not have (a typo, or a message no longer used).
    Unexpected,
    /// Two values that must be in order are not (e.g. level thresholds, min and max lengths).
    OutOfOrder,
}

/// The kinds of JSON value a field can expect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Object,
    Array,
    String,
    Boolean,
    Integer,
    Number,
    StringOrArray,
}

impl Expected {
    pub fn as_str(self) -> &'static str {
        match self {
            Expected::Object => "an object",
            Expected::Array => "a list",
            Expected::String => "a text",
            Expected::Boolean => "true or false",
            Expected::Integer => "a whole number",
            Expected::Number => "a number",
            Expected::StringOrArray => "an option id or a list of option ids",
        }
    }
}

/// What a field's value must be, when it is not: a fixed set of phrases, so that the interface
/// words them in the user's language (the catalogs' `problem_ranges`, in this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Range {
    AboveZero,
    AboveZeroAtMostTwo,
    AboveZeroAtMostFour,
    MinusFourToFour,
    ZeroToBelowHalf,
    ZeroToOne,
    AtLeastOne,
    ZeroOrBelow,
    NullForFirstLevel,
    NotAllZero,
    WebAddress,
    Year,
    JsonFileInContent,
    AtMost24Items,
    OneToFifty,
    OneTo240,
    Key,
    HexId,
    Direction,
    KeyId,
}

impl Range {
    /// Every range, in the catalogs' order (`Range::X as usize` is its place).
    pub const ALL: [Range; 20] = [
        Range::AboveZero,
        Range::AboveZeroAtMostTwo,
        Range::AboveZeroAtMostFour,
        Range::MinusFourToFour,
        Range::ZeroToBelowHalf,
        Range::ZeroToOne,
        Range::AtLeastOne,
        Range::ZeroOrBelow,
        Range::NullForFirstLevel,
        Range::NotAllZero,
        Range::WebAddress,
        Range::Year,
        Range::JsonFileInContent,
        Range::AtMost24Items,
        Range::OneToFifty,
        Range::OneTo240,
        Range::Key,
        Range::HexId,
        Range::Direction,
        Range::KeyId,
    ];

    /// The phrase in English, as in the English catalog.
    pub fn as_str(self) -> &'static str {
        match self {
            Range::AboveZero => "above 0",
            Range::AboveZeroAtMostTwo => "above 0 and at most 2",
            Range::AboveZeroAtMostFour => "above 0 and at most 4",
            Range::MinusFourToFour => "from -4 to 4",
            Range::ZeroToBelowHalf => "from 0 to below 0.5",
            Range::ZeroToOne => "from 0 to 1",
            Range::AtLeastOne => "at least 1",
            Range::ZeroOrBelow => "0 or below",
            Range::NullForFirstLevel => "null for the first level",
            Range::NotAllZero => "0 or more each, not all 0",
            Range::WebAddress => "a web address",
            Range::Year => "a year",
            Range::JsonFileInContent => "a .json file inside content/",
            Range::AtMost24Items => "at most 24 items",
            Range::OneToFifty => "from 1 to 50",
            Range::OneTo240 => "from 1 to 240",
            Range::Key => "a 32-byte key in base64url",
            Range::HexId => "16 hexadecimal digits",
            Range::Direction => "ltr or rtl for every dir",
            Range::KeyId => "the first 16 hexadecimal digits of its public key (the link was changed)",
        }
    }
}

impl Problem {
    /// The problem of a file that is not JSON, with where reading it stopped. (Its shape is
    /// read after, by hand: `fields`, the bank's reader.)
    pub fn from_json(file: &str, e: &super::json::Syntax) -> Problem {
        let kind = ProblemKind::Syntax { line: e.line, column: e.column };
        Problem { file: file.to_string(), item: None, path: String::new(), kind }
    }
}

/// English rendering, used by `cargo test`, the content report and as the UI's English text.
impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::Syntax { line, column } => {
                write!(f, "is not valid JSON (line {line}, column {column})")
            }
            ProblemKind::Missing => write!(f, "is missing"),
            ProblemKind::NeededId { id } => {
                write!(f, "does not define \"{id}\", which the interest questionnaire uses")
            }
            ProblemKind::WrongType { expected } => write!(f, "should be {}", expected.as_str()),
            ProblemKind::Empty => write!(f, "is empty"),
            ProblemKind::UnsupportedSchema { found } => {
                write!(f, "schema {found} is not one this version of Kafaa can read")
            }
            ProblemKind::DuplicateId { id } => write!(f, "id \"{id}\" is used more than once"),
            ProblemKind::UnknownDomain { id } => {
                write!(f, "names domain \"{id}\", which the bank does not define")
            }
            ProblemKind::UnknownSubtopic { id } => {
                write!(f, "names sub-topic \"{id}\", which the item's domain does not define")
            }
            ProblemKind::UnknownType { found } => write!(
                f,
                "question type \"{found}\" is unknown (use single_choice, multiple_select, true_false, ordering or matching)"
            ),
            ProblemKind::UnsupportedType { found } => {
                write!(f, "question type \"{found}\" is planned but not supported yet")
            }
            ProblemKind::UnknownDifficulty { found } => {
                write!(f, "difficulty \"{found}\" is unknown (use easy, medium or hard)")
            }
            ProblemKind::MissingLanguage { lang } => {
                write!(f, "has no text in \"{lang}\", a language the bank declares")
            }
            ProblemKind::UnknownOption { id } => write!(f, "names option \"{id}\", which does not exist"),
            ProblemKind::TooFewOptions { min, found } => {
                write!(f, "has {found} options; at least {min} are needed")
            }
            ProblemKind::DuplicateOptionText { lang } => {
                write!(f, "has two options with the same text in \"{lang}\"")
            }
            ProblemKind::BadAnswerSet => {
                write!(f, "must list at least one option, not all of them, and none twice")
            }
            ProblemKind::BadOrder => write!(f, "must list every option exactly once, in the right order"),
            ProblemKind::AlreadyInOrder => {
                write!(f, "are listed in the right order already; list them shuffled")
            }
            ProblemKind::BadPairs => write!(f, "must match every option to a different target"),
            ProblemKind::OutOfRange { range } => write!(f, "must be {}", range.as_str()),
            ProblemKind::Shape { line, column, detail } => {
                write!(f, "does not have the expected shape (line {line}, column {column}): {detail}")
            }
            ProblemKind::OutOfOrder => write!(f, "is out of order"),
            ProblemKind::Unexpected => write!(f, "is not a known key"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(item) = &self.item {
            write!(f, ", item {item}")?;
        }
        if !self.path.is_empty() {
            write!(f, ", {}", self.path)?;
        }
        write!(f, ": {}", self.kind)
    }
}
