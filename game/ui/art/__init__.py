"""The game's art kit: portraits, the logo and window icon, setting covers and icons.

Everything is drawn from vector shapes by pygame's SVG renderer, on Surfaces with per-pixel
alpha, so it works without a display (convert happens only when a window exists):

- `portraits`: `Portraits(cache_size).surface(seed, look, mood, stress, estimated, gone, size)`;
- `logo`: `logo(height)`, `window_icon(size)`;
- `covers`: `cover(setting, (width, height), palette)` for every scenario setting;
- `icons`: `icon(name, size, colour)` for meters, principles and a few interface notions;
- `kit`: `ArtKit`, one object that caches all of the above for the screens.

What a person looks like (the `portrait:` keys of a team file) is `game.content.look`.
"""
