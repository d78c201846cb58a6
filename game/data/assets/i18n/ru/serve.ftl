# Сервер класса (`leadsim serve`): страница для проектора и страница преподавателя.

serve-title = Класс LeadSim
serve-round-open = Раунд { $round } · принимаем результаты
serve-round-closed = Раунд { $round } · закрыт
serve-playing = Сейчас играют
serve-nobody-playing = Сейчас никто не играет.
serve-decisions = { $count ->
    [one] { $count } решение
    [few] { $count } решения
   *[many] { $count } решений
}
serve-no-runs = Завершённых игр пока нет. Таблица заполнится, как только придёт первый результат.
serve-col-place = №
serve-col-name = Имя
serve-col-score = Баллы
serve-col-ending = Концовка
serve-runs = { $count ->
    [one] { $count } прохождение
    [few] { $count } прохождения
   *[many] { $count } прохождений
}
serve-earlier = Прохождений прежних версий сценария: { $count }; они считаются отдельно.
serve-report = Отчёт по группе
serve-map = Карта сюжета
serve-live = в эфире
serve-offline = связь потеряна, переподключаемся…
serve-language = English
serve-map-missing = Карты сюжета «{ $id }» здесь нет: такого сценария не предлагают или его не удаётся нарисовать.
serve-report-empty = Пока нечего включить в отчёт: нет ни одного прохождения.
serve-back = К таблице
serve-not-found = По этому адресу ничего нет.
serve-admin-title = Класс LeadSim · преподаватель
serve-admin-bad-token = Для этой страницы нужен ключ преподавателя, который напечатала команда `leadsim serve`.
serve-admin-open-round = Начать новый раунд
serve-admin-close-round = Закрыть раунд
serve-admin-reset = Начать группу заново
serve-admin-reset-note = Начинает новую группу: прохождения остаются в базе и в выгрузке всех групп, но уходят с табло и из отчёта.
serve-admin-export = Выгрузить CSV
serve-admin-export-all = Выгрузить CSV (все группы)
serve-admin-runs = Прохождения этой группы
serve-admin-hide = Скрыть
serve-admin-show = Показать
serve-admin-hidden = скрыто
serve-admin-col-id = Строка
serve-admin-col-round = Раунд
serve-admin-col-scenario = Сценарий

# Игра как участник класса (`--server URL --pin PIN`).
class-connected = Подключено к классу { $url }.
class-wrong-pin = Класс { $url } не принимает этот PIN: завершённые игры ждут на этом компьютере, пока PIN не будет верным.
class-unreachable = Класс { $url } не отвечает ({ $reason }): завершённые игры ждут на этом компьютере и уйдут, когда он ответит.
class-sent = Отправлено в класс: по пересчёту сервера за эту игру { $score } { $score ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    }.
class-queued = { $count ->
    [1] Класс не ответил: игра ждёт на этом компьютере и уйдёт, когда он ответит.
    [one] Класс не ответил: { $count } игра ждёт на этом компьютере и уйдёт, когда он ответит.
    [few] Класс не ответил: { $count } игры ждут на этом компьютере и уйдут, когда он ответит.
   *[many] Класс не ответил: { $count } игр ждут на этом компьютере и уйдут, когда он ответит.
}
class-refused = Класс не принял эту игру: { $reason }. Она остаётся в таблице этого компьютера.
class-not-queued = Игру не удалось сохранить для класса: { $reason }
