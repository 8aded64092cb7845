//! Phone voting from the window: a panel beside the questionnaire or the presentation to pick
//! the network, start the server, show the QR code and the short address on the projector, see
//! how many have voted (the distribution by side only once revealed), open, reveal, close and
//! move on, and stop. The server is [`crate::live`]; what the phones change comes back as the
//! very edits a typed answer makes, applied where the app applies every command.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use egui::accesskit::Role;
use egui::{RichText, TextureOptions};

use crate::document::{Document, Revision};
use crate::live::{Distribution, Event, HostAction, HostState, LiveError, Server};
use crate::model::Assessment;
use crate::ui::a11y;
use crate::ui::view::{View, ViewCtx};

use super::command::Command;

/// The port tried first, easy to read off a projector; any free one when it is taken.
const PORT: u16 = 8765;

/// Modules of white around a QR code, as the standard asks for a reliable scan.
const QUIET_ZONE: usize = 4;

/// What the panel asks the app to do.
#[derive(Debug)]
pub enum PhoneCommand {
    /// Show the panel, to pick the network and start.
    Show,
    /// Hide the panel (voting is not on).
    Hide,
    Start(IpAddr),
    Stop,
    Host(HostAction),
    /// Changes from the phones, to apply as edits.
    Changes(Vec<Event>),
}

/// Phone voting in the window: the panel's state and, while voting is on, the server.
#[derive(Default)]
pub struct PhoneVoting {
    shown: bool,
    /// The network interfaces offered, read when the panel is shown.
    interfaces: Vec<(String, IpAddr)>,
    chosen: usize,
    /// The question "Open" opens, by index.
    pick: usize,
    /// The question on the screen behind the panel when last looked: "Open" offers it when it
    /// changes, so the phones get the question the room is looking at.
    followed: Option<usize>,
    session: Option<Session>,
    error: Option<String>,
}

/// Voting that is on.
struct Session {
    server: Server,
    qr: egui::TextureHandle,
    /// The last change from the phones applied to the document.
    applied: u64,
    /// What the room was last given: the document's revision and `applied` then.
    synced: Option<(Revision, u64)>,
}

impl PhoneVoting {
    /// Whether the server is running.
    pub fn is_on(&self) -> bool {
        self.session.is_some()
    }

    /// The address phones open, while voting is on.
    pub fn join_url(&self) -> Option<String> {
        self.session.as_ref().map(|s| s.server.join_url())
    }

    /// Offers the question on screen (in fast entry or on the projector) for "Open" when the
    /// facilitator moves to another one; a question picked in the panel stays until then.
    pub fn follow(&mut self, on_screen: Option<usize>) {
        if on_screen != self.followed {
            self.followed = on_screen;
            if let Some(question) = on_screen {
                self.pick = question;
            }
        }
    }

    /// Hands the phones' changes to the app as a command.
    pub fn poll(&mut self, commands: &mut Vec<Command>) {
        if let Some(session) = &mut self.session {
            let events = session.server.events();
            if !events.is_empty() {
                commands.push(Command::Phone(PhoneCommand::Changes(events)));
            }
        }
    }

    /// The app has applied the phones' changes up to `seq`.
    pub fn applied(&mut self, seq: u64) {
        if let Some(session) = &mut self.session {
            session.applied = session.applied.max(seq);
        }
    }

    /// Gives the room the document as it is now, after the frame's commands.
    pub fn sync(&mut self, doc: Option<&Document>) {
        let (Some(session), Some(doc)) = (&mut self.session, doc) else {
            return;
        };
        let now = (doc.revision(), session.applied);
        if session.synced != Some(now) {
            session.server.sync(&doc.assessment, session.applied);
            session.synced = Some(now);
        }
    }

    /// Another assessment takes the place of the one voted on: voting stops.
    pub fn document_replaced(&mut self) {
        if self.is_on() {
            self.stop();
            self.error = Some("Phone voting stopped: another assessment was opened.".into());
        }
    }

    /// Carries out a command of the panel's (the phones' changes are the app's to apply);
    /// returns the question it opened, for the screens to show what the phones are voting on.
    pub fn apply(
        &mut self,
        command: PhoneCommand,
        doc: Option<&Document>,
        ctx: &egui::Context,
    ) -> Option<usize> {
        match command {
            PhoneCommand::Show => {
                self.shown = true;
                self.interfaces = interfaces();
                self.chosen = self.chosen.min(self.interfaces.len().saturating_sub(1));
            }
            PhoneCommand::Hide => self.shown = self.is_on(),
            PhoneCommand::Start(ip) => {
                if let Some(doc) = doc {
                    self.start(ip, doc, ctx);
                }
            }
            PhoneCommand::Stop => self.stop(),
            PhoneCommand::Host(action) => {
                let session = self.session.as_ref()?;
                let opens = matches!(action, HostAction::Open(_) | HostAction::Next);
                self.error = session.server.host(action).err().map(|e| e.to_string());
                if opens && self.error.is_none() {
                    return session.server.poll().question;
                }
            }
            PhoneCommand::Changes(_) => {}
        }
        None
    }

    fn start(&mut self, ip: IpAddr, doc: &Document, ctx: &egui::Context) {
        self.stop();
        let repaint = {
            let ctx = ctx.clone();
            move || ctx.request_repaint()
        };
        let server = Server::start(SocketAddr::new(ip, PORT), &doc.assessment, repaint.clone())
            .or_else(|err| match err {
                LiveError::Bind { .. } => {
                    Server::start(SocketAddr::new(ip, 0), &doc.assessment, repaint)
                }
                other => Err(other),
            });
        match server {
            Ok(server) => {
                let qr = ctx.load_texture(
                    "phone-voting-qr",
                    qr_image(&server.join_url()),
                    TextureOptions::NEAREST,
                );
                self.session = Some(Session {
                    server,
                    qr,
                    applied: 0,
                    synced: None,
                });
                self.error = None;
            }
            Err(err) => self.error = Some(err.to_string()),
        }
    }

    /// Stops the server (its thread has ended when this returns).
    fn stop(&mut self) {
        if let Some(mut session) = self.session.take() {
            session.server.stop();
        }
    }

    /// The panel, when shown, at the right of whatever is on screen.
    pub fn panel_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        if self.shown || self.is_on() {
            egui::Panel::right("phone-voting")
                .resizable(false)
                .exact_size(360.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| self.ui(ui, ctx));
                });
        }
    }

    /// Picking the network and starting.
    fn setup_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        ui.label("Participants vote from their phones' browsers over this network: the room's Wi-Fi or the laptop's hotspot. No internet, no accounts.");
        let name = |(name, ip): &(String, IpAddr)| format!("{name} · {ip}");
        let selected = self
            .interfaces
            .get(self.chosen)
            .map(name)
            .unwrap_or_default();
        egui::ComboBox::from_id_salt("phone-network")
            .selected_text(selected)
            .width(300.0)
            .show_ui(ui, |ui| {
                for (i, interface) in self.interfaces.iter().enumerate() {
                    ui.selectable_value(&mut self.chosen, i, name(interface));
                }
            })
            .response
            .widget_info(a11y::labeled(Role::ComboBox, "Network"));
        ui.horizontal(|ui| {
            let ip = self.interfaces.get(self.chosen).map(|(_, ip)| *ip);
            if ui
                .add_enabled(ip.is_some(), egui::Button::new("Start phone voting"))
                .clicked()
                && let Some(ip) = ip
            {
                ctx.push(Command::Phone(PhoneCommand::Start(ip)));
            }
            if ui.button("Close").clicked() {
                ctx.push(Command::Phone(PhoneCommand::Hide));
            }
        });
    }

    /// While voting is on: how to join, the tally, the controls.
    fn session_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(session) = &self.session else { return };
        let state = session.server.host_state();
        let url = session.server.join_url();
        ui.label(RichText::new("Scan to vote").size(22.0).strong());
        let side = ui.available_width().min(320.0);
        ui.add(
            egui::Image::new(&session.qr)
                .fit_to_exact_size(egui::vec2(side, side))
                .alt_text("QR code to join the vote"),
        );
        ui.label(RichText::new(&url).size(18.0).monospace());
        ui.horizontal(|ui| {
            if ui.button("Copy host link").on_hover_text("The facilitator's page for a second screen: keep it to yourself, it holds the controls").clicked() {
                ui.ctx().copy_text(session.server.host_url());
            }
        });
        ui.separator();
        tally_ui(ui, &state);
        ui.separator();
        self.controls_ui(ui, ctx, &state);
        ui.separator();
        if ui.button("Stop phone voting").clicked() {
            ctx.push(Command::Phone(PhoneCommand::Stop));
        }
    }

    /// Open a question, move on, reveal, close, vote again.
    fn controls_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, state: &HostState) {
        let questions = &state.questions;
        if questions.is_empty() {
            return;
        }
        self.pick = self.pick.min(questions.len() - 1);
        let label = |i: usize| format!("{}. {}", i + 1, questions[i].text);
        egui::ComboBox::from_id_salt("phone-question")
            .selected_text(label(self.pick))
            .width(320.0)
            .truncate()
            .show_ui(ui, |ui| {
                for i in 0..questions.len() {
                    ui.selectable_value(&mut self.pick, i, label(i));
                }
            })
            .response
            .widget_info(a11y::labeled(Role::ComboBox, "Question to open"));
        let on_screen = state.question.is_some();
        let mut act = |action| ctx.push(Command::Phone(PhoneCommand::Host(action)));
        ui.horizontal_wrapped(|ui| {
            if ui.button("Open").clicked() {
                act(HostAction::Open(questions[self.pick].id.clone()));
            }
            if ui.button("Next").clicked() {
                act(HostAction::Next);
                let current = questions
                    .iter()
                    .position(|q| Some(&q.id) == state.question.as_ref());
                self.pick = current.map_or(0, |i| (i + 1).min(questions.len() - 1));
            }
            if ui
                .add_enabled(on_screen && !state.revealed, egui::Button::new("Reveal"))
                .clicked()
            {
                act(HostAction::Reveal);
            }
            if ui
                .add_enabled(on_screen && state.open, egui::Button::new("Close"))
                .clicked()
            {
                act(HostAction::Close);
            }
            if ui
                .add_enabled(on_screen, egui::Button::new("Vote again"))
                .clicked()
            {
                act(HostAction::Again);
            }
        });
    }
}

/// "Phone voting", in a workshop (a self-assessment has its one participant and no room).
pub fn button_ui(ui: &mut egui::Ui, assessment: &Assessment, commands: &mut Vec<Command>) {
    if assessment.participants.len() != 1
        && ui
            .button("Phone voting")
            .on_hover_text(
                "Participants vote from their phones' browsers: a QR code on the projector",
            )
            .clicked()
    {
        commands.push(Command::Phone(PhoneCommand::Show));
    }
}

impl View for PhoneVoting {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        ui.heading("Phone voting");
        if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        if self.is_on() {
            self.session_ui(ui, ctx);
        } else {
            self.setup_ui(ui, ctx);
        }
    }
}

/// The question on screen, how many have voted, and once revealed the counts by side.
fn tally_ui(ui: &mut egui::Ui, state: &HostState) {
    let question = state
        .questions
        .iter()
        .position(|q| Some(&q.id) == state.question.as_ref());
    let Some(index) = question else {
        ui.label(format!(
            "{} phones joined. Open a question to vote on.",
            state.phones
        ));
        return;
    };
    let status = match (state.open, state.revealed) {
        (true, false) => "open",
        (true, true) => "open · revealed",
        (false, false) => "closed",
        (false, true) => "closed · revealed",
    };
    ui.label(format!("Question {} · {status}", index + 1));
    ui.label(RichText::new(&state.questions[index].text).strong());
    let tally = &state.tally;
    ui.label(
        RichText::new(format!("{} of {} voted", tally.voted, tally.participants))
            .size(28.0)
            .strong(),
    );
    ui.weak(format!("{} phones joined", state.phones));
    if let Some(distribution) = &tally.distribution {
        distribution_ui(ui, distribution);
    }
}

/// Counts per level, today and then target, IT beside the business: narrow enough for the panel.
fn distribution_ui(ui: &mut egui::Ui, d: &Distribution) {
    for (phase, by_side) in [("Today", &d.current), ("Target", &d.target)] {
        ui.add_space(6.0);
        egui::Grid::new(("phone-distribution", phase))
            .striped(true)
            .num_columns(3)
            .show(ui, |ui| {
                for heading in [phase, "IT", "Business"] {
                    ui.strong(heading);
                }
                ui.end_row();
                let sides = [&by_side.it, &by_side.business];
                let levels = d.levels.iter().enumerate().map(|(i, level)| {
                    let count = sides.map(|c| c.levels.get(i).copied().unwrap_or(0));
                    (level.as_str(), count)
                });
                let others = [
                    ("Don't know", sides.map(|c| c.dont_know)),
                    ("Not applicable", sides.map(|c| c.not_applicable)),
                ];
                for (name, counts) in levels.chain(others) {
                    ui.label(name);
                    for count in counts {
                        ui.label(count.to_string());
                    }
                    ui.end_row();
                }
            });
    }
}

/// The network interfaces to serve on: the local network's first, loopback (this laptop only)
/// last; IPv4 only, which every phone reaches.
fn interfaces() -> Vec<(String, IpAddr)> {
    let mut list: Vec<(String, IpAddr)> = local_ip_address::list_afinet_netifas()
        .unwrap_or_default()
        .into_iter()
        .filter(|(_, ip)| ip.is_ipv4())
        .collect();
    list.sort_by_key(|(name, ip)| (ip.is_loopback(), name.clone()));
    if list.is_empty() {
        list.push(("loopback".into(), IpAddr::V4(Ipv4Addr::LOCALHOST)));
    }
    list
}

/// The QR code of `url` as an image, one pixel per module (drawn scaled up, without smoothing).
fn qr_image(url: &str) -> egui::ColorImage {
    let Ok(code) = qrcode::QrCode::new(url.as_bytes()) else {
        // A URL of a few dozen characters always fits; show nothing rather than fail.
        return egui::ColorImage::filled([1, 1], egui::Color32::WHITE);
    };
    let width = code.width();
    let side = width + 2 * QUIET_ZONE;
    let mut image = egui::ColorImage::filled([side, side], egui::Color32::WHITE);
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == qrcode::Color::Dark {
            let (x, y) = (i % width + QUIET_ZONE, i / width + QUIET_ZONE);
            image.pixels[y * side + x] = egui::Color32::BLACK;
        }
    }
    image
}
