"""The demo year: a deterministic Thái Nguyên round with a council, certificates, self-assessments
with evidence, scored member workspaces and signed submissions. ``year`` builds it; the other
modules hold its data and builders, loaded only when a demo is built.
"""
