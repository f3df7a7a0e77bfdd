"""The XSS payloads (xss_payloads.txt) and the checks that they came out inert.

Each payload carries a marker, `xss<payload>x<field>`, in the element id, `data-xss` attribute
or alert() argument it would inject, so a failure names the payload and the field it came from.
"""

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

PAYLOAD_FILE = Path(__file__).with_name("xss_payloads.txt")
PAYLOADS = [
    line
    for line in PAYLOAD_FILE.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
DANGEROUS_SCHEME = re.compile(r"^\s*(javascript|data|vbscript)\s*:", re.IGNORECASE)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc"}
JS_TYPES = {"", "text/javascript", "module", "application/javascript"}


def marker(index, field):
    return f"xss{index}x{field}"


def payload(index, field):
    """The payload number `index` (wrapping round the list), marked for `field`."""
    return PAYLOADS[index % len(PAYLOADS)].replace("XSS", marker(index % len(PAYLOADS), field))


def fitting(index, field, max_length):
    """The first payload from `index` on that fits a field of `max_length` characters."""
    for offset in range(len(PAYLOADS)):
        text = payload(index + offset, field)
        if len(text) <= max_length:
            return text
    raise AssertionError(f"no payload fits {max_length} characters")


def injected_in_html(markup):
    """Elements or attributes that a payload managed to inject into an HTML document, parsed as
    a browser would at a first approximation (the Chromium suites prove it for real)."""
    found = []
    for element in BeautifulSoup(markup, "html.parser").find_all(True):
        if str(element.get("id", "")).startswith("xss"):
            found.append(f"<{element.name} id={element['id']}>")
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            handler = name.startswith("on") and "xss" in value
            url = name in URL_ATTRIBUTES and "xss" in value and (
                DANGEROUS_SCHEME.match(value) or name == "srcdoc"
            )
            if name == "data-xss" or handler or url:
                found.append(f"<{element.name} {name}={value!r}>")
        script = element.string or ""
        if element.name == "script" and element.get("type", "").lower() in JS_TYPES and (
            "xss" in script
        ):
            found.append(f"<script>{script[:80]}")
    return found


def evaluated_templates(text):
    """Template-injection payloads that were evaluated instead of shown."""
    signs = [sign for sign in re.findall(r"49xss\d+x\w+", text)]
    for leak in ("pbkdf2_", "md5$", "sql_queries", "DEFAULT_FROM_EMAIL"):
        if leak in text:
            signs.append(leak)
    return signs


def json_ld_blocks(markup):
    """The JSON-LD blocks of a page, parsed; each must be valid JSON."""
    soup = BeautifulSoup(markup, "html.parser")
    blocks = []
    for script in soup.find_all("script", type="application/ld+json"):
        text = script.string or ""
        assert "</" not in text.lower() and "<!--" not in text, text[:200]
        blocks.append(json.loads(text))
    return blocks


def strings_in(data):
    """Every string value in nested JSON data."""
    if isinstance(data, dict):
        for value in data.values():
            yield from strings_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings_in(value)
    elif isinstance(data, str):
        yield data


# Runs in the browser: what a payload injected into the live DOM (the same rules as above).
INJECTED_IN_DOM_JS = """
() => {
  const found = [];
  const dangerous = /^\\s*(javascript|data|vbscript)\\s*:/i;
  const urlAttributes = new Set(["href", "src", "action", "formaction", "data", "xlink:href",
                                 "srcdoc"]);
  const roots = [document];
  document.querySelectorAll("iframe").forEach((frame) => {
    try { if (frame.contentDocument) roots.push(frame.contentDocument); } catch (e) {}
  });
  for (const root of roots) {
    for (const element of root.querySelectorAll("*")) {
      if (element.id && element.id.startsWith("xss")) found.push(element.outerHTML.slice(0, 120));
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value;
        if (name === "data-xss"
            || (name.startsWith("on") && value.includes("xss"))
            || (urlAttributes.has(name) && value.includes("xss")
                && (dangerous.test(value) || name === "srcdoc"))) {
          found.push(element.outerHTML.slice(0, 120));
        }
      }
    }
  }
  if (window.__xss) found.push("window.__xss was set");
  return found;
}
"""
