// Answer cards from the chat's JSON: the same structure as templates/knowledge/_card.html.
// `s` holds the interface strings of the card's language; `onOpen(entryId)` opens a chip.
import { format, h, sanitizedServerHtml } from "./dom.js";

function badges(card) {
  return [
    ...card.error_codes.map((code) => h("span", { class: "badge badge-code" }, code)),
    ...card.http_statuses.map((status) => h("span", { class: "badge badge-status" }, `HTTP ${status}`)),
  ];
}

function confidence(item) {
  return h("span", { class: `confidence confidence-${item.confidence}`, title: `${item.score} / 100` },
    item.confidence_label);
}

function command(item, card, s) {
  return h("figure", { class: "command" },
    h("figcaption", { lang: card.content_lang },
      item.generation_label ? h("span", { class: "badge badge-generation" }, item.generation_label) : null,
      item.generation_label ? " " : null, item.description),
    h("div", { class: "code-block" },
      h("pre", {}, h("code", { translate: "no" }, item.command)),
      h("button", {
        type: "button", class: "copy-button", "data-copied-label": s.copied, "data-failed-label": s.copy_failed,
        "aria-label": format(s.copy_command, { command: item.command }),
      }, s.copy_action)));
}

function commands(card, s) {
  if (!card.commands.length && !card.older_commands.length) return null;
  return section(s.commands,
    card.commands.map((item) => command(item, card, s)),
    card.older_commands.length
      ? h("details", { class: "older-commands" },
        h("summary", {}, s.older_commands),
        h("p", { class: "hint" }, s.older_commands_hint),
        card.older_commands.map((item) => command(item, card, s)))
      : null);
}

function notice(card, s) {
  if (!card.notice) return null;
  return h("aside", { class: "notice", role: "note" },
    h("p", {}, card.notice.text),
    h("p", { class: "notice-sources" }, h("span", { class: "label" }, s.notice_sources), " ",
      ...card.notice.sources.flatMap((source, i) => [
        i ? " · " : null,
        h("a", { href: source.url, rel: "noopener noreferrer" }, source.article)])));
}

function source(item, s) {
  const name = `${item.article} › ${item.section}`;
  return h("p", { class: "source" },
    h("span", { class: "label" }, s.source), " ",
    item.url ? h("a", { href: item.url, rel: "noopener noreferrer", lang: item.lang }, name)
      : h("span", { lang: item.lang }, name),
    ` · ${item.language} · `, h("time", { datetime: item.date }, item.date),
    item.note ? h("br") : null,
    item.note ? h("span", { class: "label" }, s.source_note) : null,
    item.note ? ` ${item.note}` : null);
}

function section(title, ...content) {
  return h("section", { class: "card-section" }, h("h3", {}, title), ...content);
}

function chips(label, items, onOpen) {
  if (!items.length) return null;
  return h("div", { class: "chip-row" },
    h("span", { class: "label" }, label),
    h("ul", { class: "chips" }, items.map((item) => h("li", {},
      h("button", {
        type: "button", class: "chip", lang: item.content_lang, "data-entry-id": item.id,
        onclick: () => onOpen(item.id),
      },
        item.title,
        item.confidence_label ? h("span", { class: `chip-score confidence-${item.confidence}` },
          item.confidence_label) : null)))));
}

export function answerCard(card, s, { others = [], onOpen }) {
  return h("article", { class: "card answer-card", lang: card.lang, "data-entry-id": card.id },
    h("header", { class: "card-head" },
      h("p", { class: "card-meta" }, h("span", { class: "card-family" }, card.family_label), ...badges(card)),
      h("h2", { class: "card-title", lang: card.content_lang }, card.title),
      card.confidence ? confidence(card) : null),
    card.fallback_note ? h("p", { class: "fallback-note" }, card.fallback_note) : null,
    notice(card, s),
    section(s.cause, sanitizedServerHtml("div", { class: "cause", lang: card.content_lang }, card.cause_html)),
    section(s.steps, sanitizedServerHtml("div", { class: "steps", lang: card.content_lang }, card.steps_html),
      card.history_html
        ? h("details", { class: "history" }, h("summary", {}, s.history),
          sanitizedServerHtml("div", { lang: card.content_lang }, card.history_html))
        : null),
    commands(card, s),
    card.reasons && card.reasons.length
      ? section(s.why_matched, h("ul", { class: "reasons" }, card.reasons.map((reason) => h("li", {}, reason))))
      : null,
    h("footer", { class: "card-foot" },
      card.sources.map((item) => source(item, s)),
      chips(s.other_matches, others, onOpen),
      chips(s.related, card.related, onOpen),
      h("p", { class: "permalink" }, h("a", { href: card.url }, s.permalink))));
}

export function choiceCard(message, s, onOpen) {
  return h("article", { class: "card choice-card", lang: message.lang },
    h("h2", { class: "card-title" }, s.choice_title),
    h("p", { class: "hint" }, s.choice_hint),
    h("ul", { class: "choices" }, message.choices.map((choice) => h("li", {},
      h("button", { type: "button", class: "choice", onclick: () => onOpen(choice.id) },
        h("span", { class: "choice-title", lang: choice.content_lang }, choice.title),
        h("span", { class: "choice-cause", lang: choice.content_lang }, choice.cause),
        h("span", { class: "choice-meta" }, `${choice.family_label} · ${choice.confidence_label}`))))),
    message.others.length ? h("footer", { class: "card-foot" }, chips(s.other_matches, message.others, onOpen)) : null);
}

function outOfScope(scope, s) {
  return h("div", { class: "out-of-scope" },
    h("p", {}, scope.message),
    h("p", {}, h("span", { class: "label" }, s.out_of_scope_docs), " ",
      h("a", { href: scope.docs.url, rel: "noopener noreferrer" }, scope.docs.title)));
}

export function noMatchCard(message, s) {
  return h("article", { class: "card no-match-card", lang: message.lang },
    h("h2", { class: "card-title" }, s.no_match_title),
    message.out_of_scope ? outOfScope(message.out_of_scope, s) : null,
    message.detected ? h("p", {}, message.detected) : null,
    h("p", {}, s.no_match_tips),
    h("ul", { class: "tips" }, message.tips.map((tip) => h("li", {}, tip))),
    h("p", {}, s.browse_families),
    h("ul", { class: "chips" }, message.families.map((family) => h("li", {},
      h("a", { class: "chip", href: family.url }, family.label)))));
}

// A sentence from the assistant: small talk, or a request for the error when nothing was shown yet.
export function textCard(message) {
  return h("article", { class: "card text-card", lang: message.lang }, h("p", {}, message.text));
}

// After "that didn't help": other entries of the same topic, as a choice.
export function alternativesCard(message, s, onOpen) {
  return h("article", { class: "card choice-card alternatives-card", lang: message.lang },
    h("h2", { class: "card-title" }, message.title),
    h("ul", { class: "choices" }, message.choices.map((choice) => h("li", {},
      h("button", { type: "button", class: "choice", "data-entry-id": choice.id, onclick: () => onOpen(choice.id) },
        h("span", { class: "choice-title", lang: choice.content_lang }, choice.title),
        h("span", { class: "choice-cause", lang: choice.content_lang }, choice.cause),
        h("span", { class: "choice-meta" }, choice.family_label))))));
}

// Nothing left to offer: say so, and hand the conversation over as a transcript for a ticket.
export function handoffCard(message, s, onCopy) {
  return h("article", { class: "card handoff-card", lang: message.lang },
    h("p", {}, message.text),
    h("button", { type: "button", class: "primary copy-transcript", onclick: onCopy }, s.copy_transcript));
}
