//! File work off the UI thread. A job is a closure that does the slow part (reading, parsing,
//! writing) on one worker thread and ends in a command the app applies like any other, with a
//! repaint so the result shows at once. One worker runs them in order, so an autosave queued
//! before "discard" is written before the discard removes it. A long read that touches no file
//! the user edits (a portfolio of thousands of files) runs apart, on a thread of its own, so
//! saves never wait for it. Tests run jobs in line.

use std::collections::VecDeque;
use std::sync::mpsc;
use std::thread::JoinHandle;

use super::command::Command;

/// A job's work; `None` when it has nothing to report (an autosave that went well).
type Work = Box<dyn FnOnce() -> Option<Command> + Send>;

/// The worker and what it has finished.
pub struct Jobs {
    worker: Option<Worker>,
    /// Results not yet applied (in line: every result; on the worker: none, they wait in the channel).
    done: VecDeque<Option<Command>>,
    /// Labels of the jobs handed to the worker and not yet back, oldest first.
    running: VecDeque<&'static str>,
    /// Jobs running apart: their results, and their labels while they run.
    apart: Option<Apart>,
}

struct Worker {
    send: mpsc::Sender<Work>,
    results: mpsc::Receiver<Option<Command>>,
    thread: JoinHandle<()>,
}

/// Jobs each on a thread of their own, reporting through one channel.
struct Apart {
    ctx: egui::Context,
    send: mpsc::Sender<(&'static str, Option<Command>)>,
    results: mpsc::Receiver<(&'static str, Option<Command>)>,
    running: Vec<&'static str>,
}

impl Jobs {
    /// Jobs on a worker thread that wakes `ctx` when each one is done.
    pub fn on_worker(ctx: &egui::Context) -> Self {
        let (send, queue) = mpsc::channel::<Work>();
        let (finished, results) = mpsc::channel();
        let (apart_send, apart_results) = mpsc::channel();
        let apart = Apart {
            ctx: ctx.clone(),
            send: apart_send,
            results: apart_results,
            running: Vec::new(),
        };
        let ctx = ctx.clone();
        let thread = std::thread::spawn(move || {
            for job in queue {
                // The receiver is gone only once the app has quit; then the result is moot.
                let _ = finished.send(job());
                ctx.request_repaint();
            }
        });
        Self {
            worker: Some(Worker {
                send,
                results,
                thread,
            }),
            done: VecDeque::new(),
            running: VecDeque::new(),
            apart: Some(apart),
        }
    }

    /// Jobs run at once, on the caller's thread (tests, and the app's last moments).
    pub fn in_line() -> Self {
        Self {
            worker: None,
            done: VecDeque::new(),
            running: VecDeque::new(),
            apart: None,
        }
    }

    /// Starts `work` on a thread of its own (in line in tests): for long reads that must not
    /// hold up saving. Its command comes back through `finished`, whenever it is done.
    pub fn run_apart(
        &mut self,
        label: &'static str,
        work: impl FnOnce() -> Option<Command> + Send + 'static,
    ) {
        let Some(apart) = &mut self.apart else {
            self.done.push_back(work());
            return;
        };
        let send = apart.send.clone();
        let ctx = apart.ctx.clone();
        apart.running.push(label);
        std::thread::spawn(move || {
            // The receiver is gone only once the app has quit; then the result is moot.
            let _ = send.send((label, work()));
            ctx.request_repaint();
        });
    }

    /// Starts `work`; its command comes back through `finished`.
    pub fn run(
        &mut self,
        label: &'static str,
        work: impl FnOnce() -> Option<Command> + Send + 'static,
    ) {
        let work: Work = Box::new(work);
        match &self.worker {
            Some(worker) => match worker.send.send(work) {
                Ok(()) => self.running.push_back(label),
                // The worker died (a panic in a job): do the work here rather than lose it.
                Err(mpsc::SendError(work)) => self.done.push_back(work()),
            },
            None => self.done.push_back(work()),
        }
    }

    /// The commands of jobs that have finished since the last call, in order.
    pub fn finished(&mut self) -> Vec<Command> {
        if let Some(worker) = &self.worker {
            while let Ok(command) = worker.results.try_recv() {
                self.running.pop_front();
                self.done.push_back(command);
            }
        }
        if let Some(apart) = &mut self.apart {
            while let Ok((label, command)) = apart.results.try_recv() {
                if let Some(at) = apart.running.iter().position(|l| *l == label) {
                    apart.running.remove(at);
                }
                self.done.push_back(command);
            }
        }
        self.done.drain(..).flatten().collect()
    }

    /// What the oldest running job is doing, for the status bar.
    pub fn busy(&self) -> Option<&'static str> {
        let apart = self.apart.as_ref().and_then(|a| a.running.first());
        self.running.front().or(apart).copied()
    }

    /// Waits for every queued job (quitting: an autosave or its removal must not be cut off).
    pub fn finish_all(&mut self) {
        if let Some(Worker { send, thread, .. }) = self.worker.take() {
            drop(send);
            // A job that panicked has already lost its work; nothing more to do about it here.
            let _ = thread.join();
        }
    }
}
