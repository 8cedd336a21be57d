// Copy buttons next to every command, on the chat and on entry pages (one listener for all).
import { announce } from "./dom.js";

const RESET_AFTER_MS = 2000;

export async function writeClipboard(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused: fall through to the selection-based copy.
    }
  }
  const scratch = document.createElement("textarea");
  scratch.value = text;
  scratch.setAttribute("readonly", "");
  scratch.className = "visually-hidden";
  document.body.append(scratch);
  scratch.select();
  const copied = document.execCommand("copy");
  scratch.remove();
  return copied;
}

export function enableCopyButtons(root = document) {
  root.addEventListener("click", async (event) => {
    const button = event.target.closest(".copy-button");
    if (!button) return;
    const code = button.closest(".code-block").querySelector("code");
    const copied = await writeClipboard(code.textContent);
    const message = copied ? button.dataset.copiedLabel : button.dataset.failedLabel;
    if (!button.dataset.label) button.dataset.label = button.textContent;
    button.textContent = copied ? message : button.dataset.label;
    button.classList.toggle("is-copied", copied);
    announce(message);
    window.clearTimeout(Number(button.dataset.timer));
    button.dataset.timer = String(window.setTimeout(() => {
      button.textContent = button.dataset.label;
      button.classList.remove("is-copied");
    }, RESET_AFTER_MS));
  });
}
