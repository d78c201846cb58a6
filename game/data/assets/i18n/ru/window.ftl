# Игровое окно (game/ui).

title-tagline = Проведите команду через кризис и узнайте, какие принципы руководства вы применили.
title-keys = Стрелки или Tab — перейти · Enter — выбрать · Esc — назад · F11 — полный экран
title-store_problem = Сохранение недоступно: { $problem }
title-continue = Продолжить: { $scenario } ({ $decisions ->
        [0] решений пока нет
        [one] { $decisions } решение принято
        [few] { $decisions } решения приняты
       *[other] { $decisions } решений принято
    })
title-new = Новая игра
title-saves = Сохранённые игры
title-leaderboard = Таблица рекордов
title-settings = Настройки
title-quit = Выход

notice-cannot_load = Сценарий «{ $ref }» нельзя запустить: { $error }
notice-restart = { $reason }
notice-changed = { $notice }

button-ok = ОК
button-restart = Начать заново
button-start = Начать
button-back = Назад
button-begin = Приступить
button-continue = Дальше
button-debrief = К разбору игры
button-done = Готово
button-save_score = Сохранить результат
button-skip = Пропустить
button-cancel = Отмена

picker-heading = Выберите сценарий
picker-empty = Сценарии не найдены. Положите файлы сценариев в папку scenarios/ или укажите папку через --scenarios.
picker-broken_item = { $id } (с ошибками)
picker-cannot_start = В файле сценария есть ошибки, играть в него нельзя. Команда «leadsim check» покажет их все.
picker-broken = В файле есть ошибки, играть в него нельзя. Первая из них:
picker-file = Файл: { $path }
picker-best = Ваш лучший результат: { $score } из 100
picker-no_best = Лучший результат: ещё не играли
picker-setting = Область: { $setting }
picker-difficulty = Сложность: { $level } из 5
picker-minutes = Около { $minutes } { $minutes ->
        [one] минуты
       *[other] минут
    }
picker-languages = Языки: { $languages }
picker-team = Команда: { $team } ({ $count } { $count ->
        [one] человек
        [few] человека
       *[other] человек
    })

briefing-sub = Ваша команда: { $team } · { $setting } · около { $minutes } { $minutes ->
        [one] минуты
       *[other] минут
    }
briefing-values = Ценности команды
briefing-estimates = Заштрихованные шкалы со знаком ~ — ваши оценки: как на самом деле обстоят дела, вы узнаете, поговорив с людьми.

card-role = { $role } · { $archetype }
card-left = Больше не в команде
card-private = Лично: { $text }

meter-value = { $value }%
meter-estimate = ~{ $value }%
meter-with_delta = { $value } ({ $delta })
meter-sample = ~100% (+100)

decision-status = { $title } · решение { $turn }
decision-progress = Работа выполнена на { $percent }%
decision-team = Ваша команда
decision-keys = Клавиши 1–{ $last } — выбор · также стрелки и Enter · Esc — меню
decision-save_problem = (Игру не удалось сохранить: { $problem })
decision-countdown = Осталось { $seconds } с

choice-label = { $number }.  { $text }

outcome-heading = Что произошло
outcome-chosen = Ваше решение:
outcome-bullet = • { $text }

debrief-heading = Финал: { $ending }
debrief-score = Итог: { $score } из 100
debrief-show_timeline = Показать ход игры
debrief-show_profile = Показать принципы
debrief-start = старт
debrief-timeline = Команда от решения к решению
debrief-profile = Принципы: применены (+) и нарушены (−)
debrief-applied = + { $principle } ({ $principle_gender ->
        [masculine] применён
        [feminine] применена
        [neuter] применено
        [plural] применены
       *[other] принцип применён
    })
debrief-violated = − { $principle } ({ $principle_gender ->
        [masculine] нарушен
        [feminine] нарушена
        [neuter] нарушено
        [plural] нарушены
       *[other] принцип нарушен
    })
debrief-principles = Коротко о принципах

leaderboard-heading = Таблица рекордов
leaderboard-sub = { $scenario } · версия { $version }
leaderboard-unavailable = Таблица рекордов недоступна: { $problem }
leaderboard-empty = В этой таблице пока никого нет. Пройдите игру и станьте первым.
leaderboard-rank = №
leaderboard-name = Имя
leaderboard-score = Итог
leaderboard-ending = Финал
leaderboard-date = Дата

name-heading = Ваш итог: { $score } из 100
name-prompt = Введите имя для таблицы рекордов и нажмите Enter.
name-placeholder = Ваше имя
name-problem = Такое имя не подходит: { $problem }
name-already = Вы уже сыграли ровно эту партию (те же решения в тех же условиях): она уже есть в таблице и выделена.
name-hint = От 1 до { $limit } { $limit ->
        [one] символа
       *[other] символов
    }, любой алфавит.

settings-heading = Настройки
settings-row = { $setting }: { $value }
settings-lang = Язык
settings-lang-en = English
settings-lang-ru = Русский
settings-fullscreen = Экран
settings-fullscreen-off = Окно
settings-fullscreen-on = Во весь экран
settings-text_size = Размер текста
settings-text_size-small = Мелкий
settings-text_size-normal = Обычный
settings-text_size-large = Крупный
settings-text_size-largest = Самый крупный
settings-palette = Цвета
settings-palette-standard = Обычные
settings-palette-colourblind = Для нарушений цветовосприятия
settings-note = Enter или стрелка вправо меняют настройку, стрелка влево возвращает. Изменения применяются сразу и запоминаются.

pause-heading = Пауза
pause-resume = Продолжить
pause-save = Сохранить игру
pause-quit = Выйти в главное меню
pause-autosaved = Игра сохраняется после каждого решения; кнопка «Продолжить» в главном меню вернёт вас к ней.

save-heading = Сохранить игру
save-prompt = Назовите сохранение.
save-default_slot = { $scenario } { $time }
save-problem = Сохранить не удалось: { $problem }
save-confirm = Сохранить
save-done = Сохранено как «{ $slot }».

saves-heading = Сохранённые игры
saves-empty = Сохранённых игр пока нет.
saves-problems = Файлы, которые не удалось прочитать:
saves-autosave = Автосохранение
saves-item = { $slot }: { $scenario } · { $decisions } { $decisions ->
        [one] решение
        [few] решения
       *[other] решений
    } · { $date }
saves-item_titled = { $slot } · { $decisions } { $decisions ->
        [one] решение
        [few] решения
       *[other] решений
    } · { $date }

autoplay-name = Автоигрок

loading-heading = Минутку
loading-scenarios = Читаем файлы сценариев…
loading-game = Открываем игру…
loading-debrief = Готовим разбор…
loading-saves = Ищем сохранённые игры…
loading-hint = Esc — назад.

picker-scan_problem = Не удалось прочитать файлы сценариев: { $problem }
picker-hint = Щелчок выбирает сценарий · Enter или двойной щелчок запускают его

saves-hint = Щелчок выбирает игру · Enter или двойной щелчок продолжают её
