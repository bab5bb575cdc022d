"""No text clipped: a check run inside the page, by element boxes, that names what it finds.

For every visible element with text of its own (headings, paragraphs, table cells, labels,
buttons, links, and an SVG chart's `<text>`), the box of that text must lie
- inside its nearest `overflow: hidden` or `clip` ancestor (an SVG clips to its own box), and
- inside the viewport's width, unless it sits in a region that scrolls sideways on purpose (the
  history table's `.table-scroll`): then that region must itself fit the width;
and an element with text whose overflow is hidden or clipped must not be wider inside than it
shows (scrollWidth over clientWidth: text cut off, or an ellipsis).

Text hidden on purpose is left out: for screen readers only (a 1-pixel box, `clip` or
`clip-path`), or placed wholly off the screen until focused (the skip link). The box of
an HTML element's text is measured with a Range over its own text nodes, so a word that overflows
its cell counts even when the cell itself fits.
"""

from __future__ import annotations

from playwright.sync_api import Page

# Sub-pixel rounding of text boxes, in CSS pixels.
TOLERANCE = 1

_FIND_CLIPPED = """
([tolerance, exempt]) => {
  const width = document.documentElement.clientWidth;
  const found = [];
  const style = (el) => getComputedStyle(el);
  const clips = (value) => value === "hidden" || value === "clip";
  const scrolls = (value) => value === "auto" || value === "scroll";
  const short = (text) => text.replace(/\\s+/g, " ").trim().slice(0, 80);
  const describe = (el) => {
    const id = el.id ? "#" + el.id : "";
    const classes = typeof el.className === "string" && el.className.trim()
      ? "." + el.className.trim().split(/\\s+/).join(".") : "";
    return el.tagName.toLowerCase() + id + classes;
  };
  const hiddenOnPurpose = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const s = style(node);
      if (s.clip !== "auto" || s.clipPath !== "none") return true;
      const box = node.getBoundingClientRect();
      if (box.width <= 1 && box.height <= 1) return true;
      const placed = s.position === "absolute" || s.position === "fixed";
      if (placed && (box.right <= 0 || box.bottom <= 0)) return true;
    }
    return false;
  };
  const ownText = (el) => {
    if (el instanceof SVGElement) {
      return el.tagName.toLowerCase() === "text" ? el.textContent : "";
    }
    return Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.data).join("");
  };
  const textBox = (el) => {
    if (el instanceof SVGElement) return el.getBoundingClientRect();
    let box = null;
    for (const node of el.childNodes) {
      if (node.nodeType !== 3 || !node.data.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.width === 0 && r.height === 0) continue;
        box = box === null ? {left: r.left, right: r.right, top: r.top, bottom: r.bottom} : {
          left: Math.min(box.left, r.left), right: Math.max(box.right, r.right),
          top: Math.min(box.top, r.top), bottom: Math.max(box.bottom, r.bottom),
        };
      }
    }
    return box;
  };
  const outside = (inner, outer, x, y) =>
    (x && (inner.left < outer.left - tolerance || inner.right > outer.right + tolerance)) ||
    (y && (inner.top < outer.top - tolerance || inner.bottom > outer.bottom + tolerance));
  const pixels = (box) =>
    `[${Math.round(box.left)}..${Math.round(box.right)}]x[${Math.round(box.top)}..${Math.round(box.bottom)}]`;

  for (const el of document.body.querySelectorAll("*")) {
    const text = short(ownText(el));
    if (!text || el.closest("script, style, template, noscript, title, desc")) continue;
    if (exempt && el.matches(exempt)) continue;
    const s = style(el);
    if (s.visibility !== "visible" || el.getClientRects().length === 0) continue;
    if (hiddenOnPurpose(el)) continue;
    let box = textBox(el);
    if (box === null) continue;
    const name = describe(el);
    if (clips(s.overflowX) && el.scrollWidth > el.clientWidth + tolerance) {
      found.push({element: name, text, why:
        `its text is ${el.scrollWidth} px wide in a box that shows ${el.clientWidth} px`});
    }
    let scroller = null;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const u = style(up);
      const bounds = up.getBoundingClientRect();
      const cx = clips(u.overflowX), cy = clips(u.overflowY);
      if ((cx || cy) && outside(box, bounds, cx, cy)) {
        found.push({element: name, text, why:
          `its text ${pixels(box)} is cut by ${describe(up)} (overflow hidden) ${pixels(bounds)}`});
        break;
      }
      if (scrolls(u.overflowX) || scrolls(u.overflowY)) {
        scroller = up;
        box = bounds;  // reached by scrolling: from here on, the region must fit
      }
    }
    if (box.left < -tolerance || box.right > width + tolerance) {
      const where = scroller === null ? "its text" : `its scrolling region ${describe(scroller)}`;
      found.push({element: name, text, why:
        `${where} ${pixels(box)} is outside the viewport's width (0..${width})`});
    }
  }
  return found;
}
"""


def clipped_text(page: Page, exempt: str = "") -> list[str]:
    """Every element whose text is clipped or sticks out of the viewport's width, each as
    `element "text": why`, in the page's order (empty when none). Elements matching the CSS
    selector `exempt` are left out: a problem known, reported, and not this test's to fix."""
    found: list[dict[str, str]] = page.evaluate(_FIND_CLIPPED, [TOLERANCE, exempt])
    return [f'{item["element"]} "{item["text"]}": {item["why"]}' for item in found]
