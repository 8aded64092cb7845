//! Slowing down whoever sends too many requests: a token bucket for each phone that has joined,
//! and one for each network address for everything else (joining, guessing tokens). A request
//! over the limit is refused with 429 and changes nothing.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::Instant;

/// Buckets kept before the full ones (idle long enough to have refilled) are forgotten.
const MAX_BUCKETS: usize = 4096;

/// Who a request is counted against.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    /// A phone that has joined, by its device token.
    Device(String),
    /// Anyone else, by network address.
    Address(IpAddr),
}

/// How many requests a key may send at once and how fast it earns more.
#[derive(Clone, Copy, Debug)]
pub struct Rate {
    pub burst: f64,
    pub per_second: f64,
}

/// A person votes a few times a question and reads the state once a minute at most; thirty at
/// once and ten a second more is far beyond that and still stops a script hammering away.
pub const DEVICE_RATE: Rate = Rate {
    burst: 30.0,
    per_second: 10.0,
};

/// An address joins once per phone behind it and reads the list; a room's worth at once.
pub const ADDRESS_RATE: Rate = Rate {
    burst: 100.0,
    per_second: 20.0,
};

#[derive(Clone, Copy, Debug)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

/// The buckets of a session.
#[derive(Default)]
pub struct Limiter {
    buckets: HashMap<Key, Bucket>,
}

impl Limiter {
    /// Takes one request from `key`'s bucket; false when it is empty.
    pub fn allow(&mut self, key: Key, now: Instant) -> bool {
        let rate = match key {
            Key::Device(_) => DEVICE_RATE,
            Key::Address(_) => ADDRESS_RATE,
        };
        if self.buckets.len() >= MAX_BUCKETS {
            self.forget_full(now);
        }
        let bucket = self.buckets.entry(key).or_insert(Bucket {
            tokens: rate.burst,
            at: now,
        });
        let earned = now.saturating_duration_since(bucket.at).as_secs_f64() * rate.per_second;
        bucket.tokens = (bucket.tokens + earned).min(rate.burst);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    /// Drops buckets that have refilled: forgetting them changes nothing.
    fn forget_full(&mut self, now: Instant) {
        self.buckets.retain(|key, bucket| {
            let rate = match key {
                Key::Device(_) => DEVICE_RATE,
                Key::Address(_) => ADDRESS_RATE,
            };
            let idle = now.saturating_duration_since(bucket.at).as_secs_f64();
            bucket.tokens + idle * rate.per_second < rate.burst
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_device_gets_its_burst_then_ten_a_second() {
        let mut limiter = Limiter::default();
        let start = Instant::now();
        let key = || Key::Device("d".into());
        let allowed = (0..40).filter(|_| limiter.allow(key(), start)).count();
        assert_eq!(allowed, 30);
        assert!(!limiter.allow(key(), start + Duration::from_millis(50)));
        assert!(limiter.allow(key(), start + Duration::from_millis(120)));
        assert!(!limiter.allow(key(), start + Duration::from_millis(130)));
        // Another device is not slowed down by the first.
        assert!(limiter.allow(Key::Device("e".into()), start));
    }

    #[test]
    fn an_address_gets_a_rooms_worth() {
        let mut limiter = Limiter::default();
        let now = Instant::now();
        let key = || Key::Address(IpAddr::from([127, 0, 0, 1]));
        let allowed = (0..150).filter(|_| limiter.allow(key(), now)).count();
        assert_eq!(allowed, 100);
    }

    #[test]
    fn full_buckets_are_forgotten_when_there_are_too_many() {
        let mut limiter = Limiter::default();
        let then = Instant::now();
        for n in 0..MAX_BUCKETS {
            limiter.allow(Key::Device(n.to_string()), then);
        }
        limiter.allow(Key::Device("new".into()), then + Duration::from_secs(10));
        assert_eq!(limiter.buckets.len(), 1);
    }
}
