// Building the page from data. Strings always become text nodes: anything a user typed,
// and anything the server echoes back, is shown as text and never parsed as HTML.

export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Knowledge text (steps, causes) is the only HTML the page inserts: Markdown rendered on the
// server and cleaned there with an allow-list (app/knowledge/render.py). User text never comes here.
export function sanitizedServerHtml(tag, attributes, html) {
  const node = h(tag, attributes);
  node.innerHTML = html;
  return node;
}

export function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

// Say something to screen readers through the page's polite live region.
export function announce(text) {
  const region = document.getElementById("announcer");
  region.textContent = "";
  window.setTimeout(() => { region.textContent = text; }, 60);
}
