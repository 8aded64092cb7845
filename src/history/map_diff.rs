//! The touchpoint map then and now: which meetings between IT and the business were added,
//! which stopped, and which happen more or less strongly (frequency × effectiveness, the
//! engagement index's strength).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Assessment, Engagement, Frequency, Level, TouchpointCatalogue};
use crate::scoring::strength;

/// A touchpoint as the diff names it: roles and channel by their names.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TouchpointChange {
    pub business_role: String,
    pub it_role: String,
    pub level: Level,
    pub channel: String,
    /// How it worked then; `None` when it did not happen.
    pub before: Option<Engagement>,
    /// How it works now; `None` when it no longer happens.
    pub after: Option<Engagement>,
}

impl TouchpointChange {
    /// "Chief executive – CIO, strategic, Steering committee: weekly, effectiveness 4 of 5 →
    /// daily, effectiveness 5 of 5"; one side only for a touchpoint added or removed.
    pub fn describe(&self) -> String {
        let how = match (self.before, self.after) {
            (Some(before), Some(after)) => format!("{} → {}", before.describe(), after.describe()),
            (Some(only), None) | (None, Some(only)) => only.describe(),
            (None, None) => String::new(),
        };
        format!(
            "{} – {}, {}, {}: {how}",
            self.business_role,
            self.it_role,
            self.level.name(),
            self.channel
        )
    }
}

/// The map of the oldest assessment against the latest one's.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MapDiff {
    pub added: Vec<TouchpointChange>,
    pub removed: Vec<TouchpointChange>,
    pub strengthened: Vec<TouchpointChange>,
    pub weakened: Vec<TouchpointChange>,
}

impl MapDiff {
    /// Each change with what happened to it ("added", "removed", "strengthened", "weakened"),
    /// in that order.
    pub fn changes(&self) -> impl Iterator<Item = (&'static str, &TouchpointChange)> {
        let groups = [
            ("added", &self.added),
            ("removed", &self.removed),
            ("strengthened", &self.strengthened),
            ("weakened", &self.weakened),
        ];
        groups
            .into_iter()
            .flat_map(|(what, list)| list.iter().map(move |change| (what, change)))
    }
}

/// A touchpoint's identity across rounds: who meets whom, at which level, through what.
type Key = (String, String, Level, String);

/// The touchpoints that happen today (frequency above none), the strongest where one is
/// mapped twice.
fn happening(assessment: &Assessment) -> BTreeMap<Key, Engagement> {
    let mut map: BTreeMap<Key, Engagement> = BTreeMap::new();
    for t in &assessment.touchpoints {
        if t.today.frequency == Frequency::None {
            continue;
        }
        let key = (
            t.business_role.clone(),
            t.it_role.clone(),
            t.level,
            t.channel.clone(),
        );
        let entry = map.entry(key).or_insert(t.today);
        if strength(t.today) > strength(*entry) {
            *entry = t.today;
        }
    }
    map
}

/// How the map changed from `then` to `now`.
pub fn map_diff(then: &Assessment, now: &Assessment) -> MapDiff {
    let before = happening(then);
    let after = happening(now);
    let names = Names([
        &now.questionnaire.touchpoints,
        &then.questionnaire.touchpoints,
    ]);
    let change = |key: &Key, before: Option<Engagement>, after: Option<Engagement>| {
        names.change(key, before, after)
    };
    let mut diff = MapDiff::default();
    for (key, &was) in &before {
        match after.get(key) {
            None => diff.removed.push(change(key, Some(was), None)),
            Some(&is) if strength(is) > strength(was) => {
                diff.strengthened.push(change(key, Some(was), Some(is)))
            }
            Some(&is) if strength(is) < strength(was) => {
                diff.weakened.push(change(key, Some(was), Some(is)))
            }
            Some(_) => {}
        }
    }
    for (key, &is) in &after {
        if !before.contains_key(key) {
            diff.added.push(change(key, None, Some(is)));
        }
    }
    diff
}

/// The catalogues to name roles and channels from, newest first; an id none names stays an id.
struct Names<'a>([&'a TouchpointCatalogue; 2]);

impl Names<'_> {
    fn business(&self, id: &str) -> String {
        self.find(id, |c| {
            c.business_roles.iter().map(|r| (&r.id, &r.name)).collect()
        })
    }

    fn it(&self, id: &str) -> String {
        self.find(id, |c| {
            c.it_roles.iter().map(|r| (&r.id, &r.name)).collect()
        })
    }

    fn channel(&self, id: &str) -> String {
        self.find(id, |c| {
            c.channels.iter().map(|r| (&r.id, &r.name)).collect()
        })
    }

    fn find<'c>(
        &'c self,
        id: &str,
        list: impl Fn(&'c TouchpointCatalogue) -> Vec<(&'c String, &'c String)>,
    ) -> String {
        self.0
            .iter()
            .flat_map(|catalogue| list(catalogue))
            .find(|(known, _)| *known == id)
            .map_or_else(|| id.to_string(), |(_, name)| name.clone())
    }

    fn change(
        &self,
        (business, it, level, channel): &Key,
        before: Option<Engagement>,
        after: Option<Engagement>,
    ) -> TouchpointChange {
        TouchpointChange {
            business_role: self.business(business),
            it_role: self.it(it),
            level: *level,
            channel: self.channel(channel),
            before,
            after,
        }
    }
}
