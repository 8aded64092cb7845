//! Placeholder: CSV import is being written.
