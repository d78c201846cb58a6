# Strings shared by the terminal, the window and the tools: names of metrics, settings,
# score parts and principles, the engine's messages, the store's messages.

app-name = LeadSim

principle-applied = применён
principle-violated = нарушен

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
setting-other = другое

score-total = Итог
score-delivery = Результат
score-team = Состояние команды
score-retention = Сохранение команды
score-principles = Применённые принципы
score-stakeholders = Заинтересованные стороны

msg-left = { $name } уходит из команды.
msg-milestone_reached = Этап пройден: { $name }
msg-milestone_missed = Этап провален: { $name }
msg-milestone_default = этап
msg-revealed = Теперь вы знаете, как на самом деле обстоят дела у: { $names }.
msg-timeout = Время вышло, а решение так и не принято.

store-name_not_text = Имя должно быть текстом.
store-name_empty = Имя пустое: введите хотя бы один видимый символ.
store-name_control = В имени есть невидимый управляющий символ (позиция { $position }); используйте только видимые символы и пробелы.
store-name_too_long = В имени { $length } символов, а можно не больше { $max }.
store-resume_other_scenario = Это сохранение относится к сценарию «{ $saved }», а не к «{ $given }». Выберите нужный сценарий или начните новую игру.
store-resume_changed_misfit = Сценарий «{ $scenario }» изменился после сохранения, и ваши сохранённые решения ({ $count }) в него больше не укладываются ({ $detail }). Игру придётся начать заново.
store-resume_failed = Это сохранение сценария «{ $scenario }» не удалось воспроизвести ({ $detail }). Игру придётся начать заново.
store-resume_changed = Сценарий «{ $scenario }» обновился после сохранения; ваши решения ({ $count }) повторены на новой версии, поэтому цифры могут отличаться от прежних.
store-already_recorded = Эта игра уже есть в таблице лидеров (строка №{ $row }).
