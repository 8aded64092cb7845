//! Integration tests, one crate so they link once: command line, files, scoring, UI.

mod csv_import;
