# Строки, общие для терминала, окна и инструментов: названия шкал, областей, частей итога,
# принципов и типов людей, сообщения движка и хранилища.
#
# Ключ в коде (`msg.left`) — это идентификатор сообщения здесь, где точки заменены дефисами
# (`msg-left`). Имя ($name) приходит и в падежах: $name_gen, $name_dat, $name_acc, $name_ins,
# $name_pre; $name_declined — yes, если команда дала все падежные формы, иначе no (тогда
# выбирайте оборот без падежа); $name_gender — masculine, feminine, neuter, plural или other
# (род неизвестен: нужен оборот, верный для любого рода). Список имён добавляет $name_count.

app-name = LeadSim

## Принципы (game/content/principles.py): у каждого названия свой род, чтобы с ним
## согласовывались слова вокруг («принцип применён», «решительность проявлена»)

principle-name-planning = Планирование
    .gender = neuter
principle-name-organizing = Организация
    .gender = feminine
principle-name-motivating = Мотивация
    .gender = feminine
principle-name-controlling = Контроль
    .gender = masculine
principle-name-composure = Выдержка
    .gender = feminine
principle-name-emotional_balance = Психическая уравновешенность, такт
    .gender = feminine
principle-name-stress_resistance = Стрессоустойчивость
    .gender = feminine
principle-name-decisiveness = Решительность, план Б, В, Г
    .gender = feminine
principle-name-strategic_thinking = Стратегическое мышление
    .gender = neuter
principle-name-objectivity = Объективная оценка ситуации
    .gender = feminine
principle-name-rational_thinking = Рациональность мышления, нестандартные решения
    .gender = feminine
principle-name-self_demand = Требовательность к себе
    .gender = feminine
principle-name-expertise = Знание матчасти
    .gender = neuter
principle-name-people_psychology = Знание психологии
    .gender = neuter
principle-name-clear_priorities = Чёткие приоритеты
    .gender = plural
principle-name-informed_decisions = Решения на основе информации
    .gender = plural
principle-name-know_your_people = Знать своих людей
    .gender = neuter
principle-name-values_and_culture = Ценности и культура
    .gender = plural

principle-applied = + { $name } — { $name_gender ->
        [masculine] применён
        [feminine] применена
        [neuter] применено
        [plural] применены
       *[other] принцип применён
    }
principle-violated = − { $name } — { $name_gender ->
        [masculine] нарушен
        [feminine] нарушена
        [neuter] нарушено
        [plural] нарушены
       *[other] принцип нарушен
    }

## Типы людей из статьи: прилагательное согласуется с человеком

archetype-erudite = { $name_gender ->
        [feminine] Эрудированная
       *[other] Эрудированный
    }
archetype-executive = { $name_gender ->
        [feminine] Исполнительная
       *[other] Исполнительный
    }
archetype-friendly = { $name_gender ->
        [feminine] Дружественная
       *[other] Дружественный
    }
archetype-obsequious = { $name_gender ->
        [feminine] Угодливая
       *[other] Угодливый
    }
archetype-indifferent = { $name_gender ->
        [feminine] Равнодушная
       *[other] Равнодушный
    }
archetype-overcompetent = { $name_gender ->
        [feminine] Сверхкомпетентная
       *[other] Сверхкомпетентный
    }

## Шкалы, области и части итога

metric-morale = настрой
metric-stress = стресс
metric-productivity = отдача
metric-trust = доверие
metric-progress = прогресс

setting-product = продукт
setting-project = проект
setting-marketing = маркетинг
setting-finance = финансы
setting-pr = PR и реклама
setting-procurement = закупки
setting-event = мероприятие
setting-crisis = антикризис
setting-sports = спорт
setting-client = работа с клиентом
setting-healthcare = здравоохранение
setting-public = госслужба
setting-other = другое

score-total = Итог
score-delivery = Результат
score-team = Состояние команды
score-retention = Сохранение команды
score-principles = Применённые принципы
score-stakeholders = Ключевые стороны

lang-en = английский
lang-ru = русский

## Что движок сообщает игроку после решения

msg-left = { $name } уходит из команды.
msg-joined = { $name } присоединяется к команде.
msg-away = { $name } на время выбывает из работы.
msg-back = { $name } возвращается к работе.
msg-milestone_reached = Этап пройден: { $name }
msg-milestone_missed = Этап провален: { $name }
msg-milestone_reached_unnamed = Этап пройден
msg-milestone_missed_unnamed = Этап провален
msg-revealed = { $names_declined ->
        [yes] Теперь вы знаете, как на самом деле обстоят дела у { $names_gen }.
       *[no] Теперь вы знаете, как на самом деле { $names_count ->
            [one] чувствует
           *[other] чувствуют
        } себя { $names }.
    }
msg-timeout = Время вышло, а решение так и не принято.

## Сохранения и таблица рекордов (game/store)

store-name_not_text = Имя должно быть текстом.
store-name_empty = Имя пустое: введите хотя бы один видимый символ.
store-name_control = В имени есть невидимый управляющий символ (позиция { $position }); используйте только видимые символы и пробелы.
store-name_too_long = Имя длиной { $length } { $length ->
        [one] символ
        [few] символа
       *[other] символов
    }, а можно не больше { $max }.
store-resume_other_scenario = Это сохранение относится к сценарию «{ $saved }», а не к «{ $given }». Выберите нужный сценарий или начните новую игру.
store-resume_changed_misfit = Сценарий «{ $scenario }» изменился после сохранения, и { $count } { $count ->
        [one] сохранённое решение больше не укладывается
        [few] сохранённых решения больше не укладываются
       *[other] сохранённых решений больше не укладываются
    } в него ({ $detail }). Игру придётся начать заново.
store-resume_failed = Это сохранение сценария «{ $scenario }» не удалось воспроизвести ({ $detail }). Игру придётся начать заново.
store-resume_changed = Сценарий «{ $scenario }» обновился после сохранения; { $count } { $count ->
        [one] решение повторено
        [few] решения повторены
       *[other] решений повторено
    } на новой версии, поэтому цифры могут отличаться от прежних.
store-already_recorded = Эта игра уже есть в таблице рекордов (строка №{ NUMBER($row, useGrouping: 0) }).
