"""The new-round wizard and the sections it shares with the secretary's "Thiết lập" tab."""
