"""Words about people that extraction and identity share (no model, no other stage).

- `titles`: honorifics and titles of office, their abbreviations, and the sex
  a title tells.

It sits below every stage: `extract` and `link` both import it, so a title is
spelled once and means the same on both sides.
"""
