//! The documents Convergence reads and writes: questionnaires and assessments.
//! Plain serde types with no behaviour beyond small lookups; scoring lives in `scoring`.

mod assessment;
mod date;
mod participant_file;
mod questionnaire;
mod touchpoint;
mod touchpoint_preset;

pub use assessment::{
    ActionItem, ActionStatus, Aggregation, Answer, Assessment, FORMAT_VERSION, GENERATED_PREFIXES,
    Numbering, Participant, PreviousRound, Response, Round, Side, first_unused, is_generated_name,
    numbered_name_prefix, unused_participant_id,
};
pub use date::{parse_date, today};
pub use questionnaire::{
    Audience, Channel, Dimension, Improvement, Mirror, Question, Questionnaire, Role, Scale,
    ScaleLevel, Slope, Zone,
};
pub use touchpoint::{Engagement, Frequency, Level, Touchpoint, TouchpointCatalogue};
pub use touchpoint_preset::{Preset, channel_preset, pair_level, preset_touchpoint};
