//! Turning a file's bytes into text. Form sites export UTF-8, but a CSV saved again from Excel
//! on Windows is Windows-1252 ("CSV") or UTF-16 ("Unicode text"); refusing those would send
//! the user hunting for an encoding menu, so they are decoded here.

/// Text decoded from a file, and the legacy encoding it was read as, if any.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Decoded {
    pub text: String,
    /// `Some("Windows-1252")` when the bytes were not Unicode.
    pub legacy_encoding: Option<&'static str>,
}

/// Decodes UTF-8 (BOM optional), UTF-16 with a BOM, and anything else as Windows-1252.
pub(super) fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes).map(unicode);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes).map(unicode);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(unicode(text.to_owned())),
        Err(_) => Ok(Decoded {
            text: bytes.iter().map(|&b| windows_1252(b)).collect(),
            legacy_encoding: Some("Windows-1252"),
        }),
    }
}

fn unicode(text: String) -> Decoded {
    Decoded {
        text,
        legacy_encoding: None,
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, String> {
    if !bytes.len().is_multiple_of(2) {
        return Err("the file starts like UTF-16 text but has an odd number of bytes".into());
    }
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|pair| unit([pair[0], pair[1]]))
        .collect();
    String::from_utf16(&units)
        .map_err(|_| "the file starts like UTF-16 text but is not valid UTF-16".to_string())
}

/// One Windows-1252 byte as a char; the five unassigned bytes map to the C1 controls.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}',
        '\u{178}',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_taken_as_is() {
        let d = decode("José;é".as_bytes()).unwrap();
        assert_eq!(d.text, "José;é");
        assert_eq!(d.legacy_encoding, None);
    }

    #[test]
    fn windows_1252_is_the_fallback() {
        let d = decode(b"Jos\xE9 \x93quoted\x94 \x80").unwrap();
        assert_eq!(d.text, "José \u{201C}quoted\u{201D} €");
        assert_eq!(d.legacy_encoding, Some("Windows-1252"));
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Né,1".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Né,1".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap().text, "Né,1");
        assert_eq!(decode(&be).unwrap().text, "Né,1");
        assert!(decode(&[0xFF, 0xFE, 0x41]).is_err());
    }
}
