// The chat page: send pastes, show answers as cards, switch language, take feedback.
// The conversation lives on the server (/chat/history); this page only draws it.
import { alternativesCard, answerCard, choiceCard, handoffCard, noMatchCard, textCard } from "./card.js";
import { enableCopyButtons, writeClipboard } from "./copy.js";
import { announce, format, h } from "./dom.js";

const config = JSON.parse(document.getElementById("chat-config").textContent);
const { strings, urls } = config;
const chat = document.querySelector(".chat");
const list = document.getElementById("messages");
const intro = document.getElementById("intro");
const form = document.getElementById("composer");
const input = document.getElementById("query");
const errorBox = document.getElementById("query-error");
const switcher = document.getElementById("lang-switch");
let uiLang = config.ui_lang;
let csrfToken = document.querySelector('meta[name="csrf-token"]').content;
let busy = false;

const ui = () => strings[uiLang];
const scrollBehavior = () => (window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth");

class RequestError extends Error {
  constructor(status, code) {
    super(code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
  }
}

// JSON to and from the chat endpoints; a token that expired while the page sat open is
// refreshed once and the request repeated.
async function call(method, url, body, retried = false) {
  const headers = { Accept: "application/json" };
  if (method !== "GET") Object.assign(headers, { "Content-Type": "application/json", "X-CSRFToken": csrfToken });
  const response = await fetch(url, {
    method, headers, credentials: "same-origin", body: method === "GET" ? undefined : JSON.stringify(body || {}),
  });
  const data = await response.json().catch(() => null);
  if (response.ok) return data;
  const code = data && data.error ? data.error.code : null;
  if (code === "csrf_failed" && !retried) {
    csrfToken = (await call("GET", urls.history)).csrf_token;
    return call(method, url, body, true);
  }
  throw new RequestError(response.status, code);
}

function errorText(error) {
  if (error.status === 429) return ui().error_rate_limited;
  if (error.code === "csrf_failed") return ui().error_session;
  if (error.code === "empty_text") return ui().error_empty;
  return ui().error_generic;
}

function showError(text) {
  errorBox.textContent = text;
  errorBox.hidden = !text;
}

// Interface strings follow the switcher; answers keep the language they are shown in.
function applyInterface() {
  const s = ui();
  document.documentElement.lang = uiLang;
  document.title = s.app_title;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = s[node.dataset.i18n];
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) {
    node.placeholder = s[node.dataset.i18nPlaceholder];
  }
  for (const node of document.querySelectorAll("[data-i18n-aria-label]")) {
    node.setAttribute("aria-label", s[node.dataset.i18nAriaLabel]);
  }
  for (const button of switcher.querySelectorAll("button")) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === uiLang));
  }
}

function feedbackBlock(message, s) {
  const block = h("div", { class: "feedback", role: "group", "aria-label": s.feedback_question });
  if (message.feedback) {
    block.append(h("p", { class: "feedback-thanks", tabindex: "-1" }, s.feedback_thanks));
    return block;
  }
  const reasonId = `reason-${message.id}`;
  const commentId = `comment-${message.id}`;
  const details = h("form", { class: "feedback-form", hidden: true },
    h("label", { for: reasonId }, s.feedback_reason),
    h("select", { id: reasonId, name: "reason" },
      h("option", { value: "" }, s.reason_none),
      config.feedback_reasons.map((reason) => h("option", { value: reason }, s[`feedback_${reason}`]))),
    h("label", { for: commentId }, s.feedback_comment),
    h("textarea", { id: commentId, name: "comment", rows: 2, maxlength: config.feedback_comment_max }),
    h("button", { type: "submit", class: "primary" }, s.feedback_send));
  const status = h("p", { class: "form-error", role: "alert", hidden: true });
  const send = async (choice) => {
    try {
      const data = await call("POST", urls.feedback, { message_id: message.id, entry_id: message.card.id, ...choice });
      const done = feedbackBlock(data.message, s);
      block.replaceWith(done);
      done.querySelector(".feedback-thanks").focus();
      announce(s.feedback_thanks);
    } catch (error) {
      status.textContent = errorText(error);
      status.hidden = false;
    }
  };
  details.addEventListener("submit", (event) => {
    event.preventDefault();
    send({ helpful: false, reason: details.reason.value || null, comment: details.comment.value.trim() || null });
  });
  const notHelpful = h("button", {
    type: "button", class: "feedback-no", "aria-expanded": "false",
    onclick: () => {
      details.hidden = false;
      notHelpful.setAttribute("aria-expanded", "true");
      details.reason.focus();
    },
  }, s.not_helpful);
  block.append(
    h("span", { class: "feedback-question" }, s.feedback_question),
    h("button", { type: "button", class: "feedback-yes", onclick: () => send({ helpful: true }) }, s.helpful),
    notHelpful, details, status);
  return block;
}

function renderMessage(message) {
  if (message.role === "user") {
    return h("li", { class: "message message-user", "data-message-id": message.id },
      h("span", { class: "visually-hidden", "data-i18n": "you" }, ui().you),
      h("div", { class: "bubble user-text" }, message.text));
  }
  const s = strings[message.lang];
  const onOpen = (entryId) => openEntry(entryId, message);
  let card;
  if (message.kind === "choice") card = choiceCard(message, s, onOpen);
  else if (message.kind === "no_match") card = noMatchCard(message, s);
  else if (message.kind === "text") card = textCard(message);
  else if (message.kind === "alternatives") card = alternativesCard(message, s, onOpen);
  else if (message.kind === "handoff") card = handoffCard(message, s, copyTranscript);
  else card = answerCard(message.card, s, { others: message.others || [], onOpen });
  if (message.truncated) card.prepend(h("p", { class: "note" }, message.truncated));
  if (message.card) card.append(feedbackBlock(message, s));
  return h("li", {
    class: `message message-assistant kind-${message.kind}`, "data-message-id": message.id, "data-kind": message.kind,
  }, card);
}

function announceMessage(message) {
  const s = strings[message.lang];
  if (message.kind === "choice") announce(s.announce_choice);
  else if (message.kind === "no_match") announce(s.announce_no_match);
  else if (message.kind === "text" || message.kind === "handoff") announce(message.text);
  else if (message.kind === "alternatives") announce(message.title);
  else if (message.card.confidence_label) {
    announce(format(s.announce_answer, { title: message.card.title, confidence: message.card.confidence_label }));
  } else announce(message.card.title);
}

function show(messages) {
  const nodes = messages.map(renderMessage);
  list.append(...nodes);
  intro.hidden = list.children.length > 0;
  return nodes;
}

async function sendPaste() {
  const text = input.value;
  if (busy) return;
  if (!text.trim()) {
    showError(ui().error_empty);
    return;
  }
  busy = true;
  showError("");
  list.setAttribute("aria-busy", "true");
  const pending = [
    h("li", { class: "message message-user pending" }, h("div", { class: "bubble user-text" }, text)),
    h("li", { class: "message message-assistant pending" }, h("p", { class: "thinking" }, ui().thinking)),
  ];
  list.append(...pending);
  intro.hidden = true;
  input.value = "";
  resizeInput();
  pending[0].scrollIntoView({ block: "start", behavior: scrollBehavior() });
  try {
    const data = await call("POST", urls.send_message, { text });
    pending.forEach((node) => node.remove());
    if (data.ui_lang && data.ui_lang !== uiLang) {
      uiLang = data.ui_lang; // "in Korean please": the interface follows the conversation
      applyInterface();
    }
    const [question] = show(data.messages);
    question.scrollIntoView({ block: "start", behavior: scrollBehavior() });
    announceMessage(data.messages[data.messages.length - 1]);
  } catch (error) {
    pending.forEach((node) => node.remove());
    intro.hidden = list.children.length > 0;
    input.value = text;
    resizeInput();
    showError(errorText(error));
  } finally {
    busy = false;
    list.setAttribute("aria-busy", "false");
  }
}

async function openEntry(entryId, origin) {
  try {
    const data = await call("POST", urls.open_entry, {
      entry_id: entryId, from_message_id: origin.id, lang: origin.lang,
    });
    const [node] = show([data.message]);
    node.scrollIntoView({ block: "start", behavior: scrollBehavior() });
    announceMessage(data.message);
  } catch (error) {
    showError(errorText(error));
  }
}

// The switcher changes the interface and re-renders the current (latest) answer in that language.
async function switchLanguage(lang) {
  const current = [...list.querySelectorAll(".message-assistant:not(.pending)")].pop();
  try {
    const data = await call("POST", urls.change_language, {
      lang, message_id: current ? Number(current.dataset.messageId) : null,
    });
    uiLang = data.ui_lang;
    applyInterface();
    if (data.message) {
      current.replaceWith(renderMessage(data.message));
      announceMessage(data.message);
    }
  } catch (error) {
    showError(errorText(error));
  }
}

async function newConversation() {
  try {
    await call("POST", urls.new_conversation);
    list.replaceChildren();
    intro.hidden = false;
    showError("");
    input.focus();
    announce(ui().new_conversation);
  } catch (error) {
    showError(errorText(error));
  }
}

// "Copy for a ticket": the whole conversation as Markdown (pastes redacted) on the clipboard.
async function copyTranscript() {
  if (!list.children.length) return; // nothing said yet, nothing to copy
  try {
    const response = await fetch(urls.transcript, { credentials: "same-origin", headers: { Accept: "text/markdown" } });
    if (!response.ok) throw new RequestError(response.status, null);
    const copied = await writeClipboard(await response.text());
    const text = copied ? ui().transcript_copied : ui().copy_failed;
    showNotice(text);
    announce(text);
  } catch (error) {
    showError(errorText(error));
  }
}

function showNotice(text) {
  const notice = document.getElementById("conversation-notice");
  notice.textContent = text;
  notice.hidden = !text;
}

async function deleteConversation() {
  if (!list.children.length || !window.confirm(ui().delete_confirm)) return;
  try {
    await call("POST", urls.delete_conversation);
    list.replaceChildren();
    intro.hidden = false;
    showError("");
    showNotice(ui().conversation_deleted);
    announce(ui().conversation_deleted);
    input.focus();
  } catch (error) {
    showError(errorText(error));
  }
}

function resizeInput() {
  input.style.height = "auto";
  input.style.height = `${Math.min(input.scrollHeight, Math.round(window.innerHeight * 0.4))}px`;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  sendPaste();
});
// Enter sends, Shift+Enter adds a line; Enter that confirms an IME composition (Korean, Chinese) does neither.
input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
    event.preventDefault();
    sendPaste();
  }
});
input.addEventListener("input", resizeInput);
document.getElementById("new-conversation").addEventListener("click", newConversation);
document.getElementById("copy-transcript").addEventListener("click", copyTranscript);
document.getElementById("delete-conversation").addEventListener("click", deleteConversation);
switcher.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-lang]");
  if (button && button.dataset.lang !== uiLang) switchLanguage(button.dataset.lang);
});
enableCopyButtons(list);

async function start() {
  try {
    const data = await call("GET", urls.history);
    csrfToken = data.csrf_token;
    const nodes = show(data.messages);
    if (nodes.length) nodes[nodes.length - 1].scrollIntoView({ block: "start" });
  } catch (error) {
    showError(errorText(error));
  }
  intro.hidden = list.children.length > 0;
  chat.dataset.state = "ready";
}

start();
