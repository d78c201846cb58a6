"""The story map of a scenario: its events, choices and endings as a graph, with how often a
playtest takes each link, as a self-contained HTML page (inline SVG) and a PNG."""
