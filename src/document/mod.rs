//! The open assessment as something to edit: the edits, applying them, undo and redo, whether
//! there are unsaved changes, and the scores (recomputed after each edit, never per frame).
//! No egui here: the window, the command line and the phone server edit through this.

mod edit;

use std::cell::OnceCell;
use std::path::PathBuf;

use crate::model::{Assessment, Level, Participant, Side};
use crate::scoring::{self, RulePosition, Scores};

pub use edit::{ActionField, Edit, answer_of};

/// Undo steps kept; older ones are dropped.
const UNDO_DEPTH: usize = 200;

/// Names one state of the assessment, so "unsaved" can mean "differs from what is on disk",
/// not "was ever edited": undoing back to the saved state leaves nothing unsaved.
pub type Revision = u64;

/// A state to go back to.
struct Snapshot {
    assessment: Assessment,
    revision: Revision,
}

/// An assessment being worked on.
pub struct Document {
    pub assessment: Assessment,
    pub path: Option<PathBuf>,
    pub scores: Scores,
    /// The overall position under each aggregation rule: three more scorings, so computed
    /// when first shown after a change rather than on every key of fast entry.
    by_rule: OnceCell<Vec<RulePosition>>,
    revision: Revision,
    last_revision: Revision,
    /// The revision on disk; `None` when nothing on disk matches (recovered work).
    saved: Option<Revision>,
    undo: std::collections::VecDeque<Snapshot>,
    redo: Vec<Snapshot>,
    /// The edit that made the current state, while typing may still extend it.
    last_edit: Option<Edit>,
}

impl Document {
    /// A document for an assessment just created or read from `path`: nothing unsaved.
    pub fn new(assessment: Assessment, path: Option<PathBuf>) -> Self {
        let scores = scoring::score(&assessment);
        Self {
            assessment,
            path,
            scores,
            by_rule: OnceCell::new(),
            revision: 0,
            last_revision: 0,
            saved: Some(0),
            undo: std::collections::VecDeque::new(),
            redo: Vec::new(),
            last_edit: None,
        }
    }

    /// Work brought back from an autosave: none of it is in the user's file yet.
    pub fn recovered(assessment: Assessment, path: Option<PathBuf>) -> Self {
        let mut doc = Self::new(assessment, path);
        doc.saved = None;
        doc
    }

    /// A new assessment dated today; `alone`, a self-assessment with its one participant ready
    /// to answer, otherwise a workshop waiting for its participants.
    pub fn new_assessment(mut assessment: Assessment, alone: bool) -> Self {
        assessment.date = chrono::Local::now().format("%Y-%m-%d").to_string();
        if alone {
            assessment.participants.push(Participant {
                id: assessment.next_participant_id(),
                name: "Me".into(),
                side: Side::It,
                role: "CIO".into(),
                level: Some(Level::Strategic),
                ..Participant::default()
            });
        }
        Self::new(assessment, None)
    }

    /// Applies an edit, keeping what it replaced for undo. Typing into one field extends the
    /// last step rather than adding one per key.
    pub fn apply(&mut self, edit: Edit) {
        let extends = self
            .last_edit
            .as_ref()
            .is_some_and(|last| edit.merges_with(last));
        if !extends {
            self.remember(self.assessment.clone());
        }
        edit::apply_edit(&mut self.assessment, &edit);
        self.new_revision(Some(edit));
    }

    /// Applies the edits each of `items` makes, each worked out from the assessment as the
    /// items before it left it (a vote of someone who joined just before), as one undo step
    /// with the scores worked out once. For changes that arrive together (a room's votes on
    /// the command line), where a step per edit would rescore the whole assessment each time.
    pub fn apply_all<T>(&mut self, items: &[T], edits_of: impl Fn(&Assessment, &T) -> Vec<Edit>) {
        let before = self.assessment.clone();
        let mut changed = false;
        for item in items {
            for edit in edits_of(&self.assessment, item) {
                edit::apply_edit(&mut self.assessment, &edit);
                changed = true;
            }
        }
        if changed {
            self.remember(before);
            self.new_revision(None);
        }
    }

    /// Keeps `before` to go back to; what was undone can no longer be redone.
    fn remember(&mut self, before: Assessment) {
        self.undo.push_back(Snapshot {
            assessment: before,
            revision: self.revision,
        });
        if self.undo.len() > UNDO_DEPTH {
            self.undo.pop_front();
        }
        self.redo.clear();
    }

    /// The assessment has changed by `edit` (`None`: by several, which no typing extends).
    fn new_revision(&mut self, edit: Option<Edit>) {
        self.last_edit = edit;
        self.last_revision += 1;
        self.revision = self.last_revision;
        self.changed();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Goes back one step; false when there was none.
    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.undo.pop_back() else {
            return false;
        };
        let current = self.replace_state(previous);
        self.redo.push(current);
        true
    }

    /// Goes forward one undone step; false when there was none.
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        let current = self.replace_state(next);
        self.undo.push_back(current);
        true
    }

    fn replace_state(&mut self, state: Snapshot) -> Snapshot {
        let previous = Snapshot {
            assessment: std::mem::replace(&mut self.assessment, state.assessment),
            revision: self.revision,
        };
        self.revision = state.revision;
        self.last_edit = None;
        self.changed();
        previous
    }

    /// Whether the work differs from what was last saved.
    pub fn is_dirty(&self) -> bool {
        self.saved != Some(self.revision)
    }

    /// The state the assessment is in now; a save records which one it wrote.
    pub fn revision(&self) -> Revision {
        self.revision
    }

    /// `revision` of the work is on disk at `path` now.
    pub fn mark_saved(&mut self, path: PathBuf, revision: Revision) {
        self.path = Some(path);
        self.saved = Some(revision);
        if revision == self.revision {
            // The next keystroke starts a new undo step: the saved state stays reachable.
            self.last_edit = None;
        }
    }

    /// The file name shown in the title bar.
    pub fn title(&self) -> String {
        format!("{} — Convergence", self.marked_name())
    }

    /// The overall position under each aggregation rule.
    pub fn by_rule(&self) -> &[RulePosition] {
        self.by_rule
            .get_or_init(|| scoring::positions_by_rule(&self.assessment))
    }

    /// The file's name, "Untitled" before the first save.
    pub fn file_name(&self) -> String {
        self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || "Untitled".to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// The file's name with `●` in front while there are unsaved changes.
    pub fn marked_name(&self) -> String {
        let mark = if self.is_dirty() { "● " } else { "" };
        format!("{mark}{}", self.file_name())
    }

    fn changed(&mut self) {
        self.scores = scoring::score(&self.assessment);
        self.by_rule = OnceCell::new();
    }
}
