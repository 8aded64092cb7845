//! The presentation's optional per-question timer: a length the facilitator picks (off, 1, 2, 3
//! or 5 minutes), a countdown that starts with each question and can be stopped and started
//! again. It asks for a repaint once a second while it runs and never when it is off or stopped,
//! so an idle projector does not keep the processor busy.

use std::time::Duration;

use egui::RichText;

use super::theme;

/// The lengths, in seconds, that "next length" steps through; `None` is no timer.
const LENGTHS: [Option<u32>; 5] = [None, Some(60), Some(120), Some(180), Some(300)];

/// Where the countdown stands, on the window's clock (`egui::InputState::time`, seconds).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Run {
    /// Counting down from the length since this time; the first frame fixes it.
    Since(Option<f64>),
    /// Stopped with this many seconds left.
    Stopped(f64),
}

/// The timer: its length, and whether and since when it runs.
#[derive(Debug)]
pub struct Countdown {
    length: Option<u32>,
    run: Run,
}

impl Default for Countdown {
    fn default() -> Self {
        Self {
            length: None,
            run: Run::Since(None),
        }
    }
}

impl Countdown {
    /// Off → 1 → 2 → 3 → 5 minutes → off; the new length starts at once.
    pub fn next_length(&mut self) {
        let at = LENGTHS
            .iter()
            .position(|&length| length == self.length)
            .unwrap_or(0);
        self.length = LENGTHS[(at + 1) % LENGTHS.len()];
        self.restart();
    }

    /// A new question: its full length, counting.
    pub fn restart(&mut self) {
        self.run = Run::Since(None);
    }

    /// Stops a running countdown where it is; starts a stopped one from there (from the full
    /// length when its time was up).
    pub fn start_stop(&mut self, now: f64) {
        let Some(left) = self.left(now) else { return };
        self.run = match self.run {
            Run::Since(_) => Run::Stopped(left),
            Run::Stopped(_) if left <= 0.0 => Run::Since(Some(now)),
            Run::Stopped(_) => Run::Since(Some(now - (self.seconds() - left))),
        };
    }

    /// Whether a length is set.
    pub fn is_on(&self) -> bool {
        self.length.is_some()
    }

    /// Whether it is stopped.
    pub fn is_stopped(&self) -> bool {
        matches!(self.run, Run::Stopped(_))
    }

    /// "Timer: off (T)", "Timer: 2:00 (T)".
    pub fn length_label(&self) -> String {
        match self.length {
            Some(seconds) => format!("Timer: {} (T)", clock(f64::from(seconds))),
            None => "Timer: off (T)".to_string(),
        }
    }

    /// Seconds left at `now`, `None` when the timer is off; negative once time is up.
    fn left(&self, now: f64) -> Option<f64> {
        self.length?;
        Some(match self.run {
            Run::Since(Some(started)) => self.seconds() - (now - started),
            Run::Since(None) => self.seconds(),
            Run::Stopped(left) => left,
        })
    }

    fn seconds(&self) -> f64 {
        f64::from(self.length.unwrap_or(0))
    }

    /// "1:23 left" in large type ("stopped" after it when stopped), "Time is up" when it has
    /// run out; while it runs, a repaint at the next whole second, since the window otherwise
    /// waits for input.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let now = ui.input(|i| i.time);
        if self.run == Run::Since(None) {
            self.run = Run::Since(Some(now));
        }
        let Some(left) = self.left(now) else { return };
        let text = if left > 0.0 {
            let stopped = if self.is_stopped() { " (stopped)" } else { "" };
            RichText::new(format!("{} left{stopped}", clock(left.ceil())))
        } else {
            RichText::new("Time is up").color(theme::readable(ui, ui.visuals().warn_fg_color))
        };
        ui.add_space(24.0);
        ui.label(text.size(30.0).strong());
        if left > 0.0 && !self.is_stopped() {
            let to_next_second = left - (left.ceil() - 1.0);
            ui.ctx()
                .request_repaint_after(Duration::from_secs_f64(to_next_second.max(0.05)));
        }
    }
}

/// "1:05" for 65 seconds.
fn clock(seconds: f64) -> String {
    let whole = seconds.max(0.0) as u64;
    format!("{}:{:02}", whole / 60, whole % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_reads_minutes_and_seconds() {
        assert_eq!(clock(0.0), "0:00");
        assert_eq!(clock(65.0), "1:05");
        assert_eq!(clock(300.0), "5:00");
        assert_eq!(clock(-3.0), "0:00");
    }

    #[test]
    fn lengths_step_round_and_a_stop_keeps_the_time_left() {
        let mut timer = Countdown::default();
        assert_eq!(timer.left(10.0), None);
        timer.next_length();
        assert_eq!(timer.length_label(), "Timer: 1:00 (T)");
        timer.run = Run::Since(Some(10.0));
        assert_eq!(timer.left(25.0), Some(45.0));
        timer.start_stop(25.0);
        assert_eq!(timer.left(100.0), Some(45.0), "stopped, the time stands");
        timer.start_stop(100.0);
        assert_eq!(
            timer.left(110.0),
            Some(35.0),
            "started again from where it stood"
        );
        assert_eq!(timer.left(200.0), Some(-55.0));
        timer.start_stop(200.0);
        timer.start_stop(210.0);
        assert_eq!(
            timer.left(210.0),
            Some(60.0),
            "started after time is up: full length"
        );
        for _ in 0..4 {
            timer.next_length();
        }
        assert_eq!(timer.length_label(), "Timer: off (T)");
        assert!(!timer.is_on());
    }
}
