//! The app's font, embedded once for the window and every report: DejaVu Sans, regular and bold
//! (assets/fonts/README.md says where they come from).

/// DejaVu Sans.
pub static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold: without it, Typst would print bold as regular.
pub static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
