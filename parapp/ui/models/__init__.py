"""Qt item models over ``core`` objects; views observe them and own no state."""
