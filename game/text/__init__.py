"""The terminal front end: the same engine as the window, readable in 80 columns, no pygame."""
