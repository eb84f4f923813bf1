"""Pure domain layer: criteria sets, exact scoring, rules, findings and ranking (stdlib only)."""
