# Терминал (`leadsim play --text`): те же экраны, что и в окне, строками текста.

## Перед первым решением

text-briefing = Ваша команда: { $team } ({ $count } { $count ->
        [one] человек
        [few] человека
       *[other] человек
    }) · { $setting } · около { $minutes } { $minutes ->
        [one] минуты
       *[other] минут
    }
text-values = Ценности команды:
text-people = Люди:
text-role = { $role } · { $archetype }

## Решение

text-header = { $title } · решение { $turn } · прогресс { $progress }%
text-leader = Вы: стресс { $stress }% · энергия { $energy }%
text-stakeholder = { $name }: доверие { $trust }% · терпение { $patience }%
text-stakeholder_role = { $name } ({ $role })
text-problems = Открытые проблемы: { $problems }
text-team = Команда
text-estimate_note = ~ — это оценка: чтобы узнать, как на самом деле, спросите людей.
text-status-quit = { $name_gender ->
        [feminine] ушла из команды
        [masculine] ушёл из команды
       *[other] больше не в команде
    }
text-status-burnout = { $name_gender ->
        [feminine] выгорела и ушла
        [masculine] выгорел и ушёл
       *[other] выгорание: больше не в команде
    }
text-status-decided = { $name_gender ->
        [feminine] вы с ней расстались
        [masculine] вы с ним расстались
       *[other] расставание по вашему решению
    }
text-status-away = временно отсутствует
text-private = Лично: { $text }
text-choices = Что вы сделаете?
text-time_limit = На решение { $seconds } { $seconds ->
        [one] секунда
        [few] секунды
       *[other] секунд
    }; когда время выйдет, отсутствие решения и станет вашим решением.
text-time_limit_untimed = (На тренинге на это решение даётся { $seconds } { $seconds ->
        [one] секунда
        [few] секунды
       *[other] секунд
    }; здесь можно не спешить.)

## Приглашение ко вводу

text-prompt = Ваш выбор (1-{ $count }, h — история, q — выход): { "" }
# $clock — оставшееся время вида 0:42, всегда одной ширины; $warn — yes, когда осталось 10 секунд и меньше
text-prompt_timed = { $warn ->
        [yes] { "[" }{ $clock }!]
       *[no] { "[" }{ $clock } ]
    } Ваш выбор (1-{ $count }, h — история, q — выход): { "" }
text-hurry = { $seconds ->
        [one] Осталась { $seconds } секунда
        [few] Осталось { $seconds } секунды
       *[other] Осталось { $seconds } секунд
    }: решайте сейчас, иначе за вас решит время.
text-bad_number = Введите число от 1 до { $count }.
text-empty = Введите номер варианта, h — история решений, q — выход.
text-too_long = Слишком длинная строка для ответа; введите число от 1 до { $count }.
text-policy = [{ $policy }] выбирает { $number }
text-scripted_bad = Решение { $turn }: { $problem }

## После решения

text-outcome = Что произошло:
text-changes = { $name }: { $changes }
text-change-morale = настрой { $change }
text-change-stress = стресс { $change }
text-change-productivity = отдача { $change }
text-change-trust = доверие { $change }
text-change-energy = энергия { $change }
text-change-patience = терпение { $change }
text-you = Вы
text-no_changes = Заметных изменений нет.
text-history_title = Ваши решения:
text-history_empty = Решений пока нет.
text-ledger_line = { $turn }. { $event }: { $choice }
text-timed_out = (время вышло)

## Конец игры

text-ending = Финал: { $title }
text-score = Итог: { $score } из 100
text-ledger = Ваши решения и принципы за ними

## Выход, сохранение, запись результата

text-eof = Ввод закончился: { $count ->
        [0] игра остановлена до первого решения
        [one] игра остановлена после { $count } решения
       *[other] игра остановлена после { $count } решений
    }.
text-quit = { $count ->
        [0] Вы вышли из сценария, не приняв ни одного решения
        [one] Вы вышли из сценария после { $count } решения
       *[other] Вы вышли из сценария после { $count } решений
    }.
text-interrupted = { $count ->
        [0] Прервано до первого решения
        [one] Прервано после { $count } решения
       *[other] Прервано после { $count } решений
    }.
text-nothing_to_save = Ни одного решения не принято — сохранять нечего.
text-saved = Ваши решения сохранены: leadsim play --text --continue продолжит игру с этого места.
text-not_saved_scripted = Эта игра не сохраняется: игры по --choices и игры стратегии не сохраняются.
text-not_saved = { $count } { $count ->
        [one] решение не сохранено
        [few] решения не сохранены
       *[other] решений не сохранено
    }: { $error }
text-partly_saved = Сохранено { $saved } { $saved ->
        [one] первое решение
        [few] первых решения
       *[other] первых решений
    }, а { $count } { $count ->
        [one] последнее
       *[other] последних
    } сохранить не удалось: { $error }
text-not_recorded_unfinished = Результат не записан в таблицу рекордов: игра не дошла до финала.
text-recorded = Результат игрока { $name } записан в таблицу рекордов (смотрите: leadsim leaderboard { $scenario }).
text-save_failed = Не удалось сохранить игру: { $error }
text-record_failed = Не удалось записать результат: { $error }

## Перезагрузка сценария на ходу (`--watch`)

text-reloaded = Сценарий изменился на диске: загружен заново, { $count } { $count ->
        [one] решение повторено
        [few] решения повторены
       *[other] решений повторено
    }.
text-reload_broken = Сценарий изменился на диске, но теперь в нём ошибки; продолжаем последнюю рабочую версию:

## Принципы в разборе

text-debrief-profile_scale = Применения и нарушения считаются отдельно; каждый █ — это { $unit ->
        [one] { $unit } раз
        [few] { $unit } раза
       *[other] { $unit } раз
    }.
text-debrief-col_applied = применения
text-debrief-col_violated = нарушения

## Игра в классе (--server URL --pin PIN)

text-class-drain_sent = { $count ->
        [one] { $count } завершённая игра, ждавшая на этом компьютере, отправлена в класс.
        [few] { $count } завершённые игры, ждавшие на этом компьютере, отправлены в класс.
       *[other] { $count } завершённых игр, ждавших на этом компьютере, отправлены в класс.
    }
text-class-drain_refused = Класс не принял ждавшую игру ({ $run }): { $reason }. Она сохранена в папке отказов очереди и остаётся в таблице этого компьютера.
text-class-drain_waiting = { $count ->
        [one] { $count } завершённая игра всё ещё ждёт на этом компьютере отправки в класс.
        [few] { $count } завершённые игры всё ещё ждут на этом компьютере отправки в класс.
       *[other] { $count } завершённых игр всё ещё ждут на этом компьютере отправки в класс.
    }
text-class-drain_nothing = Для этого класса ничего не ждёт отправки.
text-class-no_scenarios = Класс пока не предлагает сценариев: спросите ведущего или назовите сценарий с этого компьютера.
text-class-offers = { $count ->
        [one] Класс предлагает { $count } сценарий:
        [few] Класс предлагает { $count } сценария:
       *[other] Класс предлагает { $count } сценариев:
    }
text-class-pick = Какой вы играете? (1-{ $count }, q — выход):
text-class-name_a_scenario = Сейчас у класса нельзя узнать его сценарии: назовите сценарий, например leadsim play example_release --text --server …
text-class-not_offered = Класс не предлагает эту версию сценария «{ $title }»: игра идёт здесь, а засчитать ли её, класс решит, когда она придёт.
text-class-fetch_failed = Сценарий «{ $title }» из класса нельзя сыграть: { $reason }
text-class-ask_name = Ваше имя в таблице класса:
text-class-queued_pin = Класс { $url } не принял PIN: игра ждёт на этом компьютере, пока её не отправят с верным PIN.
text-class-send_later = Отправить её позже: leadsim play --text --server { $url } --pin PIN --send (следующая игра для класса тоже её отправит).
