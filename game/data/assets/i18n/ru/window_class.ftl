# Игровое окно: файлы сценариев с ошибками, сохранённые игры, класс.

picker-unreadable = { $count ->
        [one] { $count } файл сценария не удалось прочитать
        [few] { $count } файла сценариев не удалось прочитать
       *[other] { $count } файлов сценариев не удалось прочитать
    }
picker-unreadable_note = { $count ->
        [one] В нём есть ошибка, поэтому его нет в списке. Тот, кто ведёт сценарии, может запустить «leadsim check» и увидеть, что не так.
       *[other] В них есть ошибки, поэтому их нет в списке. Тот, кто ведёт сценарии, может запустить «leadsim check» и увидеть, что не так.
    }
picker-unreadable_details = Подробнее
leaderboard-unknown_scenario = Сценарий, которого здесь больше нет

store-name_taken = Сохранённая игра с названием «{ $name }» уже есть. Выберите другое название.
store-save_unreadable = Эту сохранённую игру не удалось прочитать, поэтому переименовать её нельзя.
store-not_a_save = Этот файл — не сохранённая игра.

saves-untitled = Сохранённая игра
saves-rename = Переименовать
saves-delete = Удалить
saves-rename_heading = Новое название сохранённой игры
saves-rename_prompt = Новое название для «{ $name }»:
saves-rename_rules = От 1 до { $limit } символов: буквы любого языка, цифры, пробелы и знаки препинания. Enter — переименовать, Esc — отмена.
saves-delete_heading = Удалить сохранённую игру?
saves-delete_prompt = Игра «{ $name }» будет удалена с этого компьютера. Отменить это будет нельзя.

picker-class_item = Класс: { $title }
picker-from_class = Из класса по адресу { $url }

classroom-heading = Класс
classroom-intro = На занятии компьютер ведущего открывает класс: введите адрес и PIN-код, которые он показывает. Тогда законченные игры попадут и в таблицу рекордов класса, и в таблицу этого компьютера, а сценарии класса появятся в списке сценариев.
classroom-address = Адрес сервера
classroom-address_example = например, 192.168.1.5:8750
classroom-pin = PIN-код
classroom-connect = Подключиться
classroom-disconnect = Отключиться
classroom-bad_address = Это не адрес сервера. Напишите его так, как он показан на экране ведущего, например 192.168.1.5:8750.
classroom-off = Нет подключения к классу
classroom-connecting = Подключение к классу { $url }…
classroom-connected = Подключено к классу { $url }
classroom-waiting = { $count ->
        [one] { $count } законченная игра ждёт отправки.
        [few] { $count } законченные игры ждут отправки.
       *[other] { $count } законченных игр ждут отправки.
    }
classroom-wrong_pin = Класс { $url } не принимает этот PIN-код
classroom-unreachable = Класс { $url } не отвечает ({ $reason })
classroom-fetch_problems = Некоторые сценарии класса нельзя использовать:
classroom-sending = Игра отправляется в класс…
classroom-accepted = Класс получил вашу игру.
classroom-accepted_score = Класс получил вашу игру, её результат — { $score }.
classroom-queued = Класс сейчас не отвечает: игра ждёт на этом компьютере и будет отправлена, когда он ответит.
classroom-refused = Класс не принял вашу игру: { $reason }
classroom-not_queued = Игру не удалось сохранить для класса: { $reason }
classroom-not_a_class = По адресу { $url } отвечает что-то, но это не класс LeadSim
