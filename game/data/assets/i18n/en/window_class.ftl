# The game window: broken scenario files, managing saves, the class.

picker-unreadable = { $count ->
        [one] One scenario file could not be read
       *[other] { $count } scenario files could not be read
    }
picker-unreadable_note = { $count ->
        [one] It has a mistake, so it is left out. Whoever looks after the scenarios can run "leadsim check" to see what is wrong.
       *[other] They have mistakes, so they are left out. Whoever looks after the scenarios can run "leadsim check" to see what is wrong.
    }
picker-unreadable_details = Show details
leaderboard-unknown_scenario = A scenario that is no longer here

store-name_taken = Another saved game is already called "{ $name }". Choose another name.
store-save_unreadable = This saved game could not be read, so it cannot be renamed.
store-not_a_save = This file is not a saved game.

saves-untitled = A saved game
saves-rename = Rename
saves-delete = Delete
saves-rename_heading = Rename a saved game
saves-rename_prompt = A new name for "{ $name }":
saves-rename_rules = From 1 to { $limit } characters; letters of any language, digits, spaces and punctuation. Enter renames, Esc cancels.
saves-delete_heading = Delete a saved game?
saves-delete_prompt = "{ $name }" will be deleted from this computer. This cannot be undone.
