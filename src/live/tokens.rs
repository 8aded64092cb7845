//! The secrets of a voting session: the room's token (in the QR code, short enough to type),
//! the facilitator's secret and each phone's device token (long and random), and comparing
//! them without telling a guesser, by timing, how much of a guess was right.

use super::LiveError;

/// Letters that cannot be mistaken for one another when typed from a projector (no 0/o, 1/l/i).
const TYPABLE: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// Characters of the room token: 31^10 ≈ 2^49 guesses, at the rate limit's pace centuries.
const ROOM_TOKEN_LEN: usize = 10;

/// Random bytes behind the facilitator's secret and a device token: 128 bits.
const SECRET_BYTES: usize = 16;

/// The token phones join and vote with.
pub fn room_token() -> Result<String, LiveError> {
    let mut bytes = [0u8; ROOM_TOKEN_LEN];
    getrandom::fill(&mut bytes).map_err(|e| LiveError::Random(e.to_string()))?;
    // 256 is not a multiple of 31: rejecting the top bytes would remove the slight bias, which
    // at 2^49 possible tokens changes nothing a guesser could use.
    Ok(bytes
        .iter()
        .map(|b| TYPABLE[usize::from(*b) % TYPABLE.len()] as char)
        .collect())
}

/// A long random secret in hex: the facilitator's, or a phone's device token.
pub fn secret() -> Result<String, LiveError> {
    let mut bytes = [0u8; SECRET_BYTES];
    getrandom::fill(&mut bytes).map_err(|e| LiveError::Random(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Whether `given` is `expected`, taking as long for a near miss as for a wild one.
pub fn same(given: &str, expected: &str) -> bool {
    let (given, expected) = (given.as_bytes(), expected.as_bytes());
    given.len() == expected.len()
        && given
            .iter()
            .zip(expected)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_typable_random_and_of_their_length() {
        let a = room_token().unwrap();
        let b = room_token().unwrap();
        assert_eq!(a.len(), ROOM_TOKEN_LEN);
        assert!(a.bytes().all(|c| TYPABLE.contains(&c)));
        assert_ne!(a, b);
        let s = secret().unwrap();
        assert_eq!(s.len(), 2 * SECRET_BYTES);
        assert!(s.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(s, secret().unwrap());
    }

    #[test]
    fn same_compares_whole_strings() {
        assert!(same("abc", "abc"));
        assert!(!same("abd", "abc"));
        assert!(!same("ab", "abc"));
        assert!(!same("", "abc"));
    }
}
