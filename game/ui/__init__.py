"""The game window: pygame-ce and pygame_gui screens over the engine (see docs/ui.md).

`game.ui.app.run_window(args)` is what `leadsim play` calls. Nothing here runs on import.
"""
