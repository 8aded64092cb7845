//! Parsing CSV text into a header row and data rows that remember their line in the file.

use csv::ReaderBuilder;

use super::CsvImportError;

/// A parsed CSV file: the header row and the data rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// The header cells as written (a leading byte-order mark removed).
    pub headers: Vec<String>,
    /// 1-based line of the header row (after any blank lines at the top).
    pub header_line: usize,
    /// The data rows in file order, each with exactly one cell per header.
    pub rows: Vec<TableRow>,
    /// The legacy encoding the file was decoded from when it was not Unicode, e.g. "Windows-1252".
    pub legacy_encoding: Option<&'static str>,
}

/// One data row and where it starts in the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableRow {
    /// 1-based line where the record starts (a quoted cell may run over several lines).
    pub line: usize,
    /// The cells as written, one per header.
    pub cells: Vec<String>,
}

impl Table {
    /// Which form export this is, as far as its heading row tells: the same for every part of
    /// one export (and for later downloads of the same form), different for another form.
    /// FNV-1a of the trimmed headings: stable across versions, unlike the std hasher.
    pub fn fingerprint(&self) -> String {
        const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
        const PRIME: u64 = 0x0100_0000_01b3;
        let mut hash = OFFSET;
        for (i, header) in self.headers.iter().enumerate() {
            let separator = if i == 0 { &[][..] } else { &[0x1f][..] };
            for &byte in separator.iter().chain(header.trim().as_bytes()) {
                hash = (hash ^ u64::from(byte)).wrapping_mul(PRIME);
            }
        }
        format!("form-{hash:016x}")
    }
}

/// A record as the parser gave it: its first line and its cells.
type Record = (usize, Vec<String>);

/// Parses CSV text: a header row, then one row per respondent. Separators are `,`, or `;`
/// (European Excel) or tab when the header row has no comma; quoted cells may hold separators
/// and line breaks. A row with a different number of cells than the header is an error.
pub fn read_table(text: &str) -> Result<Table, CsvImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(CsvImportError::Empty { file: None });
    }
    let mut records = records(text)?.into_iter();
    let Some((header_line, headers)) = records.next() else {
        return Err(CsvImportError::Empty { file: None });
    };
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(CsvImportError::NoHeadings {
            file: None,
            line: header_line,
        });
    }
    let rows = records
        .map(|(line, cells)| {
            if cells.len() == headers.len() {
                Ok(TableRow { line, cells })
            } else {
                Err(CsvImportError::Ragged {
                    file: None,
                    line,
                    found: cells.len(),
                    expected: headers.len(),
                })
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Table {
        headers,
        header_line,
        rows,
        legacy_encoding: None,
    })
}

/// All records of `text`, ragged or not.
fn parse(text: &str, delimiter: u8) -> Result<Vec<Record>, CsvImportError> {
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut lines = LineCounter::new(text);
    let mut records = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| CsvImportError::Parse {
            file: None,
            line: e.position().map(|p| lines.line_at(p.byte())),
            message: e.to_string(),
        })?;
        let line = lines.line_at(record.position().map_or(0, |p| p.byte()));
        records.push((line, record.iter().map(str::to_owned).collect()));
    }
    Ok(records)
}

/// Line numbers for the byte offsets the csv reader gives. Its own line count is wrong after
/// blank lines and with `\r\n` endings (Excel's and Forms' own), and its byte offset points at
/// the line break before a record rather than at the record, so both are corrected here.
struct LineCounter<'t> {
    text: &'t [u8],
    /// Bytes before `pos` have been counted.
    pos: usize,
    /// 1-based line at `pos`.
    line: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text: text.as_bytes(),
            pos: 0,
            line: 1,
        }
    }

    /// The line of the first byte at or after `byte` that is not a line break. Offsets must
    /// come in increasing order (records do).
    fn line_at(&mut self, byte: u64) -> usize {
        let mut target = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while matches!(self.text.get(target), Some(b'\r' | b'\n')) {
            target += 1;
        }
        while self.pos < target {
            let lone_cr =
                self.text[self.pos] == b'\r' && self.text.get(self.pos + 1) != Some(&b'\n');
            if self.text[self.pos] == b'\n' || lone_cr {
                self.line += 1;
            }
            self.pos += 1;
        }
        self.line
    }
}

/// The records of `text`, parsed once in the usual case. The separator is `,` unless the
/// header row has none but has `;` (or a tab). When that reading gives rows of unequal length
/// and another separator gives a clean table of several columns, the other one wins: a `;`
/// file whose headings contain commas is still a `;` file.
fn records(text: &str) -> Result<Vec<Record>, CsvImportError> {
    let preferred = preferred_delimiter(text);
    let records = parse(text, preferred)?;
    if rectangular_width(&records).is_some() {
        return Ok(records);
    }
    let other = [b',', b';', b'\t']
        .into_iter()
        .filter(|&d| d != preferred)
        .find_map(|d| {
            let other = parse(text, d).ok()?;
            rectangular_width(&other)
                .is_some_and(|width| width > 1)
                .then_some(other)
        });
    Ok(other.unwrap_or(records))
}

/// The separator the header row suggests.
fn preferred_delimiter(text: &str) -> u8 {
    let header = first_record_separators(text);
    if header.contains(&b',') {
        b','
    } else if header.contains(&b';') {
        b';'
    } else if header.contains(&b'\t') {
        b'\t'
    } else {
        b','
    }
}

/// The candidate separators that occur outside quotes in the first record.
fn first_record_separators(text: &str) -> Vec<u8> {
    let mut quoted = false;
    let mut found = Vec::new();
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' | b';' | b'\t' if !quoted => found.push(b),
            _ => {}
        }
    }
    found
}

/// The number of columns when every record has the same number, else `None`.
fn rectangular_width(records: &[Record]) -> Option<usize> {
    let width = records.first()?.1.len();
    records
        .iter()
        .all(|(_, cells)| cells.len() == width)
        .then_some(width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators() {
        let width = |text: &str| read_table(text).map(|t| t.headers.len()).unwrap_or(0);
        assert_eq!(width("a,b\n1,2\n"), 2);
        assert_eq!(width("a;b\n1;2\n"), 2);
        assert_eq!(width("a\tb\n1\t2\n"), 2);
        // A comma inside a quoted heading does not count.
        assert_eq!(width("\"a,x\";b\n1;2\n"), 2);
        // An unquoted comma in a `;` heading: the `;` reading is the clean one.
        assert_eq!(width("Who, when;b;c\n1;2;3\n4;5;6\n"), 3);
        // A ragged comma file stays a comma file, so the error is about the real row.
        assert!(matches!(
            read_table("a,b\n1,2,3\n"),
            Err(CsvImportError::Ragged {
                found: 3,
                expected: 2,
                ..
            })
        ));
    }

    fn lines(text: &str) -> (usize, Vec<usize>) {
        let t = read_table(text).unwrap();
        (t.header_line, t.rows.iter().map(|r| r.line).collect())
    }

    #[test]
    fn line_numbers_survive_blank_lines_crlf_and_quoted_breaks() {
        assert_eq!(lines("a,b\n\n1,2\n\n3,4\n"), (1, vec![3, 5]));
        assert_eq!(lines("a,b\r\n\r\n1,2\r\n3,4"), (1, vec![3, 4]));
        assert_eq!(lines("\n\na,b\n1,2\n"), (3, vec![4]));
        assert_eq!(lines("a,b\n\"x\r\ny\",2\r\n3,4\r\n"), (1, vec![2, 4]));
        assert_eq!(lines("a,b\r\"x\ry\",2\r3,4\r"), (1, vec![2, 4]));
        assert_eq!(lines("a,b\n1,2\n\n\n\n5,6\n"), (1, vec![2, 6]));
    }
}
