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

picker-class_item = Class: { $title }
picker-from_class = From the class at { $url }

classroom-heading = Class
classroom-intro = In a workshop, the instructor's computer runs a class: enter the address and PIN it shows. Finished games then go to the class's leaderboard as well as to this computer's, and the class's scenarios appear in the list of scenarios.
classroom-address = Server address
classroom-address_example = for example 192.168.1.5:8750
classroom-pin = PIN
classroom-connect = Connect
classroom-disconnect = Disconnect
classroom-bad_address = This is not a server address. Write it as the instructor's screen shows it, for example 192.168.1.5:8750.
classroom-off = Not connected to a class
classroom-connecting = Connecting to the class at { $url }…
classroom-connected = Connected to the class at { $url }
classroom-waiting = { $count ->
        [one] One finished game waits to be sent.
       *[other] { $count } finished games wait to be sent.
    }
classroom-wrong_pin = The class at { $url } does not take this PIN
classroom-unreachable = The class at { $url } does not answer ({ $reason })
classroom-fetch_problems = Some of the class's scenarios could not be used:
classroom-sending = Sending your game to the class…
classroom-accepted = The class has your game.
classroom-accepted_score = The class has your game: it scores { $score }.
classroom-queued = The class does not answer now: your game waits on this computer and will be sent when it answers.
classroom-refused = The class did not take your game: { $reason }
classroom-not_queued = Your game could not be kept for the class: { $reason }
classroom-not_a_class = Something answers at { $url }, but it is not a LeadSim class
