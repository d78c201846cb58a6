"""The window's screens by name: the host makes a screen from its name (`host.scene(...)`),
as Tuxemon's state repository does, so that no screen module imports another one."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from game.ui.scene import Scene


def screens() -> Mapping[str, type[Scene]]:
    """Every screen class by its `name`."""
    from game.ui.scenes.briefing import BriefingScene
    from game.ui.scenes.debrief import DebriefScene
    from game.ui.scenes.decision import DecisionScene
    from game.ui.scenes.leaderboard import LeaderboardScene
    from game.ui.scenes.loading import LoadingScene
    from game.ui.scenes.name_entry import NameEntryScene
    from game.ui.scenes.notice import NoticeScene
    from game.ui.scenes.outcome import OutcomeScene
    from game.ui.scenes.pause import PauseScene, SaveDialogScene
    from game.ui.scenes.picker import PickerScene
    from game.ui.scenes.saves import SavesScene
    from game.ui.scenes.settings import SettingsScene
    from game.ui.scenes.title import TitleScene

    classes: tuple[type[Scene], ...] = (
        BriefingScene, DebriefScene, DecisionScene, LeaderboardScene, LoadingScene,
        NameEntryScene, NoticeScene, OutcomeScene, PauseScene, SaveDialogScene, PickerScene,
        SavesScene, SettingsScene, TitleScene,
    )  # fmt: skip
    return MappingProxyType({cls.name: cls for cls in classes})
